package org.backroom.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL's data directory. Blank means a throw-away directory removed on shutdown, which is
 * what the tests use; the default {@code ./data} survives restarts.
 *
 * @param relaxedDurability run the embedded server with fsync, synchronous commit and full-page writes off: fast,
 * and a crash may lose or corrupt anything. Allowed only for a throw-away directory.
 */
@ConfigurationProperties("backroom.data")
public record DataSettings(@Nullable String dir, boolean relaxedDurability) {

	public boolean ephemeral() {
		return dir == null || dir.isBlank();
	}

}
