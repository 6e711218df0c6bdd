/** Four-eyes approvals: ask, approve, reject, expire. */
@ApplicationModule(allowedDependencies = { "audit", "lifecycle", "lifecycle::authorized", "permission", "platform", "settings", "staff", "web" })
@NullMarked
package org.backroom.approval;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
