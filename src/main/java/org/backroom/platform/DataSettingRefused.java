package org.backroom.platform;

/**
 * A {@code backroom.data.*} setting the embedded PostgreSQL cannot run with, refused before it starts: the start
 * fails with this sentence and what to change ({@link DataSettingFailureAnalyzer}), not a page of traces.
 */
class DataSettingRefused extends IllegalStateException {

	DataSettingRefused(String message) {
		super(message);
	}

}
