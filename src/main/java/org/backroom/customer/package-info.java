/** Customers, their credit, and the walk-in customer. */
@ApplicationModule(allowedDependencies = { "imports", "lifecycle", "permission", "platform", "web" })
@NullMarked
package org.backroom.customer;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
