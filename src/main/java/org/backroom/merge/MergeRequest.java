package org.backroom.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backroom.lifecycle.Reason;
import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * What to merge: the duplicates, which of their field values the survivor takes ({@code "fromDuplicate"} when there
 * is one duplicate, or the id of the duplicate to take it from; {@code "survivor"} keeps the survivor's), and why.
 */
record MergeRequest(@Nullable List<Long> duplicateIds, @Nullable Map<String, Object> fields, @Nullable String reason) {

	static final int MAX_DUPLICATES = 20;

	/** The request checked, or a validation problem naming every field that is wrong. */
	Checked check(MergeKind kind, long survivorId) {
		List<FieldError> errors = new ArrayList<>();
		Set<Long> ids = duplicateIds == null || duplicateIds.contains(null) ? Set.of() : new LinkedHashSet<>(duplicateIds);
		if (ids.isEmpty() || ids.size() > MAX_DUPLICATES || ids.contains(survivorId)
				|| ids.size() != duplicateIds.size()) {
			errors.add(new FieldError("duplicateIds", "must name 1 to " + MAX_DUPLICATES
					+ " different " + kind.path() + ", none of them the survivor"));
		}
		Map<String, Long> sources = sources(kind.fields(), ids, errors);
		if (reason == null || reason.isBlank()) {
			errors.add(new FieldError("reason", "is required: say why"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		return new Checked(ids.stream().sorted().toList(), sources, Reason.require(reason));
	}

	/** For each field taken from a duplicate, which one; what cannot be taken goes to {@code errors}. */
	private Map<String, Long> sources(List<String> taken, Set<Long> ids, List<FieldError> errors) {
		Map<String, Long> sources = new LinkedHashMap<>();
		(fields == null ? Map.<String, Object>of() : fields).forEach((field, from) -> {
			if (!taken.contains(field)) {
				errors.add(new FieldError("fields." + field, "is not a field a merge takes; one of " + taken));
				return;
			}
			String source = String.valueOf(from);
			if (source.equals("fromDuplicate") && ids.size() == 1) {
				sources.put(field, ids.iterator().next());
			}
			else if (source.matches("\\d{1,18}") && ids.contains(Long.parseLong(source))) {
				sources.put(field, Long.parseLong(source));
			}
			else if (!source.equals("survivor")) {
				errors.add(new FieldError("fields." + field, "must be \"survivor\", \"fromDuplicate\" (one duplicate)"
						+ " or the id of one of the duplicates"));
			}
		});
		return sources;
	}

	/** A valid request: duplicates in id order, and for each field taken the duplicate it comes from. */
	record Checked(List<Long> duplicateIds, Map<String, Long> sources, String reason) {

		Set<String> fieldsFrom(long duplicateId) {
			Set<String> taken = new LinkedHashSet<>();
			sources.forEach((field, from) -> {
				if (from == duplicateId) {
					taken.add(field);
				}
			});
			return taken;
		}

	}

}
