package org.backroom.approval;

/** Asking for approval of an {@link ApprovableAction}; the caller has checked the asker's permissions. */
public interface ApprovalRequests {

	/** Records a pending request for this action on this record, and its audit entry, in the caller's transaction. */
	ApprovalRequest ask(String action, String recordKind, long recordId, String reason);

}
