package org.backroom.merge;

import org.backroom.approval.ApprovableAction;
import org.backroom.approval.ApprovalRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Merges and unmerges as approval requests see them, one pair of actions per kind. A merge's request names
 * {@code customer-merge} (or {@code item-merge}, {@code supplier-merge}) and the id of its first merge row; an
 * unmerge's names the merged record itself and is told apart by its action ({@code customer.unmerge}). Approving
 * runs the action in the approver's transaction, its records checked again.
 */
@Configuration(proxyBeanMethods = false)
class MergeApprovals {

	@Bean
	ApprovableAction customerMergeApprovals(CustomerKind kind, ObjectProvider<MergeService> merges) {
		return merges(kind, merges);
	}

	@Bean
	ApprovableAction itemMergeApprovals(ItemKind kind, ObjectProvider<MergeService> merges) {
		return merges(kind, merges);
	}

	@Bean
	ApprovableAction supplierMergeApprovals(SupplierKind kind, ObjectProvider<MergeService> merges) {
		return merges(kind, merges);
	}

	@Bean
	ApprovableAction customerUnmergeApprovals(CustomerKind kind, ObjectProvider<Unmerge> unmerges) {
		return unmerges(kind, unmerges);
	}

	@Bean
	ApprovableAction itemUnmergeApprovals(ItemKind kind, ObjectProvider<Unmerge> unmerges) {
		return unmerges(kind, unmerges);
	}

	@Bean
	ApprovableAction supplierUnmergeApprovals(SupplierKind kind, ObjectProvider<Unmerge> unmerges) {
		return unmerges(kind, unmerges);
	}

	// Providers: the services ask for approvals, and the approval service calls back into them.
	private static ApprovableAction merges(MergeKind kind, ObjectProvider<MergeService> merges) {
		return new ApprovableAction() {

			@Override
			public String recordKind() {
				return MergeService.requestKind(kind);
			}

			@Override
			public void approved(long recordId) {
				merges.getObject().approved(kind, recordId);
			}

			@Override
			public void rejected(long recordId) {
				merges.getObject().rejected(kind, recordId);
			}

		};
	}

	private static ApprovableAction unmerges(MergeKind kind, ObjectProvider<Unmerge> unmerges) {
		return new ApprovableAction() {

			@Override
			public String recordKind() {
				return kind.name();
			}

			@Override
			public boolean handles(String action, String recordKind) {
				return action.equals(Unmerge.action(kind)) && recordKind.equals(kind.name());
			}

			@Override
			public void approved(ApprovalRequest request) {
				unmerges.getObject().approved(kind, request);
			}

			@Override
			public void approved(long recordId) {
				throw new UnsupportedOperationException("an unmerge needs its request's reason");
			}

			@Override
			public void rejected(long recordId) {
				// Nothing was changed while the request waited: a rejected unmerge leaves the merge as it is.
			}

		};
	}

}
