package org.backroom.bulk;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The requests someone is waiting for right now (a sale at the till, a picker's keystroke, a page): counted as they
 * come and go, so that a bulk job can step aside while they run ({@link BulkYield}). Every request counts; the few a
 * job's own page makes while it runs count too, and cost it no more than a few milliseconds of its turn.
 */
@Component
class PeopleWaiting extends OncePerRequestFilter {

	private final Object monitor = new Object();

	private int inFlight;

	private long lastEndedNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		synchronized (monitor) {
			inFlight++;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			synchronized (monitor) {
				inFlight--;
				lastEndedNanos = System.nanoTime();
				if (inFlight == 0) {
					monitor.notifyAll();
				}
			}
		}
	}

	/** Whether no request is in flight and none ended within {@code quiet}: nobody is using the store just now. */
	boolean quietFor(Duration quiet) {
		synchronized (monitor) {
			return inFlight == 0 && System.nanoTime() - lastEndedNanos >= quiet.toNanos();
		}
	}

	/**
	 * Waits until the store has been quiet for {@code quiet} (see {@link #quietFor}), woken as the last request in
	 * flight ends, but no longer than {@code atMost}.
	 */
	void awaitQuiet(Duration quiet, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		synchronized (monitor) {
			while (true) {
				long now = System.nanoTime();
				long left = deadline - now;
				long quietIn = inFlight == 0 ? lastEndedNanos + quiet.toNanos() - now : left;
				if (left <= 0 || quietIn <= 0) {
					return;
				}
				TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(left, quietIn));
			}
		}
	}

}
