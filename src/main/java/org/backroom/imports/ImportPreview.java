package org.backroom.imports;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The dry run of a file: what it would create and update, and every row's problems by line and column. Nothing is
 * written to the records; a file without errors is kept as a preview ({@code id}) that can be started, with the
 * version of each record it matched.
 *
 * @param id the preview to start ({@code POST /api/import-jobs/{id}/start}); null when the file has errors
 * @param rows the rows of the file, header not counted
 * @param errorCount how many problems there are; {@code errors} lists the first 1,000
 * @param sample the first rows as they will be imported
 */
@Schema(name = "ImportPreview")
record ImportPreview(@Nullable Long id, String recordKind, @Nullable String fileName, List<String> columns, int rows,
		int toCreate, int toUpdate, int errorCount, List<RowError> errors, List<SampleRow> sample) {

	static final int MAX_ERRORS = 1000;

	static final int SAMPLE = 20;

	/**
	 * A problem of one row.
	 *
	 * @param line the line of the file the row starts on; the header is line 1
	 * @param column the column at fault, or null for the whole row
	 */
	@Schema(name = "ImportRowError")
	record RowError(int line, @Nullable String column, String message) {
	}

	/**
	 * A row as it will be imported.
	 *
	 * @param action CREATE or UPDATE
	 * @param recordId the record it updates, for an UPDATE
	 * @param version the version of that record the preview read: a record at another version when the import
	 *        reaches it is reported as a conflict, not overwritten
	 */
	@Schema(name = "ImportSampleRow")
	record SampleRow(int line, String action, @Nullable Long recordId, @Nullable Long version,
			Map<String, @Nullable String> cells) {
	}

	public boolean startable() {
		return id != null;
	}

}
