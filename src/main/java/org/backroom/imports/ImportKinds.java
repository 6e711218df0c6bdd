package org.backroom.imports;

import java.util.List;

import org.backroom.imports.ImportRefusals.NoSuchImport;
import org.backroom.permission.Permissions;

import org.springframework.stereotype.Component;

/** The kinds of record a file can be imported into, and the permissions an import of each needs. */
@Component
class ImportKinds {

	private final List<ImportableKind> kinds;

	private final Permissions permissions;

	ImportKinds(List<ImportableKind> kinds, Permissions permissions) {
		this.kinds = List.copyOf(kinds);
		this.permissions = permissions;
	}

	List<ImportableKind> all() {
		return kinds;
	}

	ImportableKind byPath(String path) {
		return kinds.stream().filter(kind -> kind.path().equals(path)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No import of " + path));
	}

	ImportableKind byName(String name) {
		return kinds.stream().filter(kind -> kind.kind().equals(name)).findFirst()
			.orElseThrow(() -> new NoSuchImport(0));
	}

	/**
	 * An import creates and edits records: it needs {@code import.run} and the kind's own create and edit permissions,
	 * the same as making each record by hand. Checked when the file is checked and again when it is started.
	 */
	void requireImport(ImportableKind kind) {
		permissions.require("import.run");
		permissions.require(kind.kind() + ".create");
		permissions.require(kind.kind() + ".edit");
	}

	/** An export for import: {@code import.run} and the kind's own view permission. */
	void requireExport(ImportableKind kind) {
		permissions.require("import.run");
		permissions.require(kind.kind() + ".view");
	}

	/** An undo edits the records back and deletes the ones the import created. */
	void requireUndo(ImportableKind kind) {
		requireImport(kind);
		permissions.require(kind.kind() + ".delete");
	}

	boolean mayImport(ImportableKind kind) {
		return permissions.has("import.run") && permissions.has(kind.kind() + ".create")
				&& permissions.has(kind.kind() + ".edit");
	}

	boolean mayImportAny() {
		return kinds.stream().anyMatch(this::mayImport);
	}

}
