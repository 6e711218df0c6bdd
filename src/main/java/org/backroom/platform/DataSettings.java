package org.backroom.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL's data directory. Blank means a throw-away directory removed on shutdown, which is
 * what the tests use; the default {@code ./data} survives restarts.
 */
@ConfigurationProperties("backroom.data")
public record DataSettings(@Nullable String dir) {

	public boolean ephemeral() {
		return dir == null || dir.isBlank();
	}

}
