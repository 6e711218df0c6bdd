package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.EnumSet;

import org.backroom.bulk.RecordOutcome.Counts;
import org.junit.jupiter.api.Test;

/** The rules on a bulk job's status and on what became of its records, without a database. */
class BulkStatusTests {

	@Test
	void aRunningJobMayFinishOrWaitForApproval() {
		assertThat(BulkJobStatus.RUNNING.moveTo(BulkJobStatus.DONE)).isEqualTo(BulkJobStatus.DONE);
		assertThat(BulkJobStatus.RUNNING.moveTo(BulkJobStatus.PENDING_APPROVAL))
			.isEqualTo(BulkJobStatus.PENDING_APPROVAL);
		assertThatIllegalStateException().isThrownBy(() -> BulkJobStatus.RUNNING.moveTo(BulkJobStatus.REJECTED))
			.withMessageContaining("RUNNING bulk job cannot become REJECTED");
	}

	@Test
	void aJobWaitingForApprovalIsRunOrRejectedButNeverDoneUnrun() {
		assertThat(BulkJobStatus.PENDING_APPROVAL.next()).containsExactlyInAnyOrder(BulkJobStatus.RUNNING,
				BulkJobStatus.REJECTED);
		assertThatIllegalStateException()
			.isThrownBy(() -> BulkJobStatus.PENDING_APPROVAL.moveTo(BulkJobStatus.DONE));
	}

	@Test
	void aDoneOrRejectedJobIsFinalAndItsPageStopsAskingForProgress() {
		for (BulkJobStatus last : EnumSet.of(BulkJobStatus.DONE, BulkJobStatus.REJECTED)) {
			assertThat(last.next()).as("after %s", last).isEmpty();
			assertThat(last.unfinished()).as("%s unfinished", last).isFalse();
			for (BulkJobStatus any : BulkJobStatus.values()) {
				assertThatIllegalStateException().isThrownBy(() -> last.moveTo(any));
			}
		}
		assertThat(BulkJobStatus.RUNNING.unfinished()).isTrue();
		assertThat(BulkJobStatus.PENDING_APPROVAL.unfinished()).isTrue();
		assertThat(BulkJobStatus.PENDING_APPROVAL.word()).isEqualTo("pending_approval");
	}

	@Test
	void countsEachOutcomeOfABatchOnItsOwn() {
		Counts counts = Counts.NONE.plus(RecordOutcome.DONE)
			.plus(RecordOutcome.DONE)
			.plus(RecordOutcome.SKIPPED)
			.plus(RecordOutcome.FAILED)
			.plus(RecordOutcome.DONE);

		assertThat(counts).isEqualTo(new Counts(3, 1, 1));
		assertThat(Counts.NONE).isEqualTo(new Counts(0, 0, 0));
	}

}
