/** Sales orders, their lines and payments. */
@ApplicationModule(allowedDependencies = { "audit", "customer", "item", "lifecycle", "permission", "platform", "settings", "staff", "web" })
@NullMarked
package org.backroom.sales;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
