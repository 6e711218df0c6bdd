package org.backroom.staff;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A role: a named set of permissions. Built-in roles cannot be edited or deleted; clone them instead. */
public record Role(long id, String name, @Nullable String description, boolean builtIn, List<String> permissions,
		long staffCount, long version) {
}
