package org.backroom.backup;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 15 server (Debian's, in {@code /usr/lib/postgresql/15/bin}) in a temporary directory on a free
 * loopback port: the "managed PostgreSQL" a store moves to. Run as the {@code postgres} user when the tests run as
 * root, since PostgreSQL refuses to run as root.
 */
final class Postgresql15 implements AutoCloseable {

	static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

	private final Path dir;

	private final int port;

	private Postgresql15(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	static boolean installed() {
		return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
	}

	/** Starts a fresh server with an empty database {@code backroom}. */
	static Postgresql15 start() throws IOException, InterruptedException, SQLException {
		Path dir = Files.createTempDirectory("backroom-pg15-");
		if (root()) {
			Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Postgresql15 server = new Postgresql15(dir, port);
		server.run("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
				"--no-sync");
		server.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
				"-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
		try (var connection = DriverManager.getConnection(server.url("postgres"), "postgres", "");
				var statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE backroom TEMPLATE template0 ENCODING 'UTF8'");
		}
		return server;
	}

	String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
	}

	private void run(String program, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		if (root()) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(BIN.resolve(program).toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve(program + ".out").toFile())
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroy();
			throw new IllegalStateException(program + " failed: " + Files.readString(dir.resolve(program + ".out")));
		}
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

}
