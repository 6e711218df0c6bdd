package org.backroom.merge;

import java.util.List;
import java.util.Map;

import org.backroom.audit.AuditTrail;
import org.backroom.customer.CustomerMerging;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.Reason;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Likely duplicate customers, and "not a duplicate" for good. */
@Service
class DuplicateService {

	private final DuplicateFinder finder;

	private final Merges merges;

	private final CustomerMerging customers;

	private final AuditTrail audit;

	DuplicateService(DuplicateFinder finder, Merges merges, CustomerMerging customers, AuditTrail audit) {
		this.finder = finder;
		this.merges = merges;
		this.customers = customers;
		this.audit = audit;
	}

	@PreAuthorize("@permissions.require('customer.view')")
	@Transactional(readOnly = true)
	Page<DuplicatePair> find(@Nullable String cursor, int limit) {
		List<DuplicatePair> rows = finder.after(Cursor.decode(cursor), limit + 1);
		return Page.of(rows, limit, pair -> new Cursor(String.valueOf(pair.firstId()), pair.secondId()));
	}

	/** Dismisses a pair; dismissing it again changes nothing and records nothing. */
	@PreAuthorize("@permissions.require('customer.merge')")
	@Transactional
	boolean dismiss(@Nullable List<Long> ids, @Nullable String reason) {
		if (ids == null || ids.size() != 2 || ids.get(0) == null || ids.get(1) == null
				|| ids.get(0).equals(ids.get(1))) {
			throw ValidationFailed.of("ids", "must name two different customers");
		}
		String why = Reason.require(reason);
		long low = Math.min(ids.get(0), ids.get(1));
		long high = Math.max(ids.get(0), ids.get(1));
		customers.lock(java.util.Set.of(low, high));
		for (long id : List.of(low, high)) {
			customers.find(id).orElseThrow(() -> new RecordNotFound("customer", id));
		}
		boolean dismissed = merges.dismiss(low, high, why, CustomerMergeService.me());
		if (dismissed) {
			audit.record("customer.duplicate-dismiss", "customer", low, why, Map.of("notADuplicateOf", high));
		}
		return dismissed;
	}

}
