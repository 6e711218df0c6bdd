/**
 * The right to be forgotten: erasing a customer's or a staff member's personal data while every order, amount and
 * report total stays, the legal hold that stops it, and the export of a person's data. It writes the personal
 * columns of customers, staff and the order snapshots that copied them: the one feature allowed to, because erasure
 * is by definition about every place a person's data was copied to.
 */
@ApplicationModule(allowedDependencies = { "approval", "audit", "bulk", "lifecycle", "permission", "platform", "settings", "staff", "web" })
@NullMarked
package org.backroom.erasure;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
