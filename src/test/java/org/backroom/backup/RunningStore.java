package org.backroom.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.BackroomApplication;
import org.backroom.support.Api;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole Backroom started in this JVM on a free port, with its own embedded PostgreSQL in a data directory of the
 * test's choosing: the drill needs two stores side by side (the one backed up and the one restored).
 */
final class RunningStore implements AutoCloseable {

	static final String ADMIN_PASSWORD = "owner-password-for-drills";

	private final ConfigurableApplicationContext context;

	private @Nullable Api owner;

	private RunningStore(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts a store on {@code dataDir} with backups in {@code backupDir}; more properties as {@code name=value}. */
	static RunningStore start(Path dataDir, Path backupDir, String... properties) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--backroom.data.dir=" + dataDir,
				"--backroom.backup.dir=" + backupDir, "--backroom.backup.cron=-", "--backroom.trash.purge-cron=-",
				"--backroom.sign-in.admin-password=" + ADMIN_PASSWORD));
		for (String property : properties) {
			args.add("--" + property);
		}
		return new RunningStore(new SpringApplicationBuilder(BackroomApplication.class).run(args.toArray(String[]::new)));
	}

	/**
	 * A client signed in as the owner {@code admin}, with an API token made on first use (so a test can read the
	 * store's tables before the token and its audit entry are written).
	 */
	synchronized Api owner() {
		if (owner == null) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
			Api withPassword = new Api(port).as("admin", ADMIN_PASSWORD);
			String token = withPassword.post("/api/me/tokens", Map.of("name", "drill")).json().path("token").asString();
			owner = new Api(port).with("Authorization", "Bearer " + token);
		}
		return owner;
	}

	/** The store's own database, for reading what a restore must have brought back. */
	JdbcClient database() {
		return context.getBean(JdbcClient.class);
	}

	@Override
	public void close() {
		context.close();
	}

}
