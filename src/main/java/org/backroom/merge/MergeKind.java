package org.backroom.merge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backroom.lifecycle.RecordKind;
import org.backroom.merge.MergePreview.Moves;

/**
 * What differs between merging customers, items and suppliers; everything else (checks, preview, merge, approval,
 * unmerge, duplicates) is written once over this. Each kind's own rows are changed through its own feature.
 */
interface MergeKind {

	/** The record kind's name: {@code customer}; its permissions are {@code customer.view} and {@code customer.merge}. */
	String name();

	/** Its path in the API and the pages: {@code customers}. */
	String path();

	RecordKind kind();

	/** The fields a survivor may take from a duplicate, by their API names. */
	List<String> fields();

	Optional<MergeRecord> find(long id);

	/** Locks every named record FOR UPDATE, in id order. */
	void lock(Set<Long> ids);

	/** The whole row as JSON, as an unmerge puts it back. */
	String snapshot(long id);

	/** How many records were merged into this one. */
	long mergedIntoIt(long id);

	/** How many orders name this record, for the preview. */
	long orders(long id);

	/** The survivor takes the chosen fields and the duplicate's amount (balance, stock); answers the amount. */
	BigDecimal absorb(long survivorId, long duplicateId, Set<String> fromDuplicate);

	/** The audit entry of the amount that moved: its action and changes; none when nothing moves for this kind. */
	Optional<Audited> moved(long duplicateId, long survivorId, BigDecimal amount);

	/** What the survivor gains: the duplicates' orders and the amount moved, with the survivor's after. */
	Moves moves(long orders, BigDecimal moved, BigDecimal after);

	/** What to keep in mind before merging into this survivor, with the amount it would have after. */
	List<String> warnings(MergeRecord survivor, BigDecimal after);

	/** Why a done merge cannot be undone, besides later merges into the survivor; empty when nothing. */
	List<String> undoBlocked(Merges.Merge merge);

	/** What an unmerge gives back, for its audit entry ({@code balanceReturned}, {@code stockReturned}). */
	Map<String, Object> returned(Merges.Merge merge);

	/** The audit entry of the amount an unmerge moves back, when the kind records one apart. */
	Optional<Audited> movedBack(Merges.Merge merge);

	/** Puts both rows back as they were before the merge. */
	void release(Merges.Merge merge);

	/** The SQL that proposes duplicate pairs, in the columns {@link DuplicateFinder} reads. */
	String duplicatesSql();

	/** An audit entry: its action and its changes. */
	record Audited(String action, Map<String, Object> changes) {
	}

}
