package org.backroom.bulk;

import java.util.Map;
import java.util.Optional;

import org.backroom.web.Refusal;

/**
 * Erasure as a bulk job needs it, implemented by the erasure feature (which owns the blanking and its refusals):
 * declared here so that bulk never depends on erasure, which itself proposes bulk jobs.
 */
public interface BulkEraser {

	/**
	 * Why this record cannot be erased now, if it cannot: the very refusal a single erasure would answer (credit
	 * balance, pending approvals, legal hold, the walk-in customer, …), for the job's preview.
	 */
	Optional<Refusal> refusal(String recordKind, long id);

	/**
	 * Erases the record in the caller's transaction (the job's batch, at a savepoint of its own): locked, checked
	 * again, blanked and audited with the job's facts; throws the refusal when it may not be erased now.
	 */
	void erase(String recordKind, long id, String reason, Map<String, Object> job);

}
