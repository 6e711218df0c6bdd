package org.backroom.merge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.backroom.merge.DuplicatePair.Evidence;
import org.backroom.merge.DuplicatePair.Party;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL that proposes duplicate customers. It walks active customers in id order and, for each, asks four
 * indexes of V50 for a later customer alike (same email, same phone digits, same tax number, a name of high
 * trigram similarity through the GiST index and {@code %}): no pair is compared unless an index proposes it, and
 * a page ends the walk.
 */
@Repository
class DuplicateFinder {

	/** How similar two names must be (pg_trgm similarity) to be proposed. */
	static final double NAME_SIMILARITY = 0.5;

	private static final String FIND = """
			SELECT a.id AS a_id, a.code AS a_code, a.name AS a_name, a.email AS a_email, a.phone AS a_phone,
			       a.tax_number AS a_tax, b.id AS b_id, b.code AS b_code, b.name AS b_name, b.email AS b_email,
			       b.phone AS b_phone, b.tax_number AS b_tax, m.kinds, similarity(lower(a.name), lower(b.name)) AS sim
			FROM customers a
			CROSS JOIN LATERAL (
			    SELECT hit.id, array_agg(DISTINCT hit.kind ORDER BY hit.kind) AS kinds FROM (
			        SELECT c.id, 'email' AS kind FROM customers c
			        WHERE c.status = 'ACTIVE' AND c.email IS NOT NULL AND lower(c.email) = lower(a.email)
			        UNION ALL
			        SELECT c.id, 'phone' FROM customers c
			        WHERE c.status = 'ACTIVE' AND c.phone IS NOT NULL
			          AND regexp_replace(c.phone, '\\D', '', 'g') = regexp_replace(a.phone, '\\D', '', 'g')
			          AND regexp_replace(a.phone, '\\D', '', 'g') <> ''
			        UNION ALL
			        SELECT c.id, 'taxNumber' FROM customers c
			        WHERE c.status = 'ACTIVE' AND c.tax_number IS NOT NULL
			          AND upper(regexp_replace(c.tax_number, '\\s', '', 'g')) = upper(regexp_replace(a.tax_number, '\\s', '', 'g'))
			          AND regexp_replace(a.tax_number, '\\s', '', 'g') <> ''
			        UNION ALL
			        SELECT c.id, 'name' FROM customers c
			        WHERE c.status = 'ACTIVE' AND lower(c.name) % lower(a.name)
			    ) hit
			    WHERE hit.id > a.id AND (a.id, hit.id) > (:afterFirst, :afterSecond)
			    GROUP BY hit.id
			) m
			JOIN customers b ON b.id = m.id AND NOT b.is_system
			WHERE a.status = 'ACTIVE' AND NOT a.is_system AND a.id >= :afterFirst
			  AND NOT EXISTS (SELECT 1 FROM customer_duplicate_dismissals d WHERE d.low_id = a.id AND d.high_id = b.id)
			ORDER BY a.id, b.id
			LIMIT :rows""";

	private final JdbcClient jdbc;

	DuplicateFinder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Pairs after the cursor (the first id as key, the second as id), in (first, second) order. */
	List<DuplicatePair> after(@Nullable Cursor after, int rows) {
		// Local to the caller's transaction: the threshold that the % operator and its index use.
		jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', ?, true)")
			.param(String.valueOf(NAME_SIMILARITY))
			.query(String.class)
			.single();
		return jdbc.sql(FIND)
			.param("afterFirst", after == null ? 0L : Long.parseLong(after.key()))
			.param("afterSecond", after == null ? 0L : after.id())
			.param("rows", rows)
			.query(DuplicateFinder::pair)
			.list();
	}

	private static DuplicatePair pair(ResultSet rs, int row) throws SQLException {
		Party first = party(rs, "a_");
		Party second = party(rs, "b_");
		List<Evidence> evidence = new ArrayList<>();
		for (String kind : kinds(rs.getArray("kinds"))) {
			evidence.add(switch (kind) {
				case "email" -> new Evidence(kind, "Both have the email " + first.email(), new BigDecimal("0.90"));
				case "phone" -> new Evidence(kind, "Both have the phone number " + digits(first.phone()),
						new BigDecimal("0.80"));
				case "taxNumber" -> new Evidence(kind, "Both have the tax number " + first.taxNumber(),
						new BigDecimal("0.95"));
				default -> similarName(first, second, rs.getDouble("sim"));
			});
		}
		return DuplicatePair.of(first, second, evidence);
	}

	private static Evidence similarName(Party first, Party second, double similarity) {
		BigDecimal weight = BigDecimal.valueOf(similarity).setScale(2, RoundingMode.HALF_UP);
		return new Evidence("name", "\"" + first.name() + "\" and \"" + second.name() + "\" are alike ("
				+ weight.toPlainString() + ")", weight);
	}

	private static List<String> kinds(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static String digits(@Nullable String phone) {
		return phone == null ? "" : phone.replaceAll("\\D", "");
	}

	private static Party party(ResultSet rs, String prefix) throws SQLException {
		return new Party(rs.getLong(prefix + "id"), rs.getString(prefix + "code"), rs.getString(prefix + "name"),
				rs.getString(prefix + "email"), rs.getString(prefix + "phone"), rs.getString(prefix + "tax"));
	}

}
