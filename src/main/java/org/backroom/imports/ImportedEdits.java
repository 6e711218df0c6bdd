package org.backroom.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backroom.imports.ImportableKind.Change;
import org.backroom.imports.ImportableKind.EditOutcome;
import org.backroom.imports.ImportableKind.Edited;
import org.jspecify.annotations.Nullable;

/**
 * The rule of an imported edit, the same for every kind and the same as a single edit's: the record must still be
 * at the version the preview read (If-Match), and open to edits (not in the trash, merged or erased). A record
 * that changed since is a conflict, reported and left as it is, never overwritten.
 */
public final class ImportedEdits {

	private ImportedEdits() {
	}

	/** A record as it is now, locked. */
	public interface Current {

		long version();

		String status();

		Map<String, @Nullable String> cells();

	}

	/** What the change does to the record as it is now; {@code after} is the change's cells as they would be kept. */
	public static Edited decide(Change change, @Nullable Current current, Map<String, @Nullable String> after) {
		if (current == null) {
			return Edited.conflict(change.id(), change.expectedVersion(), "It no longer exists.");
		}
		String closed = switch (current.status()) {
			case "DELETED" -> "It is in the trash; restore it first.";
			case "MERGED" -> "It was merged into another record.";
			case "ERASED" -> "Its personal data was erased.";
			default -> null;
		};
		if (closed != null) {
			return Edited.conflict(change.id(), current.version(), closed);
		}
		if (current.version() != change.expectedVersion()) {
			return Edited.conflict(change.id(), current.version(), "It was changed since the preview (version "
					+ change.expectedVersion() + " then, " + current.version() + " now); upload the file again.");
		}
		if (Objects.equals(current.cells(), after)) {
			return new Edited(change.id(), EditOutcome.UNCHANGED, current.version(), current.cells(), after, null);
		}
		return new Edited(change.id(), EditOutcome.UPDATED, current.version(), current.cells(), after, null);
	}

	/** The updated records with the versions the update gave them. */
	public static List<Edited> withVersions(List<Edited> edits, Map<Long, Long> versions) {
		List<Edited> done = new ArrayList<>(edits.size());
		for (Edited edit : edits) {
			Long version = versions.get(edit.id());
			done.add(edit.outcome() == EditOutcome.UPDATED && version != null
					? new Edited(edit.id(), edit.outcome(), version, edit.before(), edit.after(), null) : edit);
		}
		return done;
	}

}
