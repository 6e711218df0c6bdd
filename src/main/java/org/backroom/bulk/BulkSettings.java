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
 */
@ConfigurationProperties("backroom.bulk")
record BulkSettings(@DefaultValue("1000") int batchSize, @DefaultValue("0s") Duration pause) {
}
