package org.backroom.events;

import java.time.Instant;

/**
 * An event as other systems receive it.
 *
 * @param id the event's id, the same on every delivery of it: what a receiver de-duplicates by
 * @param sequence its place in commit order, from 1 with no gaps ({@link EventSequencer})
 * @param type its name, past tense: {@code CustomerDeactivated}
 * @param recordKind the kind of the record it is about: {@code customer}
 * @param recordId that record's id; events of one record are in order of their sequence
 * @param at when the change was made
 * @param document the whole event as JSON, as {@code docs/events/event-v1.schema.json} describes it
 */
public record StoredEvent(long id, long sequence, String type, String recordKind, long recordId, Instant at,
		String document) {
}
