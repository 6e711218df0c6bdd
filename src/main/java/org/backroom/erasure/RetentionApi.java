package org.backroom.erasure;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Running the retention review now. */
@RestController
class RetentionApi {

	private final RetentionReview review;

	RetentionApi(RetentionReview review) {
		this.review = review;
	}

	@Operation(operationId = "runRetentionReview",
			summary = "Run the retention review now: a bulk deactivation preview and customers proposed for erasure")
	@PostMapping("/api/privacy/retention-review")
	RetentionReview.Review run() {
		return review.run();
	}

}
