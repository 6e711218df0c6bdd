package org.backroom.lifecycle;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** The named situations in which the lifecycle refuses a request. Each is one problem type. */
public final class LifecycleRefusals {

	private LifecycleRefusals() {
	}

	/** No record of this kind has this id (or it was purged). */
	public static final class RecordNotFound extends Refusal {

		public RecordNotFound(String kind, long id) {
			super("not-found", HttpStatus.NOT_FOUND, "No such " + kind, "There is no " + kind + " with id " + id + ".");
			with("recordKind", kind);
			with("recordId", id);
		}

	}

	/** Deleting or purging would lose history that points to the record. */
	static final class RecordReferenced extends Refusal {

		RecordReferenced(RecordKind kind, String label, Map<String, Long> dependents) {
			super("record-referenced", HttpStatus.CONFLICT, kind.title() + " is referenced",
					kind.title() + " " + label + " is on " + describe(kind, dependents)
							+ ", so it cannot be deleted. Deactivate it instead: that keeps the " + kind.name()
							+ " and all its history, and hides it from pickers and new work.");
			with("dependents", Dependent.shown(dependents));
			with("dependentsCapped", Dependent.capped(dependents));
			with("recordKind", kind.name());
			with("suggestedAction", "deactivate");
		}

		/** {@code 12 sales orders and 1 payment}. */
		static String describe(RecordKind kind, Map<String, Long> dependents) {
			return kind.dependents()
				.stream()
				.filter(dependent -> dependents.containsKey(dependent.name()))
				.map(dependent -> dependent.count(dependents.get(dependent.name())))
				.collect(Collectors.joining(" and "));
		}

	}

	/**
	 * New work names records that are not active. All of them are named, so that one answer tells everything
	 * there is to fix; the first is also given as {@code recordKind}, {@code recordId} and {@code status}.
	 */
	public static final class RecordInactive extends Refusal {

		/** One record that new work named and that is not active. */
		public record Inactive(String recordKind, long recordId, String label, LifecycleStatus status) {

			String describe() {
				return recordKind + " " + label + " (id " + recordId + ") is "
						+ (status == LifecycleStatus.DELETED ? "in the trash" : "inactive");
			}

		}

		public RecordInactive(String kind, long id, String label, LifecycleStatus status) {
			this(List.of(new Inactive(kind, id, label, status)));
		}

		public RecordInactive(List<Inactive> records) {
			super("record-inactive", HttpStatus.CONFLICT, title(records), detail(records));
			Inactive first = records.get(0);
			with("recordKind", first.recordKind());
			with("recordId", first.recordId());
			with("recordStatus", first.status());
			with("inactiveRecords", List.copyOf(records));
		}

		private static String title(List<Inactive> records) {
			Inactive first = records.get(0);
			return records.size() > 1 ? "Records are not active"
					: capitalized(first.recordKind()) + " is "
							+ (first.status() == LifecycleStatus.DELETED ? "deleted" : "inactive");
		}

		private static String detail(List<Inactive> records) {
			String named = records.stream().map(Inactive::describe).collect(Collectors.joining(", "));
			return capitalized(named) + (records.size() > 1
					? "; they cannot be used on new work: reactivate them first if they are needed again."
					: " and cannot be used on new work; reactivate it first if it is needed again.");
		}

	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** The record is not in a state this transition starts from. */
	static final class InvalidTransition extends Refusal {

		InvalidTransition(RecordKind kind, String label, LifecycleStatus status, Transition transition) {
			super("invalid-transition", HttpStatus.CONFLICT, "Cannot " + transition.verb() + " this " + kind.name(),
					kind.title() + " " + label + " is " + status.name().toLowerCase(Locale.ROOT)
							+ "; only a record that is " + from(transition) + " can be " + transition.pastTense() + ".");
			with("recordStatus", status);
		}

		InvalidTransition(RecordKind kind, String label, String why) {
			super("invalid-transition", HttpStatus.CONFLICT, "Not allowed for this " + kind.name(),
					kind.title() + " " + label + ": " + why);
		}

		private static String from(Transition transition) {
			return switch (transition) {
				case DEACTIVATE -> "active";
				case REACTIVATE -> "inactive";
				case DELETE -> "active or inactive";
				case RESTORE, PURGE -> "in the trash";
			};
		}

	}

	/** System records, such as the walk-in customer, always stay active. */
	static final class SystemRecord extends Refusal {

		SystemRecord(RecordKind kind, String label, Transition transition) {
			super("system-record", HttpStatus.CONFLICT, "System " + kind.name(),
					kind.title() + " " + label + " is a system record that Backroom needs; it can be renamed but not "
							+ transition.pastTense() + ".");
		}

	}

	/** An edit of a record that is in the trash. */
	public static final class RecordInTrash extends Refusal {

		public RecordInTrash(String kind, long id, String label) {
			super("record-deleted", HttpStatus.CONFLICT, "In the trash",
					Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + label + " (id " + id
							+ ") is in the trash; restore it before editing.");
			with("recordKind", kind);
			with("recordId", id);
		}

	}

}
