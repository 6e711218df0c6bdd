package org.backroom.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a store of the chosen {@link Scale} through the application's own schema: every constraint, foreign key,
 * index and default applies, nothing is disabled. Rows are made by multi-row {@code INSERT … SELECT} over
 * {@code generate_series}, in chunks of one statement each, so PostgreSQL does the work and the JVM only waits.
 * The secondary indexes are built once after the rows are in ({@link SecondaryIndexes}), from the definitions the
 * migrations gave them; keys, foreign keys and checks hold for every row as it is written.
 *
 * <p>Everything is a function of the row number, so two loads of one scale are the same store. The generated
 * history has no audit entries: the audit trail is hash-chained and would have to be built one entry after the
 * other; the benchmark's own sales append to it like any sale.
 *
 * <p>What the store looks like: about one customer in twelve inactive and one in a hundred in the trash (never one
 * with orders: a referenced record cannot be deleted); one customer with one order in a hundred (a long history for
 * the impact preview); items with a 13-digit barcode, one in fifty inactive and one in five hundred in the trash;
 * orders spread evenly over {@link Scale#MONTHS} months, paid cash or card, each line at its item's price.
 */
final class DataGenerator {

	private static final int CHUNK = 100_000;

	private static final String FIRST_NAMES = "ARRAY['James','Mary','John','Patricia','Robert','Jennifer','Michael',"
			+ "'Linda','William','Elizabeth','David','Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah',"
			+ "'Charles','Karen','Daniel','Nancy','Matthew','Lisa','Anthony','Betty','Mark','Margaret','Donald',"
			+ "'Sandra','Steven','Ashley','Paul','Kimberly','Andrew','Emily','Joshua','Donna','Kenneth','Michelle',"
			+ "'Kevin','Dorothy','Brian','Carol','George','Amanda','Edward','Melissa','Ronald','Deborah','Timothy',"
			+ "'Stephanie','Jason','Rebecca','Jeffrey','Sharon','Ryan','Laura','Jacob','Cynthia','Gary','Kathleen',"
			+ "'Nicholas','Amy','Eric','Shirley','Jonathan','Angela','Stephen','Helen','Larry','Anna','Justin',"
			+ "'Brenda','Scott','Pamela','Brandon','Nicole','Benjamin','Emma','Samuel','Samantha','Amélie','Zoë',"
			+ "'Søren','Björn','Anaïs','Ngozi','Wei','Priya','Hiroshi','Olumide','Fatima','Giulia']";

	private static final String LAST_NAMES = "ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller',"
			+ "'Davis','Rodriguez','Martinez','Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor',"
			+ "'Moore','Jackson','Martin','Lee','Perez','Thompson','White','Harris','Sanchez','Clark','Ramirez',"
			+ "'Lewis','Robinson','Walker','Young','Allen','King','Wright','Scott','Torres','Nguyen','Hill','Flores',"
			+ "'Green','Adams','Nelson','Baker','Hall','Rivera','Campbell','Mitchell','Carter','Roberts','Gomez',"
			+ "'Phillips','Evans','Turner','Diaz','Parker','Cruz','Edwards','Collins','Reyes','Stewart','Morris',"
			+ "'Morales','Murphy','Cook','Rogers','Gutierrez','Ortiz','Morgan','Cooper','Peterson','Bailey','Reed',"
			+ "'Kelly','Howard','Ramos','Kim','Cox','Ward','Richardson','Watson','Brooks','Chavez','Wood','James',"
			+ "'Bennett','Gray','Mendoza','Ruiz','Hughes','Price','Alvarez','Castillo','Sanders','Patel','Myers',"
			+ "'Long','Ross','Foster','Jiménez','Okafor','Müller','O''Brien','Nakamura','Kowalski','Lindqvist']";

	private static final String CUSTOMERS = """
			INSERT INTO customers
			    (id, code, name, email, phone, address, credit_allowed, credit_limit, status, status_reason,
			     status_changed_at, created_at, updated_at)
			OVERRIDING SYSTEM VALUE
			SELECT ? + g, 'C' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END,
			       first || ' ' || last,
			       lower(translate(first || '.' || last, 'éëøöïü''', 'eeooiu')) || (g % 997) || '@'
			           || (ARRAY['example.com','mail.example','post.example','example.net','shop.example'])[1 + g % 5],
			       '+44 7' || lpad(((g::bigint * 7919) % 1000000000)::text, 9, '0'),
			       (1 + g % 240) || ' ' || last || ' Road',
			       g % 20 = 0, CASE WHEN g % 20 = 0 THEN 500 ELSE 0 END,
			       CASE WHEN g % 100 = 37 THEN 'DELETED' WHEN g % 12 = 5 THEN 'INACTIVE' ELSE 'ACTIVE' END,
			       CASE WHEN g % 100 = 37 THEN 'Entered twice' WHEN g % 12 = 5 THEN 'Moved away' END,
			       CASE WHEN g % 100 = 37 OR g % 12 = 5 THEN now() - (g % 20) * interval '1 day' END,
			       now() - interval '800 days', now()
			FROM (SELECT g, nextval('customer_code_seq') AS n,
			             {first}[1 + (g * 7) % 94] AS first, {last}[1 + (g * 13 + g / 94) % 106] AS last
			      FROM generate_series(?, ?) AS g) AS s
			""".replace("{first}", "(" + FIRST_NAMES + ")").replace("{last}", "(" + LAST_NAMES + ")");

	private static final String ITEMS = """
			INSERT INTO items
			    (id, sku, name, barcode, category, price, cost, status, status_reason, status_changed_at)
			OVERRIDING SYSTEM VALUE
			SELECT ? + g, 'SKU-' || lpad(g::text, 5, '0'),
			       (ARRAY['Organic','Fresh','Classic','Premium','Family','Smoked','Sparkling','Wholegrain','Spicy',
			              'Mild','Dark','Roasted'])[1 + g % 12] || ' '
			           || (ARRAY['green tea','coffee beans','orange juice','oat biscuits','cheddar','olive oil',
			                     'rye bread','chocolate','almond milk','honey','pasta','tomato sauce','rice',
			                     'muesli','sardines','lemonade','granola','mustard'])[1 + (g / 12) % 18] || ' '
			           || (ARRAY['250 g','500 g','1 kg','330 ml','1 l','6 pack'])[1 + (g / 216) % 6] || ' #' || g,
			       '50' || lpad(g::text, 10, '0') || (g % 10),
			       (ARRAY['Drinks','Pantry','Dairy','Bakery','Snacks'])[1 + g % 5],
			       round((0.5 + (g * 37 % 5000) / 100.0)::numeric, 2), round((0.3 + (g * 37 % 5000) / 160.0)::numeric, 2),
			       CASE WHEN g % 500 = 250 THEN 'DELETED' WHEN g % 50 = 7 THEN 'INACTIVE' ELSE 'ACTIVE' END,
			       CASE WHEN g % 500 = 250 THEN 'Never stocked' WHEN g % 50 = 7 THEN 'Discontinued' END,
			       CASE WHEN g % 500 = 250 OR g % 50 = 7 THEN now() - interval '3 days' END
			FROM generate_series(1, ?) AS g
			""";

	// Which generated customer (1-based) an order belongs to: one in a hundred to the first customer (a long
	// history), the others spread by a multiplicative hash; never one in the trash.
	// Which generated customer (1-based) an order g belongs to: one in a hundred to the first customer (a long
	// history), the others spread by a multiplicative hash; never one in the trash (those are k % 100 = 37).
	// Plain expressions, no sub-selects, so that the join probes the primary key.
	private static final String CUSTOMER_HASH = "(CASE WHEN g % 100 = 0 THEN 1 ELSE 1 + (g::bigint * 2654435761) % {customers} END)";

	private static final String CUSTOMER_OF = CUSTOMER_HASH + " - (" + CUSTOMER_HASH + " % 100 = 37)::int";

	// The lines of order g: five items by hash (never one in the trash: k % 500 = 250), one to three of each.
	private static final String ITEM_HASH = "(1 + (g::bigint * 7919 + i * 104729) % {items})";

	private static final String LINES_OF = """
			SELECT i AS line_no, it.id AS item_id, it.sku, it.name, 1 + (g + i) % 3 AS quantity, it.price
			FROM generate_series(1, 5) AS i
			JOIN items it ON it.id = {itemBase} + {item} - ({item} % 500 = 250)::int""".replace("{item}", ITEM_HASH);

	private static final String ORDERS = """
			INSERT INTO sales_orders
			    (id, number, customer_id, customer_name, payment, total, created_at, created_by, processed_by)
			OVERRIDING SYSTEM VALUE
			SELECT g, 'S' || lpad(g::text, 7, '0'), c.id, c.name, CASE WHEN g % 3 = 0 THEN 'CARD' ELSE 'CASH' END,
			       (SELECT sum(l.quantity * l.price) FROM ({lines}) AS l),
			       to_timestamp(? + (g - 1) * ?), 'admin', ?
			FROM generate_series(?, ?) AS g
			JOIN customers c ON c.id = ? + {customer}
			""";

	private static final String LINES = """
			INSERT INTO sales_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_price, line_total)
			SELECT g, l.line_no, l.item_id, l.sku, l.name, l.quantity, l.price, l.quantity * l.price
			FROM generate_series(?, ?) AS g CROSS JOIN LATERAL ({lines}) AS l
			""";

	private final Connection db;

	private final Scale scale;

	private final long began = System.nanoTime();

	DataGenerator(Connection db, Scale scale) {
		this.db = db;
		this.scale = scale;
	}

	/** Loads the whole store into an empty one (no customer but the walk-in one) and analyzes it. */
	void load() throws SQLException {
		db.setAutoCommit(true);
		long customerBase = single("SELECT max(id) FROM customers");
		long itemBase = single("SELECT coalesce(max(id), 0) FROM items");
		long admin = single("SELECT id FROM staff WHERE username = 'admin'");
		SecondaryIndexes indexes = new SecondaryIndexes();
		indexes.drop(db);
		for (int from = 1; from <= scale.customers(); from += CHUNK) {
			update(CUSTOMERS, customerBase, from, Math.min(scale.customers(), from + CHUNK - 1));
		}
		update(ITEMS, itemBase, scale.items());
		long span = Scale.MONTHS * 30L * 24 * 3600;
		double start = System.currentTimeMillis() / 1000.0 - span;
		double step = (double) span / scale.orders();
		String lines = LINES_OF.replace("{itemBase}", String.valueOf(itemBase))
			.replace("{items}", String.valueOf(scale.items()));
		String orders = ORDERS.replace("{lines}", lines)
			.replace("{customer}", CUSTOMER_OF.replace("{customers}", String.valueOf(scale.customers())));
		String orderLines = LINES.replace("{lines}", lines);
		for (int from = 1; from <= scale.orders(); from += CHUNK) {
			int to = Math.min(scale.orders(), from + CHUNK - 1);
			update(orders, start, step, admin, from, to, customerBase);
			update(orderLines, from, to);
		}
		for (String sequence : new String[] { "customers", "items", "sales_orders" }) {
			single("SELECT setval(pg_get_serial_sequence('" + sequence + "', 'id'), (SELECT max(id) FROM " + sequence
					+ "))");
		}
		single("SELECT setval('sales_order_number_seq', " + scale.orders() + ")");
		log("rows written");
		indexes.rebuild(db);
		log("indexes built");
		try (Statement statement = db.createStatement()) {
			statement.execute("VACUUM (ANALYZE)");
		}
	}

	private void log(String what) {
		System.out.printf("[benchmark] %s after %.1f s%n", what, (System.nanoTime() - began) / 1e9);
	}

	private void update(String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			statement.executeUpdate();
		}
	}

	private long single(String sql) throws SQLException {
		try (Statement statement = db.createStatement(); var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
