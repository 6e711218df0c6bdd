package org.backroom.imports;

import java.util.List;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** Why a file, or a step of an import, is refused; each changes nothing. */
final class ImportRefusals {

	private ImportRefusals() {
	}

	/** The file cannot be read as CSV at all: nothing of it was imported or kept. */
	static final class UnreadableFile extends Refusal {

		private UnreadableFile(String slug, String title, String detail) {
			super(slug, HttpStatus.BAD_REQUEST, title, detail);
		}

		static UnreadableFile encoding(int line) {
			UnreadableFile refusal = new UnreadableFile("csv-encoding", "The file is not UTF-8",
					"Line " + line + " holds bytes that are not UTF-8. Save the file as \"CSV UTF-8\" and upload it again.");
			refusal.with("line", line);
			return refusal;
		}

		static UnreadableFile empty() {
			return new UnreadableFile("csv-empty", "The file is empty",
					"The file holds no header row and no rows. Upload a CSV file whose first line names the columns.");
		}

		static UnreadableFile noRows() {
			return new UnreadableFile("csv-empty", "The file has no rows",
					"The file holds the header row and nothing after it: there is nothing to import.");
		}

		static UnreadableFile openQuote(int line) {
			UnreadableFile refusal = new UnreadableFile("csv-quote", "A quote is never closed",
					"The quoted cell that starts on line " + line + " has no closing quote, so the rest of the file "
							+ "would be one cell. Close the quote (a quote inside a cell is written twice: \"\").");
			refusal.with("line", line);
			return refusal;
		}

		static UnreadableFile strayQuote(int line) {
			UnreadableFile refusal = new UnreadableFile("csv-quote", "A quote in the middle of a cell",
					"Line " + line + " has a quote inside a cell that does not start with one. Quote the whole cell "
							+ "and write the quote twice: \"6\"\" nails\".");
			refusal.with("line", line);
			return refusal;
		}

		static UnreadableFile header(List<String> expected, List<String> missing, List<String> unknown) {
			String detail = "The first line must name the columns " + String.join(",", expected) + "."
					+ (missing.isEmpty() ? "" : " Missing: " + String.join(", ", missing) + ".")
					+ (unknown.isEmpty() ? "" : " Not known: " + String.join(", ", unknown) + ".");
			UnreadableFile refusal = new UnreadableFile("csv-header", "The header row is not right", detail);
			refusal.with("expectedColumns", expected);
			refusal.with("missingColumns", missing);
			refusal.with("unknownColumns", unknown);
			return refusal;
		}

	}

	/** More bytes than an import takes. */
	static final class FileTooLarge extends Refusal {

		FileTooLarge(long maxBytes) {
			super("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "The file is too large",
					"An import takes at most " + maxBytes / (1024 * 1024) + " MB. Split the file and import each part.");
			with("maxBytes", maxBytes);
		}

	}

	/** A job that is not in the state the step needs. */
	static final class NotNow extends Refusal {

		NotNow(String detail) {
			super("invalid-transition", HttpStatus.CONFLICT, "Not possible now", detail);
		}

	}

	static final class NoSuchImport extends Refusal {

		NoSuchImport(long id) {
			super("not-found", HttpStatus.NOT_FOUND, "No such import", "There is no import job with id " + id + ".");
		}

	}

}
