package org.backroom.erasure;

import java.util.Map;
import java.util.Optional;

import org.backroom.bulk.BulkEraser;
import org.backroom.web.Refusal;

import org.springframework.stereotype.Component;

/**
 * Erasure as bulk jobs do it: each record through {@link ErasureService}'s own steps (the same refusals, the same
 * blanking, the same audit entry, with the job's id), so that a job erases exactly as one click would.
 */
@Component
class BulkErasure implements BulkEraser {

	private final ErasureService erasure;

	BulkErasure(ErasureService erasure) {
		this.erasure = erasure;
	}

	@Override
	public Optional<Refusal> refusal(String recordKind, long id) {
		return erasure.refusal(recordKind, id);
	}

	@Override
	public void erase(String recordKind, long id, String reason, Map<String, Object> job) {
		erasure.eraseForJob(recordKind, id, reason, job);
	}

}
