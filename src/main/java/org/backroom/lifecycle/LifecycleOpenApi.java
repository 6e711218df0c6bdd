package org.backroom.lifecycle;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Says in the OpenAPI description which kinds {@code /api/{kind}/{id}/…} takes: the registered ones, so a kind a
 * feature adds appears by itself and a generated client offers them as an enum.
 */
@Component
class LifecycleOpenApi implements OpenApiCustomizer {

	static final String TAG = "lifecycle";

	private static final String KIND_SCHEMA = "RecordKindPath";

	private final RecordKinds kinds;

	LifecycleOpenApi(RecordKinds kinds) {
		this.kinds = kinds;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getComponents().addSchemas(KIND_SCHEMA, kindSchema());
		openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
			if (operation.getTags() != null && operation.getTags().contains(TAG) && operation.getParameters() != null) {
				operation.getParameters()
					.stream()
					.filter(parameter -> "path".equals(parameter.getIn()) && "kind".equals(parameter.getName()))
					.forEach(parameter -> parameter.description("The kind of record")
						.schema(new Schema<>().$ref("#/components/schemas/" + KIND_SCHEMA)));
			}
		}));
	}

	private StringSchema kindSchema() {
		StringSchema schema = new StringSchema();
		schema.description("A kind of master record, as its API path names it");
		kinds.all().forEach(kind -> schema.addEnumItem(kind.path()));
		return schema;
	}

}
