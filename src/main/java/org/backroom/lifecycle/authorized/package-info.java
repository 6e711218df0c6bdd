/**
 * The way in for work that was authorised before it runs (approvals, bulk jobs): a named interface, so that only
 * the modules that declare it can skip the permission check at the moment of the transition.
 */
@NamedInterface("authorized")
@NullMarked
package org.backroom.lifecycle.authorized;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
