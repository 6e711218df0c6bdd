package org.backroom.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code webhook_endpoints}. */
@Repository
class Endpoints {

	private static final String COLUMNS = """
			SELECT id, url, event_types, secret, active, description, created_at, created_by, updated_at
			FROM webhook_endpoints""";

	private final JdbcClient jdbc;

	Endpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The fields an owner sets. */
	record Fields(String url, @Nullable List<String> eventTypes, String secret, boolean active,
			@Nullable String description) {
	}

	/**
	 * Registers an endpoint as of now, this statement's time, not the transaction's start: it hears of the events
	 * made from then on ({@link WebhookFanOut}), and the caller holds the fan-out before this.
	 */
	long insert(Fields fields, String by) {
		return jdbc.sql("""
				INSERT INTO webhook_endpoints (url, event_types, secret, active, description, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, clock_timestamp()) RETURNING id""")
			.params(fields.url(), array(fields.eventTypes()), fields.secret(), fields.active(), fields.description(), by)
			.query(Long.class)
			.single();
	}

	void update(long id, Fields fields) {
		jdbc.sql("""
				UPDATE webhook_endpoints
				SET url = ?, event_types = ?, secret = ?, active = ?, description = ?, updated_at = now()
				WHERE id = ?""")
			.params(fields.url(), array(fields.eventTypes()), fields.secret(), fields.active(), fields.description(), id)
			.update();
	}

	boolean delete(long id) {
		return jdbc.sql("DELETE FROM webhook_endpoints WHERE id = ?").param(id).update() > 0;
	}

	Optional<Endpoint> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(Endpoints::endpoint).optional();
	}

	/** For an edit: the row, locked against a concurrent edit. */
	Optional<Endpoint> lock(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(Endpoints::endpoint).optional();
	}

	/** Every endpoint, oldest first: a store registers a handful. */
	List<Endpoint> all() {
		return jdbc.sql(COLUMNS + " ORDER BY id").query(Endpoints::endpoint).list();
	}

	List<Endpoint> active() {
		return jdbc.sql(COLUMNS + " WHERE active ORDER BY id").query(Endpoints::endpoint).list();
	}

	private static String @Nullable [] array(@Nullable List<String> types) {
		return types == null ? null : types.toArray(String[]::new);
	}

	private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
		Array types = rs.getArray("event_types");
		return new Endpoint(rs.getLong("id"), rs.getString("url"),
				types == null ? null : Arrays.asList((String[]) types.getArray()), rs.getString("secret"),
				rs.getBoolean("active"), rs.getString("description"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
