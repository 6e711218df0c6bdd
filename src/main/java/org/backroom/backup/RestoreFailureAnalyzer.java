package org.backroom.backup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused restore ends the start with its reason and what to do, not with a stack trace of bean creation. */
class RestoreFailureAnalyzer extends AbstractFailureAnalyzer<RestoreRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RestoreRefused cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Restore into an empty data directory (a new BACKROOM_DATA_DIR) or an empty database"
						+ " (BACKROOM_DB_URL), with a whole backup file, or start without --restore.",
				cause);
	}

}
