package org.backroom.idempotency;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** An Idempotency-Key that is empty, too long, or not printable ASCII. */
final class MalformedKey extends Refusal {

	MalformedKey() {
		super("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request",
				"The Idempotency-Key must be 1 to 255 printable ASCII characters, such as a UUID.");
	}

}
