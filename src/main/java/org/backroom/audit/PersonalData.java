package org.backroom.audit;

import java.util.List;
import java.util.Set;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Whose data an erasure removes from the audit trail, and where it may be quoted.
 *
 * @param recordKind the person's record kind ({@code customer}, {@code staff})
 * @param recordId the person's record
 * @param keys the {@code changes} keys whose values are the person's data wherever they appear in the entries about
 *     the record or about {@code related} records ({@code name}, {@code email}, {@code customerName}, …)
 * @param values the person's data as text (current field values); each is blanked wherever an entry quotes it
 * @param related records whose entries copy the person's data (the customer's sales orders)
 * @param actor the person's user name when the person is staff: their entries keep an actor, {@code pseudonym}
 * @param pseudonym what stands for the person where a value is needed (an entry's actor)
 */
public record PersonalData(String recordKind, long recordId, Set<String> keys, List<String> values,
		List<Related> related, @Nullable String actor, String pseudonym) {

	/** The text with each of the person's values blanked where it stands as a whole. */
	public String scrub(String text) {
		return Objects.requireNonNull(new Scrubber(values, keys).text(text));
	}

	/** Records of one kind whose audit entries copy the person's data. */
	public record Related(String recordKind, List<Long> ids) {
	}

}
