package org.backroom.webhooks;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** There is no such endpoint, or no such delivery of it. */
final class NoSuchWebhook extends Refusal {

	private NoSuchWebhook(String detail) {
		super("not-found", HttpStatus.NOT_FOUND, "No such webhook", detail);
	}

	static NoSuchWebhook endpoint(long id) {
		return new NoSuchWebhook("There is no webhook endpoint " + id + ".");
	}

	static NoSuchWebhook delivery(long endpoint, long id) {
		return new NoSuchWebhook("Webhook endpoint " + endpoint + " has no delivery " + id + ".");
	}

}
