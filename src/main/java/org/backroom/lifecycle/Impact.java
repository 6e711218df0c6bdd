package org.backroom.lifecycle;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The impact preview: what points to a record, what work is open on it, and which transitions are allowed now
 * (and why not). A count stops at 1,000: {@code dependentsCapped} names the kinds that have more than their count.
 */
record Impact(String recordKind, long recordId, LifecycleStatus status, Map<String, Long> dependents,
		List<String> dependentsCapped, @JsonAnyGetter Map<String, Object> openWork, Map<String, Check> actions) {

	/** Whether one transition is allowed now; if not, why; and what to keep in mind if it is. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record Check(boolean allowed, @Nullable String reason, @Nullable String effect, List<String> warnings) {

		static Check allowed(List<String> warnings) {
			return new Check(true, null, null, warnings);
		}

		static Check refused(String reason) {
			return new Check(false, reason, null, List.of());
		}

		static Check instead(Transition performed, String reason, List<String> warnings) {
			return new Check(true, reason, performed.verb(), warnings);
		}

	}

}
