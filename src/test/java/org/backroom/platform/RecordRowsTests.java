package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.support.BackroomTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows map to records as Spring's own mapper maps them, column by label, in snake case or as the component. */
@BackroomTest
class RecordRowsTests {

	record Row(long id, String displayName, boolean creditAllowed, @Nullable BigDecimal creditLimit, int stockOnHand,
			LifecycleStatus status) {
	}

	private static final String TWO_ROWS = """
			SELECT 1 AS id, 'Ann' AS display_name, true AS "creditAllowed", NULL::numeric AS credit_limit,
			       3 AS "STOCK_ON_HAND", 'ACTIVE' AS status
			UNION ALL
			SELECT 2, 'Bo', false, 12.50, 0, 'INACTIVE'""";

	@Autowired
	JdbcClient jdbc;

	@Test
	void mapsEachColumnToItsComponentWhateverItsCase() {
		List<Row> rows = jdbc.sql(TWO_ROWS).query(RecordRows.of(Row.class)).list();

		assertThat(rows).containsExactly(new Row(1, "Ann", true, null, 3, LifecycleStatus.ACTIVE),
				new Row(2, "Bo", false, new BigDecimal("12.50"), 0, LifecycleStatus.INACTIVE));
		assertThat(rows).isEqualTo(jdbc.sql(TWO_ROWS).query(Row.class).list());
	}

	@Test
	void resultsWithTheColumnsInAnotherOrderEachMapByTheirOwn() {
		String reordered = "SELECT 'INACTIVE' AS status, 7 AS stock_on_hand, 9.99 AS credit_limit, false AS credit_allowed,"
				+ " 'Cy' AS display_name, 3 AS id";
		Row first = jdbc.sql(TWO_ROWS).query(RecordRows.of(Row.class)).list().get(0);
		Row other = jdbc.sql(reordered).query(RecordRows.of(Row.class)).single();
		Row again = jdbc.sql(TWO_ROWS).query(RecordRows.of(Row.class)).list().get(0);

		assertThat(other).isEqualTo(new Row(3, "Cy", false, new BigDecimal("9.99"), 7, LifecycleStatus.INACTIVE));
		assertThat(again).isEqualTo(first);
	}

	@Test
	void aMissingColumnIsAnErrorThatNamesIt() {
		assertThatThrownBy(() -> jdbc.sql("SELECT 1 AS id").query(RecordRows.of(Row.class)).list())
			.hasMessageContaining("displayName or display_name");
	}

}
