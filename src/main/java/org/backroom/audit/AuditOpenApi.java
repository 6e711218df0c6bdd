package org.backroom.audit;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/** Says in the OpenAPI description which kinds have a timeline at {@code /api/{kind}/{id}/history}: an enum. */
@Component
class AuditOpenApi implements OpenApiCustomizer {

	private final List<AuditedKinds> audited;

	AuditOpenApi(List<AuditedKinds> audited) {
		this.audited = audited;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
			if ("recordHistory".equals(operation.getOperationId()) && operation.getParameters() != null) {
				operation.getParameters()
					.stream()
					.filter(parameter -> "path".equals(parameter.getIn()) && "kind".equals(parameter.getName()))
					.forEach(parameter -> parameter.description("The kind of record or role").schema(kinds()));
			}
		}));
	}

	private StringSchema kinds() {
		StringSchema schema = new StringSchema();
		audited.stream().flatMap(owner -> owner.paths().stream()).sorted().forEach(schema::addEnumItem);
		return schema;
	}

}
