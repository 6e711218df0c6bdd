package org.backroom.staff;

import java.util.Optional;

import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.Transition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff users under the shared lifecycle. Someone who processed any transaction can only be deactivated; nobody
 * deactivates themselves; the last active user who can manage roles stays; and nobody moves someone who holds
 * permissions they lack ({@link StaffAuthority}, a 403 thrown from the guard rather than a 409 reason).
 */
@Configuration(proxyBeanMethods = false)
class StaffRecords {

	@Bean
	RecordKind staffKind(StaffMembers staff, StaffAuthority authority) {
		return RecordKind.named("staff")
			.path("staff")
			.label("display_name || ' (' || username || ')'")
			.dependent("salesOrders", "sales order", "sales orders", "sales_orders", "processed_by")
			.dependent("purchaseOrders", "purchase order", "purchase orders", "purchase_orders", "processed_by")
			.dependent("approvalRequests", "approval request", "approval requests", "approval_requests", "requested_by")
			.dependent("approvalDecisions", "approval decision", "approval decisions", "approval_requests", "decided_by")
			.guard((id, transition) -> refusal(staff, authority, id, transition))
			.view(staff::find)
			.viewOnlyForManagers()
			.build();
	}

	private static Optional<String> refusal(StaffMembers staff, StaffAuthority authority, long id,
			Transition transition) {
		// Every transition, purge included: acting on someone is acting with their rights at stake.
		authority.requireOver(id, transition.verb());
		if (transition != Transition.DEACTIVATE && transition != Transition.DELETE) {
			return Optional.empty();
		}
		if (StaffPrincipal.current().map(me -> me.id() == id).orElse(false)) {
			return Optional.of("nobody can " + transition.verb() + " themselves; ask another owner.");
		}
		staff.lockRoleManagers();
		boolean onlyRoleManager = staff.otherActiveRoleManagers(id) == 0 && staff.otherActiveRoleManagers(-1) == 1;
		if (onlyRoleManager) {
			return Optional.of("this is the last active user who can manage roles; give that to someone else first.");
		}
		return Optional.empty();
	}

}
