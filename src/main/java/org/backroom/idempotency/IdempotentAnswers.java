package org.backroom.idempotency;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.web.ProblemResponses;
import org.backroom.web.Refusal;
import org.backroom.web.TryAgain;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The answers the idempotency filter gives itself, before or instead of running a request. */
final class IdempotentAnswers {

	private IdempotentAnswers() {
	}

	/** A request rolled back by contention with other changes, every retry used: send it again in a moment. */
	static void tryAgain(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(TryAgain.RETRY_AFTER_SECONDS));
		ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "try-again", "Try again",
				"Other changes to the same records got in the way and this request was rolled back; nothing was"
						+ " changed. Send it again in a moment.");
	}

	/** The stored answer of a key used before, or a refusal when the key was used for another request. */
	static void replay(IdempotencyKeys.Used used, byte[] requestHash, HttpServletResponse response)
			throws IOException {
		if (!Arrays.equals(used.requestHash(), requestHash)) {
			refuse(response, new KeyReused());
			return;
		}
		used.answer().writeTo(response);
	}

	/** A refusal as a problem, with its {@code Retry-After} when it has one. */
	static void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
		Object retryAfter = refusal.properties().get("retryAfterSeconds");
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter.toString());
		}
		ProblemResponses.write(response, refusal.status(), refusal.slug(), refusal.title(), refusal.getMessage());
	}

}
