package org.backroom.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How imports run ({@code backroom.import.*}).
 *
 * @param maxFileSize the largest file an import takes; a larger one is refused with 413 before anything is read
 * @param batchSize rows per transaction: one multi-row statement each for the creates, the updates, their
 *        outcomes and their audit entries
 * @param pause a wait between batches; zero in production, a test hook that leaves time to act mid-job
 */
@ConfigurationProperties("backroom.import")
record ImportSettings(@DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("1000") int batchSize,
		@DefaultValue("0s") Duration pause) {
}
