package org.backroom.idempotency;

import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/** Says in the OpenAPI description what every change through the API accepts and may answer besides its own. */
@Component
class IdempotencyOpenApi implements OpenApiCustomizer {

	private static final Set<PathItem.HttpMethod> MUTATING = Set.of(PathItem.HttpMethod.POST,
			PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (path.startsWith("/api/") && MUTATING.contains(method)) {
				operation.addParametersItem(keyParameter());
				ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
				responses.putIfAbsent("409", problem("request-in-progress: a request with this Idempotency-Key is "
						+ "still running (also the operation's own conflicts)"));
				responses.putIfAbsent("422", problem("idempotency-key-reused: the key came with a different "
						+ "method, path or body (also validation)"));
				responses.putIfAbsent("503", problem("try-again: rolled back by contention with other changes, "
						+ "after retries; nothing changed. See Retry-After")
					.addHeaderObject("Retry-After", new Header().schema(new StringSchema())
						.description("Seconds to wait before sending the request again")));
				operation.setResponses(responses);
			}
		}));
	}

	private static HeaderParameter keyParameter() {
		HeaderParameter key = new HeaderParameter();
		key.setName(IdempotencyFilter.HEADER);
		key.setRequired(false);
		key.setSchema(new StringSchema().minLength(1).maxLength(255).example("6f1c2b7e-3a4d-4e1f-9c55-0b8e2f1d7a90"));
		key.setDescription("Makes the request safe to retry: a request with a key this user sent before, with the same "
				+ "method, path and body, changes nothing and gets the first answer again (status, body, Location, "
				+ "ETag; with Idempotent-Replayed: true). Answers of 400 and more are not kept. Kept for at least 24 h.");
		return key;
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType()));
	}

}
