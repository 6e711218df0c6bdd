/**
 * CSV import of master records: a file checked row by row in a dry run, then created and updated in the background
 * in batches, each record audited with the job's id, resumable after a restart and undoable. A kind of record takes
 * part by offering an {@link org.backroom.imports.ImportableKind}; this module writes no other feature's tables.
 */
@ApplicationModule(allowedDependencies = { "audit", "lifecycle", "lifecycle::authorized", "permission", "platform", "web" })
@NullMarked
package org.backroom.imports;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
