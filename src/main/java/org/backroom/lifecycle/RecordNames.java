package org.backroom.lifecycle;

import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How people name a record of any kind ("Ada Dubois (C000060)"), for pages that mention records they do not own,
 * such as the approvals inbox. A purged record is named by its kind and id, which is all that is left of it.
 */
@Component
public class RecordNames {

	private final RecordKinds kinds;

	private final RecordRows rows;

	RecordNames(RecordKinds kinds, RecordRows rows) {
		this.kinds = kinds;
		this.rows = rows;
	}

	/** The record's name, or "#id" when its row is gone. */
	@Transactional(readOnly = true)
	public String of(String kindName, long id) {
		try {
			return rows.label(kinds.byName(kindName), id);
		}
		catch (RecordNotFound gone) {
			return "#" + id + " (purged)";
		}
	}

}
