package org.backroom.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.backroom.benchmark.PlanCheck.Statement;
import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.Sql;
import org.backroom.web.Cursor;

/**
 * The hot paths, each as an HTTP request to Backroom and as the bare SQL that does the same work, over the same
 * {@link Workload}. The SQL side gives each worker its own connection, as the application's pool does.
 */
final class HotPaths {

	/** One path: its two sides, and the statements whose plans must not scan a large table. */
	record HotPath(String name, LoadDriver.Operation api, LoadDriver.Operation sql, List<Statement> explain) {
	}

	private final TillHttp http;

	private final String token;

	private final Connection[] connections;

	private final Workload work;

	private final long cashier;

	HotPaths(TillHttp http, String token, Connection[] connections, Workload work, long cashier) {
		this.http = http;
		this.token = token;
		this.connections = connections;
		this.work = work;
		this.cashier = cashier;
	}

	List<HotPath> all() {
		return List.of(customerLookup(), itemLookup(), customerList("active"), customerList("all"),
				customerList("inactive"), customerList("deleted"), impact(), sale(), report());
	}

	HotPath customerLookup() {
		return new HotPath("customer lookup",
				(w, r) -> get("/api/customers/lookup?q=" + encode(Workload.any(work.customerTerms(), r))),
				(w, r) -> rows(w, BareSql.customerLookup(Workload.any(work.customerTerms(), r))) >= 0,
				List.of(statement(BareSql.customerLookup(work.customerTerms().get(0)))));
	}

	/** Three lookups in ten are a scanned barcode, the others typed letters. */
	HotPath itemLookup() {
		return new HotPath("item lookup", (w, r) -> get("/api/items/lookup?q=" + encode(itemQuery(r))), (w, r) -> {
			String q = itemQuery(r);
			return rows(w, BareSql.itemLookup(q)) + rows(w, BareSql.ITEM_SCAN, q) >= 0;
		}, List.of(statement(BareSql.itemLookup(work.itemTerms().get(0))),
				Statement.of(BareSql.ITEM_SCAN, work.scans().get(0))));
	}

	private String itemQuery(Random r) {
		return r.nextInt(10) < 3 ? Workload.any(work.scans(), r) : Workload.any(work.itemTerms(), r);
	}

	/** A page of 50 for a search; half the requests start after a record's name, as the next page does. */
	HotPath customerList(String status) {
		Workload.Named start = work.listStarts().get(0);
		return new HotPath("customer list q, status=" + status, (w, r) -> {
			String q = Workload.any(work.customerTerms(), r);
			String cursor = r.nextBoolean() ? "" : "&cursor=" + cursorAt(Workload.any(work.listStarts(), r));
			return get("/api/customers?status=" + status + "&limit=50&q=" + encode(q) + cursor);
		}, (w, r) -> {
			String q = Workload.any(work.customerTerms(), r);
			Workload.Named after = Workload.any(work.listStarts(), r);
			return rows(w, BareSql.customerPage(status, q, r.nextBoolean() ? null
					: new Cursor(after.name(), after.id()))) >= 0;
		}, List.of(statement(BareSql.customerPage(status, work.customerTerms().get(0), null)),
				statement(BareSql.customerPage(status, work.customerTerms().get(0),
						new Cursor(start.name(), start.id())))));
	}

	private static Statement statement(RecordQueries.Query query) {
		return new Statement(query.sql(), query.params());
	}

	private int rows(int worker, RecordQueries.Query query) throws SQLException {
		return rows(worker, query.sql(), query.params().toArray());
	}

	/** Four previews in ten are of items, the others of customers, one in five of them the longest history. */
	HotPath impact() {
		return new HotPath("impact preview", (w, r) -> {
			boolean item = r.nextInt(10) < 4;
			long id = Workload.any(item ? work.itemsToPreview() : work.customersToPreview(), r);
			return get("/api/" + (item ? "items/" : "customers/") + id + "/impact");
		}, (w, r) -> {
			boolean item = r.nextInt(10) < 4;
			long id = Workload.any(item ? work.itemsToPreview() : work.customersToPreview(), r);
			return (item ? itemImpact(w, id) : customerImpact(w, id)) >= 0;
		}, impactStatements(work.customersToPreview().get(0)));
	}

	private List<Statement> impactStatements(long customer) {
		long item = work.itemsToPreview().get(0);
		return List.of(Statement.of(CUSTOMER_IMPACT_ROW, customer, customer, customer),
				Statement.of(ITEM_IMPACT_ROW, item, item, item, item));
	}

	private int customerImpact(int w, long id) throws SQLException {
		return rows(w, CUSTOMER_IMPACT_ROW, id, id, id);
	}

	private int itemImpact(int w, long id) throws SQLException {
		return rows(w, ITEM_IMPACT_ROW, id, id, id, id);
	}

	/**
	 * Customers are pointed to by sales orders and by the customers merged into them, and their open work is their
	 * balance (customer/CustomerRecords).
	 */
	private static final String CUSTOMER_IMPACT_ROW = impactRow("customers", "name || ' (' || code || ')'",
			dependent("sales_orders", "customer_id") + ", " + dependent("customers", "merged_into")
					+ ", balance AS open_work");

	/** Items, by sales and purchase order lines and merged items (item/ItemRecords). */
	private static final String ITEM_IMPACT_ROW = impactRow("items", "name || ' (' || sku || ')'",
			dependent("sales_order_lines", "item_id") + ", " + dependent("purchase_order_lines", "item_id") + ", "
					+ dependent("items", "merged_into"));

	private static String impactRow(String table, String label, String counts) {
		return BareSql.IMPACT_ROW.replace("{label}", label).replace("{counts}", ", " + counts).replace("{table}", table);
	}

	private static String dependent(String table, String column) {
		return BareSql.DEPENDENT_COUNT.replace("{table}", table).replace("{column}", column);
	}

	/** A cash sale of three different items, one each, to a named active customer. */
	HotPath sale() {
		return new HotPath("sale, 3 lines", (w, r) -> {
			long[] items = threeItems(r);
			String body = "{\"customerId\":" + Workload.any(work.buyers(), r) + ",\"payment\":\"CASH\",\"lines\":["
					+ "{\"itemId\":" + items[0] + ",\"quantity\":1},{\"itemId\":" + items[1] + ",\"quantity\":1},"
					+ "{\"itemId\":" + items[2] + ",\"quantity\":1}]}";
			return send("POST", "/api/sales-orders", body, "Content-Type", "application/json", "Idempotency-Key",
					UUID.randomUUID().toString()) == 201;
		}, (w, r) -> new BareSale(connections[w]).sell(Workload.any(work.buyers(), r), threeItems(r), cashier),
				BareSale.statements(work.buyers().get(0), work.goods().subList(0, 3), cashier));
	}

	private long[] threeItems(Random r) {
		long[] items = new long[3];
		for (int i = 0; i < 3; i++) {
			long candidate;
			do {
				candidate = Workload.any(work.goods(), r);
			}
			while (i > 0 && (candidate == items[0] || candidate == items[1]));
			items[i] = candidate;
		}
		java.util.Arrays.sort(items);
		return items;
	}

	/** One month's sales by customer, every row read. */
	HotPath report() {
		LocalDate month = work.months().get(0);
		return new HotPath("sales by customer, 1 month", (w, r) -> {
			LocalDate from = Workload.any(work.months(), r);
			return get("/api/reports/sales-by-customer?from=" + from + "&to=" + from.plusMonths(1));
		}, (w, r) -> {
			LocalDate from = Workload.any(work.months(), r);
			return rows(w, BareSql.REPORT, midnight(from), midnight(from.plusMonths(1))) >= 0;
		}, List.of(Statement.of(BareSql.REPORT_APP, midnight(month), midnight(month.plusMonths(1)))));
	}

	private static Timestamp midnight(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private boolean get(String path) throws Exception {
		return send("GET", path, "") == 200;
	}

	/** One request with the token, on the worker thread's own connection; an error answer is an error. */
	private int send(String method, String path, String body, String... headers) throws Exception {
		List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + token, "Accept", "application/json"));
		all.addAll(List.of(headers));
		TillHttp.Answer answer = http.send(method, path, all, body.getBytes(StandardCharsets.UTF_8));
		if (answer.status() >= 300) {
			throw new IllegalStateException(answer.status() + " " + method + " " + path + ": " + answer.text());
		}
		return answer.status();
	}

	/** Runs a query on the worker's connection and reads every column of every row, as a mapper would. */
	private int rows(int worker, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = connections[worker].prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			int rows = 0;
			try (var rs = statement.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				List<Object> row = new ArrayList<>(columns);
				while (rs.next()) {
					row.clear();
					for (int c = 1; c <= columns; c++) {
						row.add(rs.getObject(c));
					}
					rows++;
				}
			}
			return rows;
		}
	}

	private static String cursorAt(Workload.Named start) {
		return new Cursor(start.name(), start.id()).encode();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
