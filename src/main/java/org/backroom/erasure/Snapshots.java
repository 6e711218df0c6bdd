package org.backroom.erasure;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.backroom.audit.PersonalData;
import org.backroom.web.Refusal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The places beyond a person's own record and orders that may quote them, shared by every kind: approval requests,
 * bulk jobs' per-record notes, and stored answers to retried requests. Each is blanked where it quotes the person.
 */
@Component
class Snapshots {

	private final JdbcClient jdbc;

	Snapshots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Requests still waiting for a decision about the person (or, for staff, asked by them). */
	Optional<Refusal> pendingApprovals(String kind, long id, boolean askedBy, String label) {
		long pending = jdbc.sql("""
				SELECT count(*) FROM approval_requests
				WHERE status = 'PENDING' AND expires_at > now()
				  AND ((record_kind = ? AND record_id = ?) OR (? AND requested_by = ?))""")
			.params(kind, id, askedBy, id)
			.query(Long.class)
			.single();
		return pending == 0 ? Optional.empty()
				: Optional.of(new ErasureRefusals.Unsettled("pending-approvals", "Pending approvals",
						label + " has " + pending + " approval request(s) waiting for a decision; decide them first.",
						pending));
	}

	/** Blanks the texts that quote the person, outside their record, orders and audit entries. */
	void blank(PersonalData person) {
		for (String value : person.values()) {
			if (value.strip().length() < 3) {
				continue;
			}
			String pattern = "%" + value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			jdbc.sql("UPDATE approval_requests SET reason = '[erased]' WHERE reason ILIKE ?").param(pattern)
				.update();
			jdbc.sql("UPDATE approval_requests SET decision_reason = '[erased]' WHERE decision_reason ILIKE ?")
				.param(pattern).update();
			jdbc.sql("UPDATE bulk_jobs SET reason = '[erased]' WHERE reason ILIKE ?").param(pattern).update();
			jdbc.sql("UPDATE bulk_job_records SET detail = '[erased]' WHERE detail ILIKE ?").param(pattern).update();
			jdbc.sql("UPDATE bulk_job_records SET reason = '[erased]' WHERE reason ILIKE ?").param(pattern).update();
			// A stored answer cannot be rewritten (its bytes are what a retry gets); it goes, and a retry of that
			// request runs again instead of replaying an answer that names the person.
			jdbc.sql("DELETE FROM idempotency_keys WHERE position(? IN body) > 0 OR position(? IN headers::text) > 0")
				.params(value.strip().getBytes(StandardCharsets.UTF_8), value.strip()).update();
		}
	}

}
