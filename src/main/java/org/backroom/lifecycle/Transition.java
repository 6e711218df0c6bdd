package org.backroom.lifecycle;

import static org.backroom.lifecycle.LifecycleStatus.ACTIVE;
import static org.backroom.lifecycle.LifecycleStatus.DELETED;
import static org.backroom.lifecycle.LifecycleStatus.INACTIVE;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A move between lifecycle states. The rules of which move starts where live here and nowhere else. */
public enum Transition {

	DEACTIVATE(EnumSet.of(ACTIVE), INACTIVE),
	REACTIVATE(EnumSet.of(INACTIVE), ACTIVE),
	DELETE(EnumSet.of(ACTIVE, INACTIVE), DELETED),
	RESTORE(EnumSet.of(DELETED), ACTIVE),
	/** Removes the row for good; it has no target status. */
	PURGE(EnumSet.of(DELETED), null);

	private final Set<LifecycleStatus> from;

	private final @Nullable LifecycleStatus to;

	Transition(Set<LifecycleStatus> from, @Nullable LifecycleStatus to) {
		this.from = from;
		this.to = to;
	}

	public boolean startsFrom(LifecycleStatus status) {
		return from.contains(status);
	}

	public @Nullable LifecycleStatus target() {
		return to;
	}

	/** Deleting or purging a record that history points to would lose that history. */
	boolean needsUnreferenced() {
		return this == DELETE || this == PURGE;
	}

	/** System records (the walk-in customer) can be renamed, but never leave the active state. */
	boolean refusedForSystemRecords() {
		return this == DEACTIVATE || this == DELETE || this == PURGE;
	}

	/** The name used in URLs, JSON and permissions: {@code deactivate}, {@code purge}, ... */
	public String verb() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** What a record is after this transition, in words: {@code deactivated}, {@code deleted}, ... */
	String pastTense() {
		return switch (this) {
			case DEACTIVATE -> "deactivated";
			case REACTIVATE -> "reactivated";
			case DELETE -> "deleted";
			case RESTORE -> "restored";
			case PURGE -> "purged";
		};
	}

}
