package org.backroom.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code postmaster.pid} in a data directory says: a postmaster left running by a Backroom that was killed (its
 * JVM died, the server lives on), or a file left by a server that died with it.
 */
record StalePostmaster(long pid, Optional<ProcessHandle> process) {

	/** The postmaster a {@code postmaster.pid} names, if the file is there. */
	static Optional<StalePostmaster> in(Path pgdata) throws IOException {
		Path file = pgdata.resolve("postmaster.pid");
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(file);
		long pid;
		try {
			pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
		}
		catch (NumberFormatException ex) {
			pid = -1;
		}
		Optional<ProcessHandle> process = pid <= 0 ? Optional.empty()
				: ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isPostgresOn(p, pgdata));
		return Optional.of(new StalePostmaster(pid, process));
	}

	boolean running() {
		return process.isPresent();
	}

	/**
	 * A live process with this pid is our postmaster only if it is a {@code postgres} serving this very directory:
	 * after a reboot the pid may belong to anything else, which must be left alone.
	 */
	private static boolean isPostgresOn(ProcessHandle process, Path pgdata) {
		String commandLine = commandLine(process);
		return commandLine.contains("postgres") && commandLine.contains(pgdata.toString());
	}

	private static String commandLine(ProcessHandle process) {
		Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
		try {
			if (Files.isReadable(proc)) {
				return new String(Files.readAllBytes(proc)).replace('\0', ' ');
			}
		}
		catch (IOException ex) {
			// fall through to what the JDK knows
		}
		return process.info().commandLine().orElse("");
	}

}
