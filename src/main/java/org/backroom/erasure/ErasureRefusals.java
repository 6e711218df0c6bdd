package org.backroom.erasure;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** Why a person cannot be erased now: each a stable problem type, each changing nothing. */
final class ErasureRefusals {

	private ErasureRefusals() {
	}

	/** A legal hold keeps the record as it is until someone releases it. */
	static final class LegalHold extends Refusal {

		LegalHold(Person person, String kind) {
			super("legal-hold", HttpStatus.CONFLICT, "Under legal hold",
					person.label() + " is under a legal hold (" + person.holdReason() + ") and cannot be erased until "
							+ "the hold is released.");
			with("recordKind", kind);
			with("recordId", person.id());
			with("holdReason", String.valueOf(person.holdReason()));
			with("holdSince", String.valueOf(person.holdSince()));
		}

	}

	/** Something open on the person: a balance, orders, requests. */
	static final class Unsettled extends Refusal {

		Unsettled(String slug, String title, String detail, long count) {
			super(slug, HttpStatus.CONFLICT, title, detail);
			with("count", count);
		}

	}

	/** The walk-in customer, the last owner, oneself. */
	static final class NotErasable extends Refusal {

		NotErasable(Person person, String why) {
			super("system-record", HttpStatus.CONFLICT, "Cannot be erased", person.label() + " " + why);
			with("recordId", person.id());
		}

	}

	/** Erasing, holding or releasing what is already so. */
	static final class AlreadySo extends Refusal {

		AlreadySo(Person person, String detail) {
			super("invalid-transition", HttpStatus.CONFLICT, "Not possible now", person.label() + " " + detail);
			with("status", person.status().name());
		}

	}

}
