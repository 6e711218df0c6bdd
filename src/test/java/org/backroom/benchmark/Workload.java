package org.backroom.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the measured requests ask for, sampled once from the loaded store with a fixed seed so that the API and the
 * bare SQL side ask the same things: what a cashier types into a picker (3 to 5 letters from a customer's name,
 * code, email or phone; from an item's SKU or name; or a scanned barcode), where a list page starts, whose impact
 * is previewed (including the customer with the longest history), who buys what, and which month is reported.
 */
record Workload(List<String> customerTerms, List<String> itemTerms, List<String> scans, List<Named> listStarts,
		List<Long> customersToPreview, List<Long> itemsToPreview, List<Long> buyers, List<Long> goods,
		List<LocalDate> months) {

	/** A record's name and id: where a keyset page starts. */
	record Named(String name, long id) {
	}

	private static final int SAMPLE = 2_000;

	static Workload sample(Connection db, Scale scale) throws SQLException {
		Random random = new Random(20261201L);
		List<String> customerTerms = new ArrayList<>();
		List<Named> listStarts = new ArrayList<>();
		List<Long> buyers = new ArrayList<>();
		List<Long> customers = new ArrayList<>();
		try (var statement = db.prepareStatement("SELECT id, code, name, email, phone, status FROM customers "
				+ "WHERE NOT is_system ORDER BY hashint8(id + ?) LIMIT ?")) {
			statement.setLong(1, random.nextLong());
			statement.setInt(2, SAMPLE);
			try (var rs = statement.executeQuery()) {
				while (rs.next()) {
					String field = switch (random.nextInt(4)) {
						case 0 -> rs.getString("code");
						case 1 -> rs.getString("email");
						case 2 -> rs.getString("phone");
						default -> rs.getString("name");
					};
					customerTerms.add(part(field, random));
					listStarts.add(new Named(rs.getString("name"), rs.getLong("id")));
					customers.add(rs.getLong("id"));
					if ("ACTIVE".equals(rs.getString("status"))) {
						buyers.add(rs.getLong("id"));
					}
				}
			}
		}
		long longestHistory = single(db, "SELECT customer_id FROM sales_orders GROUP BY customer_id "
				+ "ORDER BY count(*) DESC LIMIT 1");
		List<Long> toPreview = new ArrayList<>(customers.subList(0, Math.min(200, customers.size())));
		// One preview in five is of the customer with most orders: the impact must not grow with history.
		for (int i = 0; i < toPreview.size(); i += 5) {
			toPreview.set(i, longestHistory);
		}
		List<String> itemTerms = new ArrayList<>();
		List<String> scans = new ArrayList<>();
		List<Long> goods = new ArrayList<>();
		List<Long> items = new ArrayList<>();
		try (var statement = db.createStatement();
				var rs = statement.executeQuery("SELECT id, sku, name, barcode, status FROM items ORDER BY id")) {
			while (rs.next()) {
				itemTerms.add(part(random.nextBoolean() ? rs.getString("sku") : rs.getString("name"), random));
				items.add(rs.getLong("id"));
				if ("ACTIVE".equals(rs.getString("status"))) {
					goods.add(rs.getLong("id"));
					scans.add(rs.getString("barcode"));
				}
			}
		}
		List<LocalDate> months = new ArrayList<>();
		LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
		for (int back = 1; back < Scale.MONTHS - 1; back++) {
			months.add(thisMonth.minusMonths(back));
		}
		return new Workload(customerTerms, itemTerms, scans, listStarts, toPreview, items, buyers, goods, months);
	}

	/** 3 to 5 letters from within the value, as someone types them: no spaces, never across a word. */
	static String part(String value, Random random) {
		String[] words = value.split("[ @.+]+");
		String word = words[0];
		for (String candidate : words) {
			if (candidate.length() >= 3 && random.nextInt(3) > 0) {
				word = candidate;
				break;
			}
		}
		if (word.length() <= 3) {
			return word;
		}
		int length = Math.min(word.length(), 3 + random.nextInt(3));
		int start = random.nextInt(word.length() - length + 1);
		return word.substring(start, start + length);
	}

	static <T> T any(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static long single(Connection db, String sql) throws SQLException {
		try (var statement = db.createStatement(); var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
