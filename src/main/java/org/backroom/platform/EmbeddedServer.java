package org.backroom.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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

	private static final String MEMORY_FILE = "backroom.conf";

	private final Path base;

	private final Path pgdata;

	private final PostgresTool tool;

	private final boolean ephemeral;

	private final Durability durability;

	private final Map<String, String> memory;

	private final int port;

	private final DataDirectoryLock lock;

	private volatile long pid;

	private final List<Runnable> beforeStop = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	private EmbeddedServer(Path base, boolean ephemeral, Durability durability, Map<String, String> memory, Path home)
			throws IOException {
		this.base = base;
		this.pgdata = base.resolve("postgres");
		this.tool = new PostgresTool(home.resolve("bin"), pgdata);
		this.ephemeral = ephemeral;
		this.durability = durability;
		this.memory = memory;
		this.port = freePort();
		this.lock = DataDirectoryLock.acquire(base);
	}

	/** Starts a server on this directory, with the memory {@link ServerMemory} gives it by default. */
	static EmbeddedServer start(Path dir, boolean ephemeral, Durability durability) throws IOException {
		return start(dir, ephemeral, durability, ServerMemory.settings(null, ephemeral, ServerMemory.machine()));
	}

	/** Starts a server on this directory, with these {@link ServerMemory} settings. */
	static EmbeddedServer start(Path dir, boolean ephemeral, Durability durability, Map<String, String> memory)
			throws IOException {
		Files.createDirectories(dir);
		EmbeddedServer server = new EmbeddedServer(dir.toAbsolutePath().normalize(), ephemeral, durability, memory,
				PostgresBinaries.home());
		try {
			server.initdbIfNew();
			server.writeMemorySettings();
			server.tool.stopLeftover();
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

	/** The cluster's own directory ({@code PGDATA}), beside Backroom's lock and the server's log. */
	Path dataDirectory() {
		return pgdata;
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
		tool.initdb();
	}

	/**
	 * The memory settings go into a file that {@code postgresql.conf} includes, not onto the command line: there a
	 * {@code shared_buffers} other than the file's made every configuration reload report that it cannot change
	 * without a restart, and left {@code pending_restart} set. {@code ALTER SYSTEM} still overrides them.
	 */
	private void writeMemorySettings() throws IOException {
		StringBuilder settings = new StringBuilder("# Written by Backroom at every start (backroom.data.memory).\n");
		memory.forEach((name, value) -> settings.append(name).append(" = '").append(value).append("'\n"));
		Files.writeString(pgdata.resolve(MEMORY_FILE), settings);
		Path conf = pgdata.resolve("postgresql.conf");
		String include = "include_if_exists = '" + MEMORY_FILE + "'";
		if (!Files.readString(conf).contains(include)) {
			Files.writeString(conf, "\n" + include + "\n", StandardOpenOption.APPEND);
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
				tool.start(log(), options());
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

	/**
	 * Runs {@code task} before the server stops, however it is stopped: at its application's close, or by the
	 * throw-away server's shutdown hook, which the JVM may run before the application is closed. The pool closes
	 * there first, while the server still answers; stopped the other way round, each pool of a test run retried its
	 * connections for its 3 s timeout at exit, and the forked test JVM outlived surefire's 30 s and was killed.
	 * The task must be safe to run twice.
	 */
	void beforeStop(Runnable task) {
		beforeStop.add(task);
	}

	/** Runs the {@link #beforeStop} tasks (each may run more than once), then stops the server once. */
	@Override
	public void close() {
		// Outside the lock: a watchdog restarting the server holds it, and closing the pool waits for the watchdog.
		beforeStop.forEach(Runnable::run);
		stop();
	}

	private synchronized void stop() {
		if (closed) {
			return;
		}
		closed = true;
		try {
			if (running() && ephemeral) {
				tool.stopForDisposal();
			}
			else if (running()) {
				tool.stop();
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
			if (ephemeral) {
				deleteTree(base);
			}
		}
		catch (IOException ex) {
			log.warn("Could not clean up {}: {}", base, ex.getMessage());
		}
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
