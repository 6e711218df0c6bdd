package org.backroom.audit;

import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.backroom.web.Csv;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail, as every feature writes to it: one call per change, inside the transaction that makes the
 * change, so that a change that rolls back leaves no entry and no committed change lacks one. The actor, request
 * id and client address are taken from the current request and sign-in.
 *
 * <pre>{@code
 * audit.record("customer.update", "customer", id, null, Changes.between(before, after));
 * }</pre>
 *
 * An entry is written unchained and takes no lock ({@link AuditLog#append}); {@link AuditSealer} chains it moments
 * after its transaction commits, so auditing transactions never queue behind each other. Each write is then
 * published as {@link Recorded} to listeners that run in the same transaction, such as the events sent to other
 * systems: what the trail records, they hear of, and what rolls back, they never do.
 *
 * <p><b>The lock order</b>, the one every transaction follows so that no two can wait for each other: first the
 * master record rows it uses or changes ({@code FOR SHARE} / {@code FOR NO KEY UPDATE} / {@code FOR UPDATE},
 * several of a kind in id order; a sale takes its customer, then its items), then anything global (counters), and
 * last the request's idempotency answer. Recording takes no lock at all, so it may come anywhere in that order; the
 * sealer locks only audit rows that have already committed, in its own transaction. Locking a record after
 * recording was once the mistake that deadlocked an approval with an edit of its record; record after the change
 * all the same, so that an entry never describes a change that has not happened yet. Deadlocks that remain are
 * retried by {@code idempotency.IdempotencyFilter}.
 */
@Service
public class AuditTrail {

	private final AuditLog log;

	private final JsonMapper json;

	private final AuditSealer sealer;

	private final ApplicationEventPublisher publisher;

	AuditTrail(AuditLog log, JsonMapper json, AuditSealer sealer, ApplicationEventPublisher publisher) {
		this.log = log;
		this.json = json;
		this.sealer = sealer;
		this.publisher = publisher;
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

	/**
	 * Records an event that is not part of a change, such as a failed sign-in, in a transaction of its own that
	 * commits even when the caller's rolls back. Allowed from within a transaction that has already recorded: no
	 * entry holds a lock that this one would wait for.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAlone(String action, @Nullable String recordKind, @Nullable Long recordId,
			@Nullable String reason, @Nullable Map<String, ?> changes) {
		append(action, recordKind, recordId, reason, changes);
	}

	/**
	 * Records many changes of the current actor and request in the caller's transaction, as one multi-row insert:
	 * what a set-based bulk job writes for a batch of records.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Origin origin = Origin.current();
		log.appendAll(origin.actor(), origin.requestId(), origin.address(), json.writeValueAsString(entries));
		publisher.publishEvent(new Recorded(origin.actor(), List.copyOf(entries)));
	}

	/** One change for {@link #recordAll}: the arguments of {@link #record}. */
	public record Entry(String action, @Nullable String recordKind, @Nullable Long recordId, @Nullable String reason,
			@Nullable Map<String, ?> changes) {
	}

	/**
	 * Entries just written by one actor, published inside the writing transaction; a listener that writes joins it.
	 * The changes are as the caller gave them ({@link Changes.Change} for a before and an after).
	 */
	public record Recorded(String actor, List<Entry> entries) {
	}

	/** Seals every entry committed so far into the chain now, rather than at the sealer's next round. */
	void sealNow() {
		sealer.sealNow();
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
		log.stream(filter, rs -> csv.row(AuditEntry.csvCells(rs)));
		csv.finish();
	}

	@Transactional(readOnly = true)
	Verification verify() {
		return log.verify().withErasures(log.erasures());
	}

	private Page<AuditEntry> page(AuditFilter filter, @Nullable String cursor, int limit, boolean oldestFirst) {
		List<AuditEntry> rows = log.page(filter, Cursor.decode(cursor), limit + 1, oldestFirst);
		// Entries page by id alone; the cursor's key is not needed.
		return Page.of(rows, limit, entry -> new Cursor("", entry.id()));
	}

	private void append(String action, @Nullable String recordKind, @Nullable Long recordId, @Nullable String reason,
			@Nullable Map<String, ?> changes) {
		Origin origin = Origin.current();
		log.append(new AuditLog.NewEntry(origin.actor(), action, recordKind, recordId, reason,
				changes == null ? null : json.writeValueAsString(changes), origin.requestId(), origin.address()));
		publisher.publishEvent(new Recorded(origin.actor(), List.of(new Entry(action, recordKind, recordId, reason,
				changes))));
	}

}
