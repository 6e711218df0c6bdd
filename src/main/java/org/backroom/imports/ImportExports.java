package org.backroom.imports;

import java.io.Writer;
import java.util.Map;

import org.backroom.audit.AuditTrail;
import org.backroom.web.Csv;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A kind's records written in the import's own columns: the file a store edits in a spreadsheet and imports back.
 * Imported back unchanged, it changes nothing. Each export is audited, since it carries people's data out.
 */
@Service
class ImportExports {

	private final ImportKinds kinds;

	private final AuditTrail audit;

	ImportExports(ImportKinds kinds, AuditTrail audit) {
		this.kinds = kinds;
		this.audit = audit;
	}

	/** The kind at this path, when the signed-in user may export it: before any byte of the file is written. */
	ImportableKind allowed(String path) {
		ImportableKind kind = kinds.byPath(path);
		kinds.requireExport(kind);
		return kind;
	}

	/** Streams the file; recorded first, so that no export goes out unaudited. */
	@Transactional
	void export(ImportableKind kind, Writer out) {
		kinds.requireExport(kind);
		audit.record(kind.kind() + ".export", kind.kind(), null, null, Map.of("format", "csv"));
		Csv csv = Csv.to(out);
		csv.row(kind.columns().toArray());
		kind.export(cells -> csv.row(kind.columns().stream().map(cells::get).toArray()));
		csv.finish();
	}

}
