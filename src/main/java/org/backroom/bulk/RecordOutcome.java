package org.backroom.bulk;

/** What became of one record of a bulk job; in the database ({@code bulk_job_records.outcome}), its name. */
enum RecordOutcome {

	DONE, SKIPPED, FAILED;

	/** How many records of a batch came to each outcome. */
	record Counts(int done, int skipped, int failed) {

		static final Counts NONE = new Counts(0, 0, 0);

		Counts plus(RecordOutcome outcome) {
			return switch (outcome) {
				case DONE -> new Counts(done + 1, skipped, failed);
				case SKIPPED -> new Counts(done, skipped + 1, failed);
				case FAILED -> new Counts(done, skipped, failed + 1);
			};
		}

	}

}
