/**
 * Safe retries: every mutating request runs in one transaction of its own, so that a request answered with an error
 * leaves nothing behind, a deadlock or serialization failure can be run again from the start, and the answer to a
 * request with an {@code Idempotency-Key} is stored with the change it made.
 */
@ApplicationModule(allowedDependencies = { "staff", "web" })
@NullMarked
package org.backroom.idempotency;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
