/**
 * The append-only, hash-chained audit trail: who did what, when, why and from where. Features record through
 * {@link AuditTrail} inside their own transaction; {@link Changes} turns a
 * before and an after into field-level changes.
 */
@ApplicationModule(allowedDependencies = { "platform", "web" })
@NullMarked
package org.backroom.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
