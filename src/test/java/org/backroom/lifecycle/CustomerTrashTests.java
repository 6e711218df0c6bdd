package org.backroom.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.because;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.customerIds;
import static org.backroom.support.StoreRecords.delete;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.lookupIds;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 2, point 6: deleting a never-ordered customer to the trash, restoring and purging it; refusing to delete a
 * customer with orders; and the scheduled purge of trash older than the retention.
 */
@BackroomTest
class CustomerTrashTests extends ApiTest {

	@Autowired
	private TrashPurge trashPurge;

	@Autowired
	private JdbcClient jdbc;

	private String name;

	private long id;

	private String path;

	@BeforeEach
	void aCustomerWhoNeverOrdered() {
		name = uniqueName("Mr Murbles");
		id = customer(api, name).path("id").asLong();
		path = "/api/customers/" + id;
	}

	@Test
	void movesANeverOrderedCustomerToTheTrash() {
		JsonNode answer = delete(api, path, "Entered twice by mistake");

		assertThat(answer.path("outcome").asString()).isEqualTo("DELETED");
		assertThat(answer.path("record").path("status").asString()).isEqualTo("DELETED");
		JsonNode deleted = read(api, path);
		assertThat(deleted.path("status").asString()).isEqualTo("DELETED");
		assertThat(deleted.path("statusReason").asString()).isEqualTo("Entered twice by mistake");
		assertThat(customerIds(api, name, "deleted")).containsExactly(id);
		assertThat(customerIds(api, name, "active")).isEmpty();
		assertThat(customerIds(api, name, "all")).isEmpty();
		assertThat(lookupIds(api, name)).isEmpty();
		var sale = sell(api, id, "CASH", line(item(api, "Port", "20.00").path("id").asLong(), 1));
		assertThat(sale.status()).isEqualTo(409);
		assertThat(sale.problemType()).isEqualTo("record-inactive");
		assertThat(sale.json().path("detail").asString()).contains(name).contains("trash");
	}

	@Test
	void deletesAnInactiveCustomerWhoNeverOrdered() {
		transition(api, path, "deactivate", "Moved away");

		assertThat(delete(api, path, "Clearing out").path("outcome").asString()).isEqualTo("DELETED");
		assertThat(customerIds(api, name, "deleted")).containsExactly(id);
	}

	@Test
	void restoresACustomerFromTheTrash() {
		delete(api, path, "Entered twice by mistake");

		JsonNode restored = transition(api, path, "restore", "Was not a duplicate after all");

		assertThat(restored.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(restored.path("statusReason").asString()).isEqualTo("Was not a duplicate after all");
		assertThat(customerIds(api, name, "active")).containsExactly(id);
		assertThat(customerIds(api, name, "deleted")).isEmpty();
		assertThat(lookupIds(api, name)).containsExactly(id);
	}

	@Test
	void purgesACustomerFromTheTrashForGood() {
		delete(api, path, "Test record");

		var purged = api.post(path + "/purge", because("Never a real customer"));

		assertThat(purged.status()).as("%s", purged).isEqualTo(200);
		assertThat(purged.json().path("outcome").asString()).isEqualTo("PURGED");
		var gone = api.get(path);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.problemType()).isEqualTo("not-found");
		assertThat(customerIds(api, name, "deleted")).isEmpty();
		assertThat(api.post(path + "/restore", because("too late")).status()).isEqualTo(404);
	}

	@Test
	void purgesOnlyFromTheTrash() {
		JsonNode before = read(api, path);

		var refused = api.post(path + "/purge", because("Skipping the trash"));

		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("invalid-transition");
		assertThat(read(api, path)).isEqualTo(before);
		assertThat(api.post(path + "/restore", because("not deleted")).problemType()).isEqualTo("invalid-transition");
	}

	@Test
	void asksWhyACustomerIsDeletedOrPurged() {
		JsonNode before = read(api, path);
		for (String query : new String[] { "", "?reason=", "?reason=%20%20" }) {
			var refused = api.delete(path + query);
			assertThat(refused.status()).as("%s: %s", query, refused).isEqualTo(422);
			assertThat(refused.json().path("errors").path(0).path("field").asString()).isEqualTo("reason");
		}
		assertThat(read(api, path)).isEqualTo(before);
		delete(api, path, "Test record");
		assertThat(api.post(path + "/purge", null).status()).isEqualTo(422);
		assertThat(read(api, path).path("status").asString()).isEqualTo("DELETED");
	}

	@Test
	void refusesToDeleteACustomerWithOrders() {
		long itemId = item(api, "Madeira", "15.00").path("id").asLong();
		sold(api, id, "CASH", line(itemId, 1));
		sold(api, id, "CARD", line(itemId, 2));
		JsonNode before = read(api, path);

		var refused = api.delete(path + "?reason=" + Api.encode("Tidying up"));

		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("record-referenced");
		assertThat(refused.json().path("dependents").path("salesOrders").asLong()).isEqualTo(2);
		assertThat(refused.json().path("detail").asString()).contains("2 sales orders").contains("Deactivate")
			.contains("history");
		assertThat(read(api, path)).isEqualTo(before);
		assertThat(ordersOf(api, id)).hasSize(2);

		transition(api, path, "deactivate", "Closed account");
		var stillRefused = api.delete(path + "?reason=" + Api.encode("Tidying up"));
		assertThat(stillRefused.problemType()).isEqualTo("record-referenced");
		assertThat(read(api, path).path("status").asString()).isEqualTo("INACTIVE");
	}

	@Test
	void emptiesTrashOlderThanTheRetentionAndKeepsYoungerTrash() {
		long expired = id;
		delete(api, path, "Old duplicate");
		long young = customer(api, uniqueName("Young trash")).path("id").asLong();
		delete(api, "/api/customers/" + young, "Recent duplicate");
		long fresh = customer(api, uniqueName("Fresh trash")).path("id").asLong();
		delete(api, "/api/customers/" + fresh, "Just now");
		long longInactive = customer(api, uniqueName("Long inactive")).path("id").asLong();
		transition(api, "/api/customers/" + longInactive, "deactivate", "Dormant");
		age(expired, "31 days");
		age(young, "29 days");
		age(longInactive, "400 days");

		int purged = trashPurge.purgeExpired();

		assertThat(purged).isGreaterThanOrEqualTo(1);
		assertThat(api.get(path).status()).isEqualTo(404);
		assertThat(read(api, "/api/customers/" + young).path("status").asString()).isEqualTo("DELETED");
		assertThat(read(api, "/api/customers/" + fresh).path("status").asString()).isEqualTo("DELETED");
		assertThat(read(api, "/api/customers/" + longInactive).path("status").asString()).isEqualTo("INACTIVE");
	}

	/** Pretends the customer's last status change happened this long ago. */
	private void age(long customerId, String interval) {
		int updated = jdbc.sql("UPDATE customers SET status_changed_at = now() - ?::interval WHERE id = ?")
			.params(interval, customerId)
			.update();
		assertThat(updated).isOne();
	}

}
