/** The dashboard: the first page after signing in, made of figures each feature serves. */
@ApplicationModule(allowedDependencies = { "web" })
@NullMarked
package org.backroom.dashboard;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
