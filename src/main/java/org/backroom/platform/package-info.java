/** Running Backroom: the embedded PostgreSQL, typed settings and the demo store. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.backroom.platform;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
