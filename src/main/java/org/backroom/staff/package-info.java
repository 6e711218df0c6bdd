/** Staff users, roles and permissions, sign-in and personal API tokens. */
@ApplicationModule(allowedDependencies = { "audit", "lifecycle", "permission", "platform", "web" })
@NullMarked
package org.backroom.staff;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
