package org.backroom.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused {@code backroom.data.*} setting stops the start with what is wrong and what to set instead. */
class DataSettingFailureAnalyzer extends AbstractFailureAnalyzer<DataSettingRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataSettingRefused cause) {
		return new FailureAnalysis(cause.getMessage(), "Change the setting (README, \"Configuration\") and start again.",
				cause);
	}

}
