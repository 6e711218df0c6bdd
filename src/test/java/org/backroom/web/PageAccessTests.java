package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A form is offered only to those who could save it: an auditor sees none of them, the owner all. */
@BackroomTest
class PageAccessTests extends ApiTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/customers/new", "/items/new", "/suppliers/new", "/staff/new", "/purchase-orders/new",
			"/sales/new" })
	void offersANewRecordFormOnlyToThoseWhoMayCreate(String page) {
		Api auditor = staffWithRole("Auditor");
		var refused = auditor.get(page, "Accept", "text/html");
		assertThat(refused.status()).as("%s", refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("needs the permission");

		assertThat(api.get(page, "Accept", "text/html").status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "items", "suppliers", "staff" })
	void rendersEachRecordsEditFormWithItsLabels(String kind) {
		long id = switch (kind) {
			case "items" -> api.post("/api/items", java.util.Map.of("sku", "EDIT-" + System.nanoTime(), "name", "Editable",
					"price", "1.00")).json().path("id").asLong();
			case "suppliers" -> api.post("/api/suppliers", java.util.Map.of("name", "Editable supplier")).json()
				.path("id").asLong();
			default -> api.get("/api/me").json().path("id").asLong();
		};
		var form = api.get("/" + kind + "/" + id + "/edit", "Accept", "text/html");
		assertThat(form.status()).as(form.body()).isEqualTo(200);
		assertThat(form.body()).contains("<label", kind.equals("staff") ? "for=\"displayName\"" : "for=\"name\"",
				"value=\"" + (kind.equals("staff") ? "Owner" : kind.equals("items") ? "Editable" : "Editable supplier") + "\"");
	}

	@org.junit.jupiter.api.Test
	void aRefusedItemFormIsShownAgainWithItsErrorsAndInput() {
		var refused = api.raw("POST", "/items/new", "sku=&name=Typed+name&price=abc", "application/x-www-form-urlencoded");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Typed name", "value=\"abc\"", "field-error");
	}

}
