package org.backroom.audit;

import java.util.List;
import java.util.Optional;

/**
 * Which records have an audit timeline at {@code /api/{path}/{id}/history}. The modules that own records say so
 * (the lifecycle for every master record kind, staff for roles), so that the audit trail needs to know none of them.
 */
public interface AuditedKinds {

	/** The kind that entries name ({@code customer}) for a collection path ({@code customers}), if this owns it. */
	Optional<String> kindAt(String path);

	/** Every collection path this owns ({@code customers}, …), as the API description lists them. */
	List<String> paths();

}
