package org.backroom.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Makes the suppliers, items and purchase orders that purchasing tests need, through the API and each uniquely
 * named, since tests share one running application. A step that should work fails the test with the server's answer.
 */
public final class PurchasingRecords {

	private PurchasingRecords() {
	}

	/** A name no other test uses. */
	public static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	public static JsonNode supplier(Api api, String name) {
		return created(api, "/api/suppliers", Map.of("name", name, "contactName", "Sam Contact", "paymentTerms", "30 days"));
	}

	/** A new item with a unique SKU and barcode; {@code tracked} says whether it keeps stock on hand. */
	public static JsonNode item(Api api, String name, boolean tracked) {
		String code = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT);
		return created(api, "/api/items", Map.of("sku", "SKU-" + code, "name", name, "price", "5.00", "cost", "3.00",
				"barcode", "99" + code, "trackStock", tracked));
	}

	/** One line of a purchase order. */
	public static Map<String, Object> line(long itemId, int quantity, String unitCost) {
		return Map.of("itemId", itemId, "quantity", quantity, "unitCost", unitCost);
	}

	/** Asks for a new purchase order; returns the answer, whatever it is. */
	@SafeVarargs
	public static Api.Response draft(Api api, long supplierId, Map<String, Object>... lines) {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("supplierId", supplierId);
		order.put("lines", Arrays.asList(lines));
		return api.post("/api/purchase-orders", order);
	}

	/** A new draft that must be accepted. */
	@SafeVarargs
	public static JsonNode drafted(Api api, long supplierId, Map<String, Object>... lines) {
		Api.Response answer = draft(api, supplierId, lines);
		assertThat(answer.status()).as("drafting: %s", answer).isEqualTo(201);
		return answer.json();
	}

	/** A move ({@code order}, {@code receive}, {@code cancel}) that must work; returns the order after it. */
	public static JsonNode moved(Api api, long orderId, String move) {
		Api.Response answer = api.post("/api/purchase-orders/" + orderId + "/" + move, null);
		assertThat(answer.status()).as("%s purchase order %s: %s", move, orderId, answer).isEqualTo(200);
		return answer.json();
	}

	/** Puts {@code quantity} of the item on the shelf the way a store does: a purchase order, ordered and received. */
	public static void stock(Api api, long itemId, int quantity) {
		JsonNode supplier = supplier(api, unique("Stock supplier"));
		JsonNode order = drafted(api, supplier.path("id").asLong(), line(itemId, quantity, "1.00"));
		moved(api, order.path("id").asLong(), "order");
		moved(api, order.path("id").asLong(), "receive");
	}

	/** A lifecycle transition ({@code deactivate}, ...) of a record, which must work. */
	public static JsonNode transition(Api api, String path, String verb) {
		Api.Response answer = api.post(path + "/" + verb, Map.of("reason", "Test: " + verb));
		assertThat(answer.status()).as("%s %s: %s", verb, path, answer).isEqualTo(200);
		return answer.json();
	}

	/** A record read with GET, which must exist. */
	public static JsonNode read(Api api, String path) {
		Api.Response answer = api.get(path);
		assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
		return answer.json();
	}

	public static int stockOf(Api api, long itemId) {
		return read(api, "/api/items/" + itemId).path("stockOnHand").asInt();
	}

	/** The {@code id} of each record. */
	public static List<Long> ids(JsonNode records) {
		return records.values().stream().map(record -> record.path("id").asLong()).toList();
	}

	private static JsonNode created(Api api, String path, Map<String, ?> fields) {
		Api.Response answer = api.post(path, fields);
		assertThat(answer.status()).as("POST %s %s: %s", path, fields, answer).isEqualTo(201);
		return answer.json();
	}

}
