package org.backroom.merge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.backroom.merge.MergePreview.Conflict;
import org.backroom.merge.MergePreview.Refused;
import org.backroom.merge.MergePreview.Side;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** The rules of what may be merged, and the preview built from them, for any kind; read in the caller's transaction. */
@Component
class MergeChecks {

	/** The preview of merging these duplicates into this survivor: every side, what moves, what conflicts. */
	MergePreview preview(MergeKind kind, long survivorId, List<Long> duplicateIds) {
		List<Refused> refused = new ArrayList<>();
		List<Side> sides = new ArrayList<>();
		List<Conflict> conflicts = new ArrayList<>();
		Optional<MergeRecord> survivor = kind.find(survivorId);
		survivor.ifPresentOrElse(s -> {
			refuse(kind, s, true).ifPresent(refused::add);
			sides.add(Side.of(s, kind.orders(s.id()), true));
		}, () -> refused.add(notFound(kind, survivorId)));
		long orders = 0;
		BigDecimal moved = BigDecimal.ZERO;
		for (long id : duplicateIds) {
			Optional<MergeRecord> duplicate = kind.find(id);
			if (duplicate.isEmpty()) {
				refused.add(notFound(kind, id));
				continue;
			}
			MergeRecord d = duplicate.get();
			refuse(kind, d, false).ifPresent(refused::add);
			Side side = Side.of(d, kind.orders(id), false);
			sides.add(side);
			orders += side.orders();
			moved = moved.add(d.amount());
			survivor.ifPresent(s -> conflicts.addAll(conflicts(kind, s, d)));
		}
		BigDecimal after = survivor.map(MergeRecord::amount).orElse(BigDecimal.ZERO).add(moved);
		List<String> warnings = survivor.map(s -> kind.warnings(s, after)).orElse(List.of());
		return new MergePreview(survivorId, sides, kind.moves(orders, moved, after), conflicts, warnings, refused,
				refused.isEmpty());
	}

	private static Refused notFound(MergeKind kind, long id) {
		return Refused.of(id, "not-found", "There is no " + kind.name() + " with id " + id + ".");
	}

	/** Why this record cannot take part in a merge, on its side (survivor or duplicate), if it cannot. */
	Optional<Refused> refuse(MergeKind kind, MergeRecord r, boolean asSurvivor) {
		String label = r.label();
		if (r.system()) {
			return Optional.of(Refused.of(r.id(), "system-record", label + (kind.name().equals("customer")
					? " is the walk-in customer" : " is a system record") + ": it is never merged."));
		}
		switch (r.status().name()) {
			case "DELETED" -> {
				return Optional.of(Refused.of(r.id(), "in-trash", label + " is in the trash: restore it first."));
			}
			case "ERASED" -> {
				return Optional.of(Refused.of(r.id(), "erased", label + " was erased: it is never merged."));
			}
			case "MERGED" -> {
				return Optional.of(new Refused(r.id(), "merged", label + " was already merged into " + kind.name() + " "
						+ r.mergedInto() + (asSurvivor ? "; merge into that one instead (no chains of merges)." : "."),
						r.mergedInto()));
			}
			default -> { }
		}
		if (!asSurvivor && kind.mergedIntoIt(r.id()) > 0) {
			return Optional.of(Refused.of(r.id(), "has-merged", label + " is the survivor of earlier merges: merge the"
					+ " other way round, or unmerge those first (no chains of merges)."));
		}
		return Optional.empty();
	}

	private static List<Conflict> conflicts(MergeKind kind, MergeRecord survivor, MergeRecord duplicate) {
		List<Conflict> conflicts = new ArrayList<>();
		for (String field : kind.fields()) {
			Object mine = shown(survivor.values().get(field));
			Object theirs = shown(duplicate.values().get(field));
			if (!Objects.equals(mine, theirs) && !"".equals(theirs)) {
				conflicts.add(new Conflict(field, duplicate.id(), mine, theirs));
			}
		}
		return conflicts;
	}

	/** A value as a conflict shows it: nothing is the empty text. */
	private static Object shown(@Nullable Object value) {
		return value == null ? "" : value;
	}

}
