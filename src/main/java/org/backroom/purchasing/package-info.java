/** Purchase orders: buying from suppliers, and receiving the goods into stock. */
@ApplicationModule(allowedDependencies = { "audit", "item", "lifecycle", "permission", "platform", "staff", "supplier", "web" })
@NullMarked
package org.backroom.purchasing;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
