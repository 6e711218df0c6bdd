package org.backroom.bulk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.backroom.lifecycle.RecordKinds;
import org.backroom.web.Refusal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Works out what a clean-up would do now: which records it would process, and which it skips and why. */
@Component
class BulkPlanner {

	private final Selection selection;

	private final RecordKinds kinds;

	private final ObjectProvider<BulkEraser> eraser;

	BulkPlanner(Selection selection, RecordKinds kinds, ObjectProvider<BulkEraser> eraser) {
		this.selection = selection;
		this.kinds = kinds;
		this.eraser = eraser;
	}

	/**
	 * The plan for these records as they are now.
	 *
	 * @param asOf activity at or after it skips a record; with ids given, the time the person looked (the
	 *        preview's), or now
	 */
	Preview plan(BulkRequest.Target target, Instant asOf) {
		List<Long> ids = target.ids() != null ? target.ids() : selection.idleSince(target.recordKind(), target.since());
		Instant cutoff = cutoff(target, asOf);
		List<Long> toProcess = new ArrayList<>();
		List<Preview.Skipped> skipped = new ArrayList<>();
		for (RecordFacts facts : selection.facts(kinds.byName(target.recordKind()), target.action(), ids, cutoff)) {
			Optional<RecordFacts.Skip> skip = facts.skip(target.action(), null);
			if (skip.isEmpty() && target.action().erases()) {
				skip = refusal(target.recordKind(), facts.id());
			}
			if (skip.isPresent()) {
				skipped.add(new Preview.Skipped(facts.id(), skip.get().reason(), skip.get().detail()));
			}
			else {
				toProcess.add(facts.id());
			}
		}
		return new Preview(ids.size(), toProcess, skipped, asOf);
	}

	/** Why the erasure feature would refuse to erase this record now, as a skip. */
	private Optional<RecordFacts.Skip> refusal(String recordKind, long id) {
		Optional<Refusal> refusal = eraser(eraser).refusal(recordKind, id);
		return refusal.map(refused -> new RecordFacts.Skip(refused.slug(), String.valueOf(refused.getMessage())));
	}

	/** The erasure feature's side of an erase job. */
	static BulkEraser eraser(ObjectProvider<BulkEraser> eraser) {
		BulkEraser found = eraser.getIfAvailable();
		if (found == null) {
			throw new IllegalStateException("No erasure feature is present to erase records in bulk");
		}
		return found;
	}

	/** The moment from which activity makes a job skip a record. */
	static Instant cutoff(BulkRequest.Target target, Instant asOf) {
		return target.since() != null ? target.since().atStartOfDay(ZoneOffset.UTC).toInstant() : asOf;
	}

}
