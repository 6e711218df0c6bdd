package org.backroom.merge;

import java.util.List;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** The named refusals of merging, each one problem type. */
final class MergeRefusals {

	private MergeRefusals() {
	}

	/** Some record cannot take part in the merge; nothing was changed. */
	static final class MergeRefused extends Refusal {

		MergeRefused(MergeKind kind, List<MergePreview.Refused> refused) {
			super(refused.get(0).code().equals("merged") ? "record-merged" : "merge-refused", HttpStatus.CONFLICT,
					"Cannot merge these " + kind.path(), refused.get(0).detail());
			with("refused", refused);
			MergePreview.Refused first = refused.get(0);
			if (first.mergedInto() != null) {
				with("mergedInto", first.mergedInto());
			}
		}

	}

	/** Something done since the merge depends on it: unmerge would lose or break it. */
	static final class UnmergeBlocked extends Refusal {

		UnmergeBlocked(String label, List<String> dependsOn) {
			super("unmerge-blocked", HttpStatus.CONFLICT, "The merge cannot be undone",
					label + " cannot be unmerged: " + String.join("; ", dependsOn) + ".");
			with("dependsOn", dependsOn);
		}

	}

	/** A record that was never merged (or was unmerged already). */
	static final class NotMerged extends Refusal {

		NotMerged(MergeKind kind, long id) {
			super("invalid-transition", HttpStatus.CONFLICT, "Not merged",
					Character.toUpperCase(kind.name().charAt(0)) + kind.name().substring(1) + " " + id
							+ " is not merged into another " + kind.name() + "; only a merged " + kind.name()
							+ " can be unmerged.");
		}

	}

}
