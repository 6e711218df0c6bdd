/** The store's settings that an owner changes while Backroom runs: approval policies, delete behaviour, trash retention. */
@ApplicationModule(allowedDependencies = { "audit", "backup", "lifecycle", "permission", "staff", "web" })
@NullMarked
package org.backroom.settings;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
