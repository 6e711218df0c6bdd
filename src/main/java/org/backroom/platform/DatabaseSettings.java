package org.backroom.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Backroom keeps its data. With no {@code url} (environment {@code BACKROOM_DB_URL}) Backroom runs its own
 * embedded PostgreSQL with its files under {@code backroom.data.dir} ({@code BACKROOM_DATA_DIR}). A
 * {@code replicaUrl} ({@code BACKROOM_DB_REPLICA_URL}, same user and password) is where reports read.
 */
@ConfigurationProperties("backroom.db")
record DatabaseSettings(@Nullable String url, @Nullable String user, @Nullable String password,
		@Nullable String replicaUrl) {

	boolean external() {
		return url != null && !url.isBlank();
	}

}
