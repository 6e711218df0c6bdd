/**
 * Historical reports (sales by customer, item and staff; purchases by supplier), the dormant-customer review and
 * their CSV exports. Reports read the snapshots kept on the orders, so that what a record did stays in the
 * report whatever became of the record.
 */
@ApplicationModule(allowedDependencies = { "permission", "platform", "web" })
@NullMarked
package org.backroom.reporting;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
