package org.backroom.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What every API operation shares in the OpenAPI description: how to sign in (declared once, any one will do), the
 * {@code Problem} schema of every refusal, and the refusals any operation can give. Features describe only their
 * own answers; this runs last so that it also fills in the problem responses other customisers added.
 */
@OpenAPIDefinition(
		info = @Info(title = "Backroom API", version = "1",
				description = "The back office of a shop: master records with one lifecycle, sales, purchasing, "
						+ "approvals, reports and an audit trail. Every refusal is application/problem+json.",
				license = @License(name = "Proprietary", identifier = "LicenseRef-Backroom")),
		servers = @Server(url = "/", description = "This Backroom"),
		security = { @SecurityRequirement(name = ApiContractOpenApi.BASIC),
				@SecurityRequirement(name = ApiContractOpenApi.BEARER),
				@SecurityRequirement(name = ApiContractOpenApi.SESSION) })
@SecurityScheme(name = ApiContractOpenApi.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
		description = "User name and password; checked against a bcrypt hash on every request (slow on purpose)")
@SecurityScheme(name = ApiContractOpenApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "brt_…", description = "A personal API token made at /api/me/tokens")
@SecurityScheme(name = ApiContractOpenApi.SESSION, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
		paramName = "SESSION", description = "The session cookie of a signed-in page; changes need the CSRF token")
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiContractOpenApi implements OpenApiCustomizer {

	static final String BASIC = "basicAuth";

	static final String BEARER = "bearerToken";

	static final String SESSION = "sessionCookie";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	/** Refusals that any operation of the API can give, whatever it does. */
	private static final Map<String, String> ANY_OPERATION = Map.of(
			"401", "unauthenticated: no, or wrong, credentials",
			"403", "forbidden: the user lacks a permission (missingPermission names it)",
			"503", "database-unavailable or try-again: nothing changed; see Retry-After");

	static {
		// PATCH /api/settings reads its body as a tree; the tree's Java getters are no part of the API.
		SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(PROBLEM, ProblemSchema.problem());
		openApi.getComponents().addSchemas(ProblemSchema.FIELD_ERROR, ProblemSchema.fieldError());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
			if (path.startsWith("/api/")) {
				describeRefusals(path, operation);
			}
		}));
	}

	private static void describeRefusals(String path, Operation operation) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		ANY_OPERATION.forEach((status, description) -> responses.putIfAbsent(status, problem(description)));
		if (path.contains("{")) {
			responses.putIfAbsent("404", problem("not-found: there is no such record"));
		}
		if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
			responses.putIfAbsent("422", problem("validation: a parameter is not valid (errors names each)"));
		}
		responses.values().forEach(ApiContractOpenApi::referToProblem);
		operation.setResponses(new ApiResponses());
		responses.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> operation.getResponses().addApiResponse(entry.getKey(), entry.getValue()));
	}

	/** A problem answer that says nothing of its shape gets the {@code Problem} schema. */
	private static void referToProblem(ApiResponse response) {
		if (response.getContent() == null) {
			return;
		}
		MediaType problem = response.getContent().get(PROBLEM_JSON);
		if (problem != null && problem.getSchema() == null) {
			problem.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
		}
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

}
