package org.backroom.web;

import java.util.List;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * The {@code Problem} schema: RFC 9457's members plus the extension members Backroom's refusals add, so a generated
 * client reads {@code dependents} or {@code missingPermission} as typed fields. A refusal that adds a member names
 * it here too.
 */
final class ProblemSchema {

	static final String FIELD_ERROR = "ProblemFieldError";

	private ProblemSchema() {
	}

	static Schema<?> problem() {
		Schema<?> problem = new ObjectSchema()
			.description("A refusal (RFC 9457). type is urn:backroom:problem:<slug> and never changes; the other "
					+ "members beyond RFC 9457's are present only for the problems that give them.")
			.addProperty("type", new StringSchema().format("uri").example("urn:backroom:problem:record-inactive"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("errors", new ArraySchema().items(ref(FIELD_ERROR))
				.description("validation: each field or parameter that is wrong"))
			.addProperty("dependents", new MapSchema().additionalProperties(new IntegerSchema().format("int64"))
				.description("record-referenced: how many records of each kind point to the record (capped)"))
			.addProperty("dependentsCapped", strings("record-referenced: the kinds whose count stopped at the cap"))
			.addProperty("suggestedAction", new StringSchema().description("record-referenced: deactivate"))
			.addProperty("recordKind", new StringSchema().description("the kind of the record concerned"))
			.addProperty("recordId", new IntegerSchema().format("int64").description("the record concerned"))
			.addProperty("recordStatus", new StringSchema().description("the status of the record concerned"))
			.addProperty("inactiveRecords", new ArraySchema().items(inactiveRecord())
				.description("record-inactive or record-deleted: every record the work named that is not active"))
			.addProperty("missingPermission", new StringSchema().description("forbidden: the permission needed"))
			.addProperty("missingPermissions", strings("forbidden: every permission needed that the user lacks"))
			.addProperty("retryAfterSeconds", new IntegerSchema().description("how long to wait, as Retry-After"));
		extensions(problem);
		return problem;
	}

	/** Members some single refusals add: credit, stock, jobs, approvals, purchase orders. */
	private static void extensions(Schema<?> problem) {
		problem.addProperty("customerId", new IntegerSchema().format("int64"))
			.addProperty("balance", new StringSchema().description("credit-refused: a decimal"))
			.addProperty("creditLimit", new StringSchema().description("credit-refused: a decimal"))
			.addProperty("amount", new StringSchema().description("credit-refused: a decimal"))
			.addProperty("itemId", new IntegerSchema().format("int64"))
			.addProperty("stockOnHand", new IntegerSchema())
			.addProperty("requested", new IntegerSchema())
			.addProperty("undoneBy", new IntegerSchema().format("int64"))
			.addProperty("jobStatus", new StringSchema())
			.addProperty("requestStatus", new StringSchema())
			.addProperty("move", new StringSchema());
	}

	static Schema<?> fieldError() {
		return new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema())
			.required(List.of("field", "message"));
	}

	private static Schema<?> inactiveRecord() {
		return new ObjectSchema().addProperty("recordKind", new StringSchema())
			.addProperty("recordId", new IntegerSchema().format("int64"))
			.addProperty("label", new StringSchema())
			.addProperty("status", new StringSchema());
	}

	private static Schema<?> strings(String description) {
		return new ArraySchema().items(new StringSchema()).description(description);
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

}
