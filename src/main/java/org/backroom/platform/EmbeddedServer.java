package org.backroom.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: a server Backroom runs with {@code pg_ctl} on a data directory it owns. Unlike the
 * embedded library's test server it is durable (unless told otherwise for a throw-away directory), ignores the
 * shell's {@code PG*} variables, keeps its log in {@code postgres.log} beside its data, stops a postmaster that a
 * killed Backroom left behind, and can be started again on the same port after it died.
 */
final class EmbeddedServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

	private static final boolean AS_ROOT = LinuxUtils.isUnshareAvailable();

	private final Path base;

	private final Path pgdata;

	private final Path bin;

	private final boolean ephemeral;

	private final Durability durability;

	private final int port;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private volatile long pid;

	private volatile boolean closed;

	private EmbeddedServer(Path base, boolean ephemeral, Durability durability, Path home) throws IOException {
		this.base = base;
		this.pgdata = base.resolve("postgres");
		this.bin = home.resolve("bin");
		this.ephemeral = ephemeral;
		this.durability = durability;
		this.port = freePort();
		this.lockChannel = FileChannel.open(base.resolve("backroom.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		this.lock = lockChannel.tryLock();
		if (lock == null) {
			lockChannel.close();
			throw new IllegalStateException("Another running Backroom uses the data directory " + base
					+ "; stop it first or choose another BACKROOM_DATA_DIR");
		}
	}

	/** Starts a server on this directory (a new throw-away one when {@code dir} is null). */
	static EmbeddedServer start(Path dir, boolean ephemeral, Durability durability) throws IOException {
		Files.createDirectories(dir);
		EmbeddedServer server = new EmbeddedServer(dir.toAbsolutePath().normalize(), ephemeral, durability,
				PostgresBinaries.home());
		try {
			server.initdbIfNew();
			server.stopLeftover();
			server.startPostmaster(30_000);
			if (ephemeral) {
				// A test JVM may be ended before every cached application closed: a throw-away server must not outlive it.
				Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
			}
			return server;
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	int port() {
		return port;
	}

	long pid() {
		return pid;
	}

	Path log() {
		return base.resolve("postgres.log");
	}

	Durability durability() {
		return durability;
	}

	boolean running() {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	boolean closed() {
		return closed;
	}

	private void initdbIfNew() throws IOException {
		if (Files.exists(pgdata.resolve("PG_VERSION"))) {
			return;
		}
		log.info("Creating the embedded PostgreSQL database cluster in {}", pgdata);
		run(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", pgdata.toString(),
				"-E", "UTF-8"), 120);
	}

	/** A killed Backroom leaves its postmaster running (pg_ctl detached it): stop it cleanly before we start. */
	private void stopLeftover() throws IOException {
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

	/**
	 * Starts the postmaster, trying again until the deadline: right after a crash the old server's backends may
	 * still hold its shared memory for a moment, and PostgreSQL refuses to start until they are gone.
	 */
	synchronized void startPostmaster(long deadlineMillis) throws IOException {
		long deadline = System.currentTimeMillis() + deadlineMillis;
		while (true) {
			try {
				run(List.of(bin.resolve("pg_ctl").toString(), "-D", pgdata.toString(), "-l", log().toString(), "-w",
						"-t", "120", "-o", String.join(" ", options()), "start"), 180);
				pid = StalePostmaster.in(pgdata).map(StalePostmaster::pid).orElse(-1L);
				return;
			}
			catch (IOException ex) {
				if (System.currentTimeMillis() > deadline) {
					throw new IOException(ex.getMessage() + " (see " + log() + ")", ex);
				}
				pause();
			}
		}
	}

	private List<String> options() {
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "listen_addresses=localhost",
				"-c", "timezone=UTC", "-c", "max_connections=100"));
		durability.settings().forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
		return options;
	}

	private void stop() throws IOException {
		run(List.of(bin.resolve("pg_ctl").toString(), "-D", pgdata.toString(), "-m", "fast", "-w", "-t", "60", "stop"),
				90);
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		try {
			if (running()) {
				stop();
				log.info("Embedded PostgreSQL stopped cleanly");
			}
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
		finally {
			release();
		}
	}

	private void release() {
		try {
			lock.release();
			lockChannel.close();
			if (ephemeral) {
				deleteTree(base);
			}
		}
		catch (IOException ex) {
			log.warn("Could not clean up {}: {}", base, ex.getMessage());
		}
	}

	/** Runs a PostgreSQL tool without the shell's {@code PG*} variables, which could point it elsewhere or break it. */
	private void run(List<String> command, int timeoutSeconds) throws IOException {
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void pause() throws IOException {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while starting PostgreSQL", ex);
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
