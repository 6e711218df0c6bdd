package org.backroom.lifecycle;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** New work named a record that was merged into another: it says which one to use instead. */
public final class RecordMerged extends Refusal {

	public RecordMerged(String kind, long id, String label, long mergedInto, String survivorLabel) {
		super("record-merged", HttpStatus.CONFLICT, "Merged into another " + kind,
				capitalized(kind) + " " + label + " (id " + id + ") was merged into " + survivorLabel + " (id "
						+ mergedInto + "); use that " + kind + " instead.");
		with("recordKind", kind);
		with("recordId", id);
		with("mergedInto", mergedInto);
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
