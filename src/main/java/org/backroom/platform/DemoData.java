package org.backroom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo store on the first start with an empty database, unless {@code BACKROOM_DEMO=false}. Empty means
 * no customer but the walk-in one and no item: a store that has begun work is never touched.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "backroom.demo", matchIfMissing = true)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	DemoData(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			// Serializes two instances starting on one empty database: only one loads the demo.
			jdbc.sql("SELECT pg_advisory_xact_lock(4242)").query().singleValue();
			boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM customers WHERE NOT is_system)"
					+ " AND NOT EXISTS (SELECT 1 FROM items)").query(Boolean.class).single();
			if (!empty) {
				return;
			}
			long started = System.nanoTime();
			Resource[] scripts = scripts();
			new ResourceDatabasePopulator(scripts).populate(DataSourceUtils.getConnection(dataSource));
			log.info("Loaded the demo store in {} ms (set BACKROOM_DEMO=false to start empty)",
					(System.nanoTime() - started) / 1_000_000);
		});
	}

	/** Every {@code demo/*.sql}, in name order: {@code 1-store.sql}, then what builds on it. */
	private static Resource[] scripts() {
		try {
			Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.sql");
			Arrays.sort(scripts, Comparator.comparing(script -> String.valueOf(script.getFilename())));
			return scripts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
