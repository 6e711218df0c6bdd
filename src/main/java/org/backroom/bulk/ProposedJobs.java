package org.backroom.bulk;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of proposed jobs (V52): what another feature proposes waits, with its records and their outcomes so far,
 * until a person starts or discards it.
 */
@Repository
class ProposedJobs {

	private final JdbcClient jdbc;

	ProposedJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The proposals of this kind still waiting, which a newer one replaces: discarded, their ids. */
	List<Long> discardProposals(String proposedAs) {
		return jdbc.sql("""
				UPDATE bulk_jobs SET status = 'DISCARDED', finished_at = now()
				WHERE status = 'PROPOSED' AND proposed_as = ? RETURNING id""")
			.param(proposedAs)
			.query(Long.class)
			.list();
	}

	/** The proposed job, locked, if it still waits to be started or discarded. */
	Optional<BulkJob> lockProposed(long id) {
		return jdbc.sql(BulkJob.SELECT + " WHERE id = ? AND status = 'PROPOSED' FOR UPDATE").param(id)
			.query(BulkJob::from).optional();
	}

	/** A proposal someone starts: from now on it is theirs, with their reason. */
	void takeOver(long jobId, String reason, String requestedBy) {
		jdbc.sql("UPDATE bulk_jobs SET reason = ?, requested_by = ? WHERE id = ?").params(reason, requestedBy, jobId)
			.update();
	}

	/** The proposals waiting for someone, oldest first (a newer one of a kind replaces the older: they are few). */
	List<BulkJob> proposed() {
		return jdbc.sql(BulkJob.SELECT + " WHERE status = 'PROPOSED' ORDER BY id").query(BulkJob::from).list();
	}

	/** A page of the job's records with their outcome so far, by record id after {@code after}. */
	List<Preview.Outcome> records(long jobId, long after, int limit) {
		return jdbc.sql("""
				SELECT record_id, outcome, reason, detail FROM bulk_job_records
				WHERE job_id = ? AND record_id > ? ORDER BY record_id LIMIT ?""")
			.params(jobId, after, limit)
			.query((rs, row) -> new Preview.Outcome(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

}
