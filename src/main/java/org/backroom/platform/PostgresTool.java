package org.backroom.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL command-line tools ({@code initdb}, {@code pg_ctl}) of one installation, run on one data directory
 * the way the embedded server needs them: without the shell's {@code PG*} variables and, as root, in a user
 * namespace of their own.
 */
final class PostgresTool {

	private static final Logger log = LoggerFactory.getLogger(PostgresTool.class);

	private static final boolean AS_ROOT = LinuxUtils.isUnshareAvailable();

	private final Path bin;

	private final Path pgdata;

	PostgresTool(Path bin, Path pgdata) {
		this.bin = bin;
		this.pgdata = pgdata;
	}

	void initdb() throws IOException {
		run(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", pgdata.toString(),
				"-E", "UTF-8"), 120);
	}

	void start(Path logFile, List<String> options) throws IOException {
		run(List.of(bin.resolve("pg_ctl").toString(), "-D", pgdata.toString(), "-l", logFile.toString(), "-w",
				"-t", "120", "-o", String.join(" ", options), "start"), 180);
	}

	void stop() throws IOException {
		stop("fast");
	}

	/**
	 * Stops the server in PostgreSQL's {@code immediate} mode, without the shutdown checkpoint: for a throw-away
	 * server whose directory is removed next, so that a test run's end does not wait for one checkpoint per server.
	 */
	void stopForDisposal() throws IOException {
		stop("immediate");
	}

	private void stop(String mode) throws IOException {
		run(List.of(bin.resolve("pg_ctl").toString(), "-D", pgdata.toString(), "-m", mode, "-w", "-t", "60", "stop"),
				90);
	}

	/** A killed Backroom leaves its postmaster running (pg_ctl detached it): stop it cleanly before we start. */
	void stopLeftover() throws IOException {
		Optional<StalePostmaster> stale = StalePostmaster.in(pgdata);
		if (stale.isEmpty()) {
			return;
		}
		if (stale.get().running()) {
			log.warn("Found a PostgreSQL left running by a previous Backroom (pid {}) on {}; stopping it",
					stale.get().pid(), pgdata);
			stop();
			log.info("Stopped the PostgreSQL left running by a previous Backroom (pid {})", stale.get().pid());
		}
		else {
			log.warn("Found a stale postmaster.pid (pid {}, no such PostgreSQL running): a previous server died; "
					+ "PostgreSQL will recover from its write-ahead log", stale.get().pid());
			Files.deleteIfExists(pgdata.resolve("postmaster.pid"));
		}
	}

	/** Runs a PostgreSQL tool without the shell's {@code PG*} variables, which could point it elsewhere or break it. */
	private static void run(List<String> command, int timeoutSeconds) throws IOException {
		List<String> line = new ArrayList<>();
		if (AS_ROOT) {
			// PostgreSQL refuses to run as root; in a user namespace of its own it is not root (the embedded library's way).
			line.addAll(List.of("unshare", "-U"));
		}
		line.addAll(command);
		var builder = new ProcessBuilder(line).redirectErrorStream(true);
		builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		try {
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(Path.of(command.get(0)).getFileName() + " did not finish in " + timeoutSeconds + " s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for " + command.get(0), ex);
		}
		if (process.exitValue() != 0) {
			throw new IOException(Path.of(command.get(0)).getFileName() + " failed: " + output);
		}
		log.debug("{}: {}", command.get(0), output);
	}

}
