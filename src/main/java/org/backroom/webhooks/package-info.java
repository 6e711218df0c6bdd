/**
 * Webhooks: endpoints an owner registers (a URL, the event types it hears of, a secret), and the deliveries that
 * carry the store's events ({@code events.EventFeed}) to them, signed, at least once, in order per record, retried
 * with backoff, each with a log line. Nothing is delivered in a request's thread or transaction: a fan-out copies
 * sequenced events into deliveries and a dispatcher on its own threads sends them.
 */
@ApplicationModule(allowedDependencies = { "audit", "events", "permission", "web" })
@NullMarked
package org.backroom.webhooks;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
