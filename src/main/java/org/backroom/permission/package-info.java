/**
 * The server-side permission check that every feature's pages and services ask: does the signed-in user hold this
 * permission, and if not, a 403 that names it. It knows permissions only as names; who holds them is the staff
 * module's business.
 */
@ApplicationModule(allowedDependencies = { "web" })
@NullMarked
package org.backroom.permission;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
