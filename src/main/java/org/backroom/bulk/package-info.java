/**
 * Bulk jobs: many customers or items moved through the shared lifecycle (deactivate, delete, and their undo) in the
 * background, in batches that re-check every record under lock, surviving a restart, each record audited with the
 * job's id.
 */
@ApplicationModule(allowedDependencies = { "approval", "audit", "lifecycle", "lifecycle::authorized", "permission", "platform", "settings", "staff", "web" })
@NullMarked
package org.backroom.bulk;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
