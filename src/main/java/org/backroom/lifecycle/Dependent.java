package org.backroom.lifecycle;

/**
 * A kind of transaction that can point to a master record, for example sales orders by their customer. The
 * column must be indexed: "is it referenced?" is an {@code EXISTS} probe on it, whose cost does not grow with
 * history.
 *
 * @param name the key in {@code dependents}, such as {@code salesOrders}
 * @param one the words for one, such as {@code sales order}
 * @param many the words for several, such as {@code sales orders}
 * @param table the referencing table
 * @param column its indexed foreign key column
 */
public record Dependent(String name, String one, String many, String table, String column) {

	/** {@code 1 sales order}, {@code 12 sales orders}. */
	String count(long count) {
		return count + " " + (count == 1 ? one : many);
	}

	String existsSql() {
		return "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + column + " = ?)";
	}

	String countSql() {
		return "SELECT count(*) FROM " + table + " WHERE " + column + " = ?";
	}

}
