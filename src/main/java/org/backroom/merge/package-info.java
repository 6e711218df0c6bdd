/**
 * Merging duplicate customers, items and suppliers without rewriting history: finding likely duplicates, a preview, the merge itself (the
 * duplicate becomes MERGED and points to its survivor; no order is touched), and its exact undo.
 */
@ApplicationModule(allowedDependencies = { "approval", "audit", "customer", "item", "lifecycle", "permission", "platform",
		"settings", "staff", "supplier", "web" })
@NullMarked
package org.backroom.merge;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
