package org.backroom.merge;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backroom.audit.AuditTrail;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.Reason;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Likely duplicates of one kind, and "not a duplicate" for good. */
@Service
class DuplicateService {

	private final DuplicateFinder finder;

	private final Merges merges;

	private final AuditTrail audit;

	DuplicateService(DuplicateFinder finder, Merges merges, AuditTrail audit) {
		this.finder = finder;
		this.merges = merges;
		this.audit = audit;
	}

	@PreAuthorize("@permissions.require(#kind.name() + '.view')")
	@Transactional(readOnly = true)
	Page<DuplicatePair> find(MergeKind kind, @Nullable String cursor, int limit) {
		List<DuplicatePair> rows = finder.after(kind, Cursor.decode(cursor), limit + 1);
		return Page.of(rows, limit, pair -> new Cursor(String.valueOf(pair.firstId()), pair.secondId()));
	}

	/** Dismisses a pair; dismissing it again changes nothing and records nothing. */
	@PreAuthorize("@permissions.require(#kind.name() + '.merge')")
	@Transactional
	boolean dismiss(MergeKind kind, @Nullable List<Long> ids, @Nullable String reason) {
		if (ids == null || ids.size() != 2 || ids.get(0) == null || ids.get(1) == null
				|| ids.get(0).equals(ids.get(1))) {
			throw ValidationFailed.of("ids", "must name two different " + kind.path());
		}
		String why = Reason.require(reason);
		long low = Math.min(ids.get(0), ids.get(1));
		long high = Math.max(ids.get(0), ids.get(1));
		kind.lock(Set.of(low, high));
		for (long id : List.of(low, high)) {
			kind.find(id).orElseThrow(() -> new RecordNotFound(kind.name(), id));
		}
		boolean dismissed = merges.dismiss(kind, low, high, why, MergeService.me());
		if (dismissed) {
			audit.record(kind.name() + ".duplicate-dismiss", kind.name(), low, why, Map.of("notADuplicateOf", high));
		}
		return dismissed;
	}

}
