package org.backroom.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code PATCH /api/settings} refuses what it cannot apply with a {@code validation} problem that names each field
 * and says what it must be, and then changes nothing; what it can apply it applies, and a part it does not know
 * (or one that is not an object) changes nothing.
 */
@BackroomTest
class SettingsChangeTests extends ApiTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			// an unknown key
			"{\"approvals\":{\"customer.teleport\":true}}"
					+ " | approvals.customer.teleport: is not an action that can require approval",
			"{\"approvals\":{\"customer.teleport\":\"yes\"}}"
					+ " | approvals.customer.teleport: is not an action that can require approval",
			"{\"store\":{\"phone\":\"555\"}} | store.phone: is not a store setting (name, address)",
			// a wrong type
			"{\"approvals\":{\"customer.reactivate\":\"true\"}} | approvals.customer.reactivate: must be true or false",
			"{\"approvals\":{\"customer.reactivate\":1}} | approvals.customer.reactivate: must be true or false",
			"{\"approvals\":{\"customer.reactivate\":null}} | approvals.customer.reactivate: must be true or false",
			"{\"trash\":{\"retentionDays\":\"30\"}} | trash.retentionDays: must be a whole number of days from 1 to 3650",
			"{\"trash\":{\"retentionDays\":30.0}} | trash.retentionDays: must be a whole number of days from 1 to 3650",
			"{\"trash\":{\"retentionDays\":null}} | trash.retentionDays: must be a whole number of days from 1 to 3650",
			"{\"trash\":{\"retentionDays\":{}}} | trash.retentionDays: must be a whole number of days from 1 to 3650",
			"{\"lifecycle\":{\"deleteReferenced\":null}} | lifecycle.deleteReferenced: must be refuse or deactivate",
			"{\"lifecycle\":{\"deleteReferenced\":[]}} | lifecycle.deleteReferenced: must be refuse or deactivate",
			"{\"privacy\":{\"retention\":{\"eraseAfterYearsInactive\":\"2\"}}}"
					+ " | privacy.retention.eraseAfterYearsInactive: must be a whole number from 1 to 100, or null for off",
			"{\"store\":{\"name\":5}} | store.name: must be text of at most 100 characters, not blank",
			"{\"store\":{\"address\":[]}} | store.address: must be text of at most 300 characters",
			// a value out of range
			"{\"trash\":{\"retentionDays\":0}} | trash.retentionDays: must be a whole number of days from 1 to 3650",
			"{\"trash\":{\"retentionDays\":3651}} | trash.retentionDays: must be a whole number of days from 1 to 3650",
			"{\"trash\":{\"retentionDays\":99999999999}} | trash.retentionDays: must be a whole number of days from 1 to 3650",
			"{\"lifecycle\":{\"deleteReferenced\":\"archive\"}} | lifecycle.deleteReferenced: must be refuse or deactivate",
			"{\"privacy\":{\"retention\":{\"deactivateAfterMonthsWithoutSale\":1201}}}"
					+ " | privacy.retention.deactivateAfterMonthsWithoutSale: must be a whole number from 1 to 1200, or null for off",
			"{\"store\":{\"name\":\"  \"}} | store.name: must be text of at most 100 characters, not blank",
			// several at once, each named, in the order of the settings
			"{\"store\":{\"name\":\"\"},\"trash\":{\"retentionDays\":-1},\"approvals\":{\"customer.reactivate\":0,"
					+ "\"nope\":true},\"lifecycle\":{\"deleteReferenced\":1}}"
					+ " | approvals.customer.reactivate: must be true or false"
					+ "; approvals.nope: is not an action that can require approval"
					+ "; lifecycle.deleteReferenced: must be refuse or deactivate"
					+ "; trash.retentionDays: must be a whole number of days from 1 to 3650"
					+ "; store.name: must be text of at most 100 characters, not blank" })
	void refusesAValueItCannotApplyNamingTheFieldAndChangesNothing(String body, String expected) {
		String before = api.get("/api/settings").body();
		Api.Response answer = api.send("PATCH", "/api/settings", body);
		assertThat(answer.status()).as("%s", answer).isEqualTo(422);
		assertThat(answer.problemType()).isEqualTo("validation");
		assertThat(errors(answer.json())).isEqualTo(List.of(expected.split("; ")));
		assertThat(api.get("/api/settings").body()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "{}", "{\"colour\":\"blue\"}", "{\"trash\":{}}", "{\"trash\":5}",
			"{\"approvals\":true}", "{\"approvals\":[1]}", "{\"lifecycle\":{\"colour\":1}}", "{\"privacy\":{\"retention\":3}}",
			"{\"privacy\":[]}", "[]", "7" })
	void changesNothingForAPartItDoesNotKnowOrThatIsNotAnObject(String body) {
		String before = api.get("/api/settings").body();
		Api.Response answer = api.send("PATCH", "/api/settings", body);
		assertThat(answer.status()).as("%s", answer).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(before);
	}

	@Test
	void appliesEveryPartItIsGivenAndAnswersTheNewSettings() {
		String before = api.get("/api/settings").body();
		try {
			Api.Response answer = api.send("PATCH", "/api/settings", """
					{"approvals": {"customer.purge": true}, "lifecycle": {"deleteReferenced": "Deactivate"},
					 "trash": {"retentionDays": 45},
					 "privacy": {"retention": {"deactivateAfterMonthsWithoutSale": 18, "eraseAfterYearsInactive": null}},
					 "store": {"name": "  Corner Shop  ", "address": "1 High Street\\nLittle Town"}}""");
			assertThat(answer.status()).as("%s", answer).isEqualTo(200);
			JsonNode settings = answer.json();
			assertThat(settings.path("approvals").path("customer.purge").asBoolean()).isTrue();
			assertThat(settings.path("lifecycle").path("deleteReferenced").asString()).isEqualTo("DEACTIVATE");
			assertThat(settings.path("trash").path("retentionDays").asInt()).isEqualTo(45);
			JsonNode retention = settings.path("privacy").path("retention");
			assertThat(retention.path("deactivateAfterMonthsWithoutSale").asInt()).isEqualTo(18);
			assertThat(retention.path("eraseAfterYearsInactive").isNull()).isTrue();
			JsonNode entry = api.get("/api/audit?action=settings.update&limit=1").json().path("items").path(0);
			assertThat(entry.path("changes").toString()).contains("\"store.name\":\"Corner Shop\"")
				.contains("\"trash.retentionDays\":45").contains("\"lifecycle.deleteReferenced\":\"DEACTIVATE\"");
		}
		finally {
			api.send("PATCH", "/api/settings", """
					{"approvals": {"customer.purge": false}, "lifecycle": {"deleteReferenced": "REFUSE"},
					 "trash": {"retentionDays": 30},
					 "privacy": {"retention": {"deactivateAfterMonthsWithoutSale": null}},
					 "store": {"name": "Backroom store", "address": ""}}""");
			assertThat(api.get("/api/settings").body()).isEqualTo(before);
		}
	}

	private static List<String> errors(JsonNode problem) {
		return problem.path("errors").valueStream()
			.map(error -> error.path("field").asString() + ": " + error.path("message").asString())
			.toList();
	}

}
