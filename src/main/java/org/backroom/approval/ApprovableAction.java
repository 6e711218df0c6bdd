package org.backroom.approval;

/**
 * A feature's own action that can wait for a second pair of eyes, beyond the lifecycle transitions: a bulk job,
 * for example. Its requests name its {@link #recordKind()}; approving one calls {@link #approved}, in the approver's
 * transaction, instead of running a lifecycle transition.
 */
public interface ApprovableAction {

	/** The record kind its requests name, such as {@code bulk-job}. */
	String recordKind();

	/** The request was approved: run (or start) the action. */
	void approved(long recordId);

	/**
	 * Whether this action decides requests for this action name and record kind: by default, those naming its
	 * record kind. An action on another feature's records (erasing a customer) says so by the action's name.
	 */
	default boolean handles(String action, String recordKind) {
		return recordKind().equals(recordKind);
	}

	/** The request was approved, with its reason: run (or start) the action. */
	default void approved(ApprovalRequest request) {
		approved(request.recordId());
	}

	/** The request was rejected: the action will never run. */
	void rejected(long recordId);

}
