package org.backroom.web;

import org.jspecify.annotations.Nullable;

/**
 * The version an edit form was read at, from its hidden {@code version} field. A missing or unreadable one is as
 * stale as can be, so the save is refused as a version conflict rather than applied over someone else's edit.
 */
public record FormVersion(@Nullable Long version) {

	public long expected() {
		return version == null ? Long.MIN_VALUE : version;
	}

}
