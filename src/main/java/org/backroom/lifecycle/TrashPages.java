package org.backroom.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.backroom.permission.Permissions;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The trash: every record of every kind this user may see that is deleted and not yet purged, with the days left
 * before the nightly purge takes it. Restoring goes through the same action dialog as a record page.
 */
@PageController
class TrashPages {

	private static final int PER_KIND = 200;

	private final RecordRows rows;

	private final RecordKinds kinds;

	private final Permissions permissions;

	private final LifecyclePolicy policy;

	TrashPages(RecordRows rows, RecordKinds kinds, Permissions permissions, LifecyclePolicy policy) {
		this.rows = rows;
		this.kinds = kinds;
		this.permissions = permissions;
		this.policy = policy;
	}

	record Entry(String kind, String path, long id, String label, @Nullable String reason, Instant deletedAt,
			long daysLeft, boolean canRestore, boolean canPurge) {
	}

	@GetMapping("/trash")
	@Transactional(readOnly = true)
	String trash(Model model) {
		Duration retention = policy.trashRetention();
		List<Entry> entries = new ArrayList<>();
		for (RecordKind kind : kinds.all()) {
			if (!permissions.has(kind.name() + ".view")) {
				continue;
			}
			boolean restore = permissions.has(kind.name() + ".restore");
			boolean purge = permissions.has(kind.name() + ".purge");
			for (RecordRows.Trashed trashed : rows.trash(kind, PER_KIND)) {
				entries.add(new Entry(kind.name(), kind.path(), trashed.id(), trashed.label(), trashed.reason(),
						trashed.deletedAt(), daysLeft(trashed.deletedAt(), retention), restore, purge));
			}
		}
		entries.sort(Comparator.comparing(Entry::daysLeft).thenComparing(Entry::label));
		model.addAttribute("entries", entries);
		model.addAttribute("retentionDays", retention.toDays());
		return "lifecycle/trash";
	}

	/** Whole days until the purge may take it; 0 means the next purge run. */
	private static long daysLeft(Instant deleted, Duration retention) {
		Duration left = Duration.between(Instant.now(), deleted.plus(retention));
		return left.isNegative() ? 0 : (left.toHours() + 23) / 24;
	}

}
