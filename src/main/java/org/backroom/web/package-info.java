/** HTTP concerns shared by every feature: problem details and request conventions. */
@ApplicationModule(allowedDependencies = { "platform" })
@NullMarked
package org.backroom.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
