package org.backroom.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The embedded PostgreSQL's data directory. Blank means a throw-away directory removed on shutdown, which is
 * what the tests use; the default {@code ./data} survives restarts.
 *
 * @param relaxedDurability run the embedded server with fsync, synchronous commit and full-page writes off: fast,
 * and a crash may lose or corrupt anything. Allowed only for a throw-away directory.
 * @param memory the embedded server's page cache ({@code shared_buffers}); unset, a quarter of the machine's memory
 * (at most 8 GB), or 128 MB for a throw-away directory (see {@link ServerMemory})
 */
@ConfigurationProperties("backroom.data")
public record DataSettings(@Nullable String dir, boolean relaxedDurability, @Nullable DataSize memory) {

	public boolean ephemeral() {
		return dir == null || dir.isBlank();
	}

}
