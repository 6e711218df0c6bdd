package org.backroom.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.allPages;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.customerIds;
import static org.backroom.support.StoreRecords.delete;
import static org.backroom.support.StoreRecords.ids;
import static org.backroom.support.StoreRecords.lookupIds;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueWord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2, point 5: finding customers by status filter and by any part of name, code, email or phone, and paging
 * through every match exactly once.
 */
@BackroomTest
class CustomerSearchTests extends ApiTest {

	@Test
	void showsOnlyActiveCustomersUnlessAskedOtherwise() {
		String word = uniqueWord();
		long active = customer(api, "Active " + word).path("id").asLong();
		long inactive = customer(api, "Inactive " + word).path("id").asLong();
		long deleted = customer(api, "Deleted " + word).path("id").asLong();
		transition(api, "/api/customers/" + inactive, "deactivate", "Closed");
		delete(api, "/api/customers/" + deleted, "Duplicate");

		assertThat(ids(api.get("/api/customers?q=" + word).json().path("items").values())).containsExactly(active);
		assertThat(customerIds(api, word, "active")).containsExactly(active);
		assertThat(customerIds(api, word, "inactive")).containsExactly(inactive);
		assertThat(customerIds(api, word, "all")).containsExactlyInAnyOrder(active, inactive);
		assertThat(customerIds(api, word, "deleted")).containsExactly(deleted);
		assertThat(lookupIds(api, word)).containsExactly(active);
	}

	@Test
	void findsACustomerByAnyPartOfNameCodeEmailOrPhoneInAnyCase() {
		String word = uniqueWord();
		String digits = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		JsonNode customer = customer(api, Map.of("name", "Marguerite " + word + " Blakeney", "email",
				word + ".Owner@Example.COM", "phone", "+44 " + digits));
		long id = customer.path("id").asLong();
		String code = customer.path("code").asString();

		List<String> onlyThisCustomer = List.of("MARGUERITE " + word.toUpperCase(Locale.ROOT), word + " blak",
				code.toLowerCase(Locale.ROOT), code, word.toUpperCase(Locale.ROOT) + ".owner@example.c",
				digits.substring(2, 9), "+44 " + digits);
		for (String q : onlyThisCustomer) {
			assertThat(customerIds(api, q, "active")).as("q=%s", q).containsExactly(id);
			assertThat(lookupIds(api, q)).as("lookup q=%s", q).containsExactly(id);
		}
		assertThat(customerIds(api, "owner@EXAMPLE.com", "active")).as("a part shared with others").contains(id);
		assertThat(customerIds(api, word + " blakeneyx", "active")).isEmpty();
		assertThat(customerIds(api, word.substring(0, 6) + "%" + word.substring(7), "all")).as("%% is literal").isEmpty();
		assertThat(customerIds(api, word.substring(0, 6) + "_" + word.substring(7), "all")).as("_ is literal").isEmpty();
	}

	@Test
	void walksEveryMatchingCustomerExactlyOnceAcrossPages() {
		String word = uniqueWord();
		// Names whose lower case differs between Java and PostgreSQL (final sigma, dotted capital I) sit next to
		// others, so that a page boundary on them shows whether the next page repeats or skips anybody.
		List<String> names = List.of("Apple", "apple", "APPLE", "Banana", "banana split", "Cherry", "Émile", "ÉMILE",
				"Ölaf", "Zoë", "ΝΙΚΟΣ", "Νίκος", "Ωραία", "İlkay", "Ilsa", "imogen", "Straße", "Aaron", "zz top");
		List<Long> expected = new ArrayList<>();
		for (String name : names) {
			expected.add(customer(api, name + " " + word).path("id").asLong());
		}
		long inactive = customer(api, "Middle " + word).path("id").asLong();
		transition(api, "/api/customers/" + inactive, "deactivate", "Closed");

		List<Long> onePage = ids(allPages(api, "/api/customers?q=" + word, 100));
		assertThat(onePage).containsExactlyInAnyOrderElementsOf(expected);
		for (int limit : new int[] { 1, 2, 3, 5, 7 }) {
			assertThat(ids(allPages(api, "/api/customers?q=" + word, limit))).as("limit %d", limit).isEqualTo(onePage);
		}
		List<Long> withInactive = ids(allPages(api, "/api/customers?status=all&q=" + word, 100));
		assertThat(withInactive).hasSize(expected.size() + 1).contains(inactive);
		for (int limit : new int[] { 1, 4 }) {
			assertThat(ids(allPages(api, "/api/customers?status=all&q=" + word, limit))).as("all, limit %d", limit)
				.isEqualTo(withInactive);
		}
	}

	@Test
	void ordersTheListByNameWhateverTheCase() {
		String word = uniqueWord();
		long b = customer(api, "b " + word).path("id").asLong();
		long a = customer(api, "A " + word).path("id").asLong();
		long c = customer(api, "C " + word).path("id").asLong();

		assertThat(customerIds(api, word, "active")).containsExactly(a, b, c);
	}

	@Test
	void refusesAPageOfMoreThan100() {
		for (String limit : new String[] { "101", "1000", "0", "-1" }) {
			var refused = api.get("/api/customers?limit=" + limit);

			assertThat(refused.status()).as("limit=%s: %s", limit, refused).isEqualTo(422);
			assertThat(refused.problemType()).isEqualTo("validation");
			assertThat(refused.json().path("errors").path(0).path("field").asString()).isEqualTo("limit");
		}
		assertThat(api.get("/api/customers?limit=100").status()).isEqualTo(200);
		assertThat(api.get("/api/customers/lookup").json().size()).isLessThanOrEqualTo(20);
	}

	@Test
	void refusesAnUnknownStatusFilterOrAForeignCursor() {
		var status = api.get("/api/customers?status=sleeping");
		assertThat(status.status()).isEqualTo(422);
		assertThat(status.json().path("errors").path(0).path("field").asString()).isEqualTo("status");

		for (String cursor : new String[] { "not-a-cursor", Api.encode("!!!"), "bm8gc2VwYXJhdG9y" }) {
			var refused = api.get("/api/customers?cursor=" + cursor);
			assertThat(refused.status()).as("cursor=%s: %s", cursor, refused).isEqualTo(422);
			assertThat(refused.json().path("errors").path(0).path("field").asString()).isEqualTo("cursor");
		}
	}

}
