package org.backroom.audit;

import java.io.Writer;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.backroom.web.Csv;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail, as every feature writes to it: one call per change, inside the transaction that makes the
 * change, so that a change that rolls back leaves no entry and no committed change lacks one. The actor, request
 * id and client address are taken from the current request and sign-in.
 *
 * <pre>{@code
 * audit.record("customer.update", "customer", id, null, Changes.between(before, after));
 * }</pre>
 *
 * Appends are serialized (see {@link AuditLog#append}): record after the change, as the transaction's last write.
 *
 * <p><b>The lock order</b>, the one every transaction follows so that no two can wait for each other: first the
 * master record rows it uses or changes ({@code FOR SHARE} / {@code FOR NO KEY UPDATE} / {@code FOR UPDATE},
 * several of a kind in id order; a sale takes its customer, then its items), then anything global: this trail's
 * chain lock, held from the transaction's first entry to its commit, and last the request's idempotency answer.
 * Locking a record after recording is the mistake this rules out (an approval that audited first deadlocked with an
 * edit of its record). Deadlocks that remain are retried by {@code idempotency.IdempotencyFilter}.
 */
@Service
public class AuditTrail {

	/** Bound to the connection of the transaction on this thread that holds the chain lock, until it completes. */
	private static final Object CHAIN_LOCK_HOLDER = new Object();

	private final AuditLog log;

	private final JsonMapper json;

	private final DataSource dataSource;

	AuditTrail(AuditLog log, JsonMapper json, DataSource dataSource) {
		this.log = log;
		this.json = json;
		this.dataSource = dataSource;
	}

	/**
	 * Records a change in the caller's transaction; there must be one.
	 *
	 * @param action what was done, {@code <kind>.<verb>}: {@code customer.update}, {@code sales-order.create}
	 * @param recordKind the kind of record it was done to, singular ({@code customer}), or null
	 * @param recordId that record's id, or null
	 * @param reason why, when the person had to say (lifecycle transitions, approvals)
	 * @param changes field-level changes ({@link Changes#between}), created values ({@link Changes#of}), or facts
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, @Nullable String recordKind, @Nullable Long recordId, @Nullable String reason,
			@Nullable Map<String, ?> changes) {
		append(action, recordKind, recordId, reason, changes);
	}

	/** One entry of {@link #recordAll}; the fields are those of {@link #record}. */
	public record Entry(String action, @Nullable String recordKind, @Nullable Long recordId, @Nullable String reason,
			@Nullable Map<String, ?> changes) {
	}

	/**
	 * Records many changes of the caller's transaction at once, in their order, as {@link #record} would one by
	 * one: for set-based work such as a bulk job's batch. Same lock order: after the records are locked.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<AuditTrail.Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Object connection = refuseNestedAppend(entries.get(0).action());
		Origin origin = Origin.current();
		log.appendAll(origin.actor(), origin.requestId(), origin.address(), json.writeValueAsString(entries));
		holdChainLock(connection);
	}

	/**
	 * Records an event that is not part of a change, such as a failed sign-in, in a transaction of its own that
	 * commits even when the caller's rolls back. Refused (IllegalStateException) from within a transaction that has
	 * already recorded: that one holds the chain lock until it ends, so this would wait for it forever.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAlone(String action, @Nullable String recordKind, @Nullable Long recordId,
			@Nullable String reason, @Nullable Map<String, ?> changes) {
		append(action, recordKind, recordId, reason, changes);
	}

	@Transactional(readOnly = true)
	Page<AuditEntry> find(AuditFilter filter, @Nullable String cursor, int limit) {
		return page(filter, cursor, limit, false);
	}

	/** One record's entries, oldest first: its story as it happened. Kept after the record is purged. */
	@Transactional(readOnly = true)
	Page<AuditEntry> history(String recordKind, long recordId, @Nullable String cursor, int limit) {
		return page(new AuditFilter(null, null, recordKind, recordId, null, null), cursor, limit, true);
	}

	/** Writes the matching entries as CSV, oldest first, while they stream from the database. */
	@Transactional(readOnly = true)
	void export(AuditFilter filter, Writer out) {
		Csv csv = Csv.to(out);
		csv.row((Object[]) AuditEntry.CSV_HEADER);
		log.stream(filter, rs -> csv.row(AuditEntry.from(rs, rs.getRow()).csvCells()));
		csv.finish();
	}

	@Transactional(readOnly = true)
	Verification verify() {
		return log.verify();
	}

	private Page<AuditEntry> page(AuditFilter filter, @Nullable String cursor, int limit, boolean oldestFirst) {
		List<AuditEntry> rows = log.page(filter, Cursor.decode(cursor), limit + 1, oldestFirst);
		// Entries page by id alone; the cursor's key is not needed.
		return Page.of(rows, limit, entry -> new Cursor("", entry.id()));
	}

	private void append(String action, @Nullable String recordKind, @Nullable Long recordId, @Nullable String reason,
			@Nullable Map<String, ?> changes) {
		Object connection = refuseNestedAppend(action);
		Origin origin = Origin.current();
		log.append(new AuditLog.NewEntry(origin.actor(), action, recordKind, recordId, reason,
				changes == null ? null : json.writeValueAsString(changes), origin.requestId(), origin.address()));
		holdChainLock(connection);
	}

	/** This transaction's connection, after refusing to append from one nested in a transaction that holds the lock. */
	private @Nullable Object refuseNestedAppend(String action) {
		Object connection = TransactionSynchronizationManager.getResource(dataSource);
		Object holder = TransactionSynchronizationManager.getResource(CHAIN_LOCK_HOLDER);
		if (holder != null && holder != connection) {
			// A suspended transaction of this thread holds the chain lock until it ends: waiting for it would hang.
			throw new IllegalStateException("Cannot record " + action + " in a new transaction while this thread's "
					+ "outer transaction has already recorded and holds the audit chain lock; record it there");
		}
		return connection;
	}

	private void holdChainLock(@Nullable Object connection) {
		Object holder = TransactionSynchronizationManager.getResource(CHAIN_LOCK_HOLDER);
		if (holder == null && connection != null) {
			TransactionSynchronizationManager.bindResource(CHAIN_LOCK_HOLDER, connection);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CHAIN_LOCK_HOLDER);
				}
			});
		}
	}

}
