package org.backroom.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start that fails for want of a database says which URL and why, instead of a page of bean-creation traces. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachable> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachable cause) {
		return new FailureAnalysis(cause.sentence(),
				"Start the database, or correct BACKROOM_DB_URL, BACKROOM_DB_USER and BACKROOM_DB_PASSWORD "
						+ "(unset BACKROOM_DB_URL to use the embedded PostgreSQL).", cause);
	}

}
