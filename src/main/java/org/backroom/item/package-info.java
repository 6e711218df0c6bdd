/** Items (products) that can be sold and bought. */
@ApplicationModule(allowedDependencies = { "imports", "lifecycle", "permission", "platform", "web" })
@NullMarked
package org.backroom.item;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
