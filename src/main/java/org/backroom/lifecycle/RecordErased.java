package org.backroom.lifecycle;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** New work naming a record whose personal data was erased: it stays in history, never in new work. */
public final class RecordErased extends Refusal {

	public RecordErased(String kind, long id, String label) {
		super("record-erased", HttpStatus.CONFLICT, "Erased " + kind,
				label + " was erased under the right to be forgotten; it stays in past orders and reports but takes "
						+ "no new work.");
		with("recordKind", kind);
		with("recordId", id);
	}

}
