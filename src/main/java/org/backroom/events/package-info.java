/**
 * Events for a store's other systems (accounting, e-mail marketing, a web shop): every lifecycle transition, merge,
 * erasure, sale and purchase-order move becomes a row of the {@code events} table in the transaction that makes it
 * ({@link EventLog}), is given its place in commit order moments later ({@link EventSequencer}), and is read in that
 * order by whatever sends it out ({@link EventFeed}). The schema of an event is
 * {@code docs/events/event-v1.schema.json}.
 */
@ApplicationModule(allowedDependencies = { "audit", "lifecycle" })
@NullMarked
package org.backroom.events;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
