package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input that is not what any form would send — nulls where lines belong, NUL characters, numbers out of range —
 * is a 422 problem and changes nothing; never a 500.
 */
@BackroomTest
class HostileInputTests extends ApiTest {

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(delimiter = '|', value = {
			"POST | /api/sales-orders    | {\"payment\":\"CASH\",\"lines\":[null]}",
			"POST | /api/purchase-orders | {\"supplierId\":1,\"lines\":[null]}",
			"POST | /api/roles           | {\"name\":\"R-null\",\"permissions\":[null]}",
			"POST | /api/staff           | {\"username\":\"nullrole\",\"displayName\":\"N\",\"password\":\"long-enough-pw\",\"roles\":[null]}",
			"POST | /api/customers       | {\"name\":\"a\\u0000b\"}",
			"PATCH | /api/settings       | {\"trash\":{\"retentionDays\":99999999999}}" })
	void refusesHostileBodiesAsValidation(String method, String path, String body) {
		String before = api.get("/api/customers?status=all&limit=100").body() + api.get("/api/settings").body();
		Api.Response answer = api.send(method, path, body);
		assertThat(answer.status()).as("%s", answer).isEqualTo(422);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.problemType()).isEqualTo("validation");
		assertThat(api.get("/api/customers?status=all&limit=100").body() + api.get("/api/settings").body())
			.isEqualTo(before);
	}

	@ParameterizedTest(name = "GET {0}")
	@CsvSource({ "/api/customers?q=a%00b", "/api/customers/lookup?q=%00", "/api/audit?actor=%00" })
	void refusesANulCharacterInASearch(String path) {
		Api.Response answer = api.get(path);
		assertThat(answer.status()).as("%s", answer).isEqualTo(422);
		assertThat(answer.problemType()).isEqualTo("validation");
	}

}
