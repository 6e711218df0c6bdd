package org.backroom.benchmark;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.backroom.benchmark.PlanCheck.Statement;

/**
 * The least a sale can do in SQL and still be the same sale, with the same writes as the API's sale that carries an
 * {@code Idempotency-Key} (as a till's does, and as the benchmark's does): claim the key, lock the customer and the
 * items and check they are active, write the order and its three lines, its audit entry (unchained, as Backroom
 * does: the sealer chains it after commit) and its event, and keep the answer under the key, in one transaction.
 */
final class BareSale {

	private final Connection db;

	BareSale(Connection db) {
		this.db = db;
	}

	boolean sell(long customer, long[] items, long cashier) throws SQLException {
		db.setAutoCommit(false);
		String key = UUID.randomUUID().toString();
		try {
			try (PreparedStatement claim = db.prepareStatement(BareSql.SALE_KEY_CLAIM)) {
				claim.setLong(1, cashier);
				claim.setString(2, key);
				claim.setBytes(3, MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
				claim.executeUpdate();
			}
			String customerName;
			try (PreparedStatement lock = db.prepareStatement(BareSql.SALE_CUSTOMER)) {
				lock.setLong(1, customer);
				try (var rs = lock.executeQuery()) {
					if (!rs.next() || !"ACTIVE".equals(rs.getString("status"))) {
						db.rollback();
						return false;
					}
					customerName = rs.getString("name");
				}
			}
			List<Object> lines = new ArrayList<>();
			BigDecimal total = BigDecimal.ZERO;
			try (PreparedStatement lock = db.prepareStatement(BareSql.SALE_ITEMS)) {
				for (int i = 0; i < 3; i++) {
					lock.setLong(i + 1, items[i]);
				}
				try (var rs = lock.executeQuery()) {
					while (rs.next()) {
						BigDecimal price = rs.getBigDecimal("price");
						lines.add(List.of(rs.getLong("id"), rs.getString("sku"), rs.getString("name"), price, price));
						total = total.add(price);
					}
				}
			}
			long order;
			String number;
			try (PreparedStatement insert = db.prepareStatement(BareSql.SALE_ORDER)) {
				insert.setLong(1, customer);
				insert.setString(2, customerName);
				insert.setBigDecimal(3, total);
				insert.setLong(4, cashier);
				try (var rs = insert.executeQuery()) {
					rs.next();
					order = rs.getLong(1);
					number = rs.getString(2);
				}
			}
			try (PreparedStatement insert = db.prepareStatement(BareSql.SALE_LINES)) {
				int p = 1;
				for (Object line : lines) {
					insert.setLong(p++, order);
					for (Object value : (List<?>) line) {
						insert.setObject(p++, value);
					}
				}
				insert.executeUpdate();
			}
			String sold = "{\"number\":\"" + number + "\",\"customerId\":" + customer + ",\"customerName\":\""
					+ customerName.replace("\"", "\\\"") + "\",\"payment\":\"CASH\",\"total\":\"" + total + "\"}";
			try (PreparedStatement append = db.prepareStatement(BareSql.AUDIT_APPEND)) {
				append.setLong(1, order);
				append.setString(2, sold);
				append.setString(3, UUID.randomUUID().toString());
				append.executeUpdate();
			}
			try (PreparedStatement event = db.prepareStatement(BareSql.SALE_EVENT)) {
				event.setLong(1, order);
				event.setString(2, sold);
				event.executeUpdate();
			}
			try (PreparedStatement answer = db.prepareStatement(BareSql.SALE_KEY_ANSWER)) {
				answer.setString(1, "{\"Location\":[\"/api/sales-orders/" + order + "\"]}");
				answer.setBytes(2, (sold + lines).getBytes(StandardCharsets.UTF_8));
				answer.setLong(3, cashier);
				answer.setString(4, key);
				answer.executeUpdate();
			}
			db.commit();
			return true;
		}
		catch (SQLException ex) {
			db.rollback();
			throw ex;
		}
		catch (NoSuchAlgorithmException ex) {
			db.rollback();
			throw new IllegalStateException(ex);
		}
		finally {
			db.setAutoCommit(true);
		}
	}

	/** The sale's statements with sample values, for their plans (run in a transaction that is rolled back). */
	static List<Statement> statements(long customer, List<Long> items, long cashier) {
		return List.of(Statement.of(BareSql.SALE_CUSTOMER, customer),
				Statement.of(BareSql.SALE_ORDER, customer, "Plan check", new BigDecimal("1.00"), cashier),
				Statement.of(BareSql.AUDIT_APPEND, 0L, "{}", "plan-check"),
				Statement.of(BareSql.SALE_KEY_ANSWER, "{}", new byte[0], cashier, "plan-check"));
	}

}
