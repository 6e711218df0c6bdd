package org.backroom.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a deleted record stays restorable ({@code backroom.trash.retention}, 30 days by default) and when the
 * purge of expired trash runs ({@code backroom.trash.purge-cron}, nightly).
 */
@ConfigurationProperties("backroom.trash")
public record TrashSettings(@DefaultValue("30d") Duration retention, @DefaultValue("0 17 3 * * *") String purgeCron) {
}
