package org.backroom.merge;

import java.math.BigDecimal;
import java.util.Map;

import org.backroom.lifecycle.LifecycleStatus;
import org.jspecify.annotations.Nullable;

/**
 * A record of any mergeable kind as a merge sees it: how people tell it apart, its lifecycle state, the values of
 * the fields a survivor may take (by API name), the figures shown beside them (a balance, stock on hand), the
 * amount a merge moves (the open balance, the stock), and the API view it answers with.
 */
record MergeRecord(long id, String code, String name, LifecycleStatus status, boolean system,
		@Nullable Long mergedInto, Map<String, @Nullable Object> values, Map<String, Object> figures,
		BigDecimal amount, Object view) {

	String label() {
		return name + " (" + code + ")";
	}

}
