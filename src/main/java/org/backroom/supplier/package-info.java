/** Suppliers: who the store buys from, under the shared lifecycle. */
@ApplicationModule(allowedDependencies = { "lifecycle", "permission", "platform", "web" })
@NullMarked
package org.backroom.supplier;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
