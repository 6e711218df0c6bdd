package org.backroom.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * CPU seconds spent by this JVM and by the PostgreSQL server (the postmaster, its live children and the children it
 * has reaped), read from {@code /proc}: on a shared machine wall time alone says little about a load's own cost.
 * Where {@code /proc} is missing the PostgreSQL figure is {@code NaN}.
 */
public final class CpuClock {

	/** Linux reports process times in clock ticks of 1/100 s on every common platform. */
	private static final double TICK = 0.01;

	private final long postmaster;

	private CpuClock(long postmaster) {
		this.postmaster = postmaster;
	}

	/** CPU seconds so far. */
	public record Reading(double jvm, double postgres) {

		public Reading since(Reading start) {
			return new Reading(jvm - start.jvm, postgres - start.postgres);
		}

	}

	public static CpuClock of(Connection db) throws SQLException {
		try (Statement statement = db.createStatement(); var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			String[] backend = stat(rs.getLong(1));
			return new CpuClock(backend == null ? -1 : Long.parseLong(backend[1]));
		}
	}

	public Reading read() {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		return new Reading(os.getProcessCpuTime() / 1e9, postgres());
	}

	private double postgres() {
		String[] main = stat(postmaster);
		if (main == null) {
			return Double.NaN;
		}
		// utime, stime, cutime, cstime: the reaped children (finished backends, parallel workers) are in the last two
		long ticks = Long.parseLong(main[11]) + Long.parseLong(main[12]) + Long.parseLong(main[13])
				+ Long.parseLong(main[14]);
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				String[] child = stat(Long.parseLong(proc.getFileName().toString()));
				if (child != null && Long.parseLong(child[1]) == postmaster) {
					ticks += Long.parseLong(child[11]) + Long.parseLong(child[12]);
				}
			}
		}
		catch (IOException ex) {
			return Double.NaN;
		}
		return ticks * TICK;
	}

	/** The CPU a process has used so far, its own threads' (user and system), from {@code /proc/<pid>/stat}. */
	static double cpuSeconds(long pid) {
		String[] process = stat(pid);
		if (process == null) {
			throw new IllegalStateException("No /proc/" + pid + "/stat: the benchmark reads CPU times on Linux");
		}
		return (Long.parseLong(process[11]) + Long.parseLong(process[12])) * TICK;
	}

	/** The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime. */
	private static String @org.jspecify.annotations.Nullable [] stat(long pid) {
		try {
			String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			return text.substring(text.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
