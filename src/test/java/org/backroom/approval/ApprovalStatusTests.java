package org.backroom.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.backroom.approval.ApprovalRequest.Status;
import org.junit.jupiter.api.Test;

/** The moves of an approval request, as its status allows them: only a pending request is ever decided. */
class ApprovalStatusTests {

	@Test
	void aPendingRequestMayBeApprovedRejectedOrExpireButNotStayPending() {
		assertThat(EnumSet.allOf(Status.class)).filteredOn(Status.PENDING::canMoveTo)
			.containsExactlyInAnyOrder(Status.APPROVED, Status.REJECTED, Status.EXPIRED);
		assertThat(Status.PENDING.decidable()).isTrue();
	}

	@Test
	void aDecidedOrExpiredRequestNeverMovesAgain() {
		for (Status decided : EnumSet.of(Status.APPROVED, Status.REJECTED, Status.EXPIRED)) {
			assertThat(EnumSet.allOf(Status.class)).as("from %s", decided).noneMatch(decided::canMoveTo);
			assertThat(decided.decidable()).as("%s is decidable", decided).isFalse();
		}
	}

	@Test
	void readsAsALowerCaseWord() {
		assertThat(Status.APPROVED.word()).isEqualTo("approved");
		assertThat(Status.EXPIRED.word()).isEqualTo("expired");
	}

}
