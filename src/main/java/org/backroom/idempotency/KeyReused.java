package org.backroom.idempotency;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** The key was used before for a different request: another method, path or body. */
final class KeyReused extends Refusal {

	KeyReused() {
		super("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
				"This Idempotency-Key was already used for a different request (another method, path or body). "
						+ "Use a new key for each new request; nothing was changed.");
	}

}
