package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.backroom.support.DurableBackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded server keeps what it acknowledged: it runs with PostgreSQL's durability settings on. */
@DurableBackroomTest
class DurabilityTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theEmbeddedServerFlushesEveryCommitToDisk() {
		assertThat(show("fsync")).isEqualTo("on");
		assertThat(show("synchronous_commit")).isEqualTo("on");
		assertThat(show("full_page_writes")).isEqualTo("on");
	}

	private String show(String setting) {
		return jdbc.sql("SHOW " + setting).query(String.class).single();
	}

}
