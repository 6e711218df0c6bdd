/**
 * Backups you can restore: a consistent snapshot of the whole store (every table of the Flyway-managed schema,
 * copied with {@code COPY … TO STDOUT} in one REPEATABLE READ transaction) written to one ZIP file with a manifest,
 * taken on a schedule and on demand; and the restore that rebuilds a store from such a file into an empty database.
 */
@ApplicationModule(allowedDependencies = { "audit", "platform", "web" })
@NullMarked
package org.backroom.backup;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
