/** The one lifecycle of every master record: state machine, dependents, impact preview, trash and purge. */
@ApplicationModule(allowedDependencies = { "audit", "permission", "platform", "web" })
@NullMarked
package org.backroom.lifecycle;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
