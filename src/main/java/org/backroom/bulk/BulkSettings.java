package org.backroom.bulk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bulk jobs run ({@code backroom.bulk.*}).
 *
 * @param batchSize records per transaction: large enough to be fast, small enough that the rows a batch locks (and
 *        the audit chain it holds until commit) are not held for long
 * @param pause a wait between batches; zero in production, a test hook that leaves time to act mid-job
 * @param share the part of the time a job may take while people are using the store (see {@link BulkYield}); 1 to
 *        never step aside
 * @param quiet how long no request must have been in flight for the job to go on before its turn is over
 */
@ConfigurationProperties("backroom.bulk")
record BulkSettings(@DefaultValue("1000") int batchSize, @DefaultValue("0s") Duration pause,
		@DefaultValue("0.5") double share, @DefaultValue("10ms") Duration quiet) {

	BulkSettings {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("backroom.bulk.share must be above 0 and at most 1, not " + share);
		}
	}

}
