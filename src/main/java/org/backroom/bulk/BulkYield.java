package org.backroom.bulk;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * How a bulk job shares the machine with the people using the store: after each batch, if anyone is waiting for a
 * request ({@link PeopleWaiting}), the job steps aside for as long as the batch took, scaled so that it runs at most
 * {@code backroom.bulk.share} of the time beside them (a half by default: a batch of 200 ms, then up to 200 ms for
 * the till alone). It goes on as soon as the store has been quiet for {@code backroom.bulk.quiet}, and at once when
 * nobody is there, so an idle store gets the job done at full speed. Between batches it holds no lock and no
 * connection; a pause is never longer than {@link #LONGEST}, so a job under constant load still moves. The time
 * stepped aside is on {@code /actuator/prometheus} as {@code backroom_bulk_yielded_seconds}.
 */
@Component
class BulkYield {

	/** The longest step aside after one batch, whatever it took. */
	static final Duration LONGEST = Duration.ofSeconds(2);

	private final PeopleWaiting people;

	private final BulkSettings settings;

	private final Timer yielded;

	BulkYield(PeopleWaiting people, BulkSettings settings, MeterRegistry registry) {
		this.people = people;
		this.settings = settings;
		this.yielded = Timer.builder("backroom.bulk.yielded")
			.description("Time bulk jobs stepped aside between batches for people using the store")
			.register(registry);
	}

	/** The longest step aside after a batch that kept the database busy for {@code busy}. */
	Duration turnAfter(Duration busy) {
		double share = settings.share();
		if (share >= 1) {
			return Duration.ZERO;
		}
		long nanos = (long) (busy.toNanos() * (1 - share) / share);
		return nanos >= LONGEST.toNanos() ? LONGEST : Duration.ofNanos(nanos);
	}

	/** After a batch that took {@code busy}: steps aside while people wait, as long as their turn lasts. */
	void after(Duration busy) {
		Duration turn = turnAfter(busy);
		if (turn.isZero() || people.quietFor(settings.quiet())) {
			return;
		}
		long began = System.nanoTime();
		try {
			people.awaitQuiet(settings.quiet(), turn);
		}
		catch (InterruptedException ex) {
			// Stopping: the runner sees the flag and takes no further batch.
			Thread.currentThread().interrupt();
		}
		finally {
			yielded.record(Duration.ofNanos(System.nanoTime() - began));
		}
	}

}
