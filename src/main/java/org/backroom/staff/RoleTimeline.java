package org.backroom.staff;

import java.util.List;
import java.util.Optional;

import org.backroom.audit.AuditedKinds;

import org.springframework.stereotype.Component;

/** Roles keep an audit timeline at {@code /api/roles/{id}/history} like the master records do. */
@Component
class RoleTimeline implements AuditedKinds {

	@Override
	public List<String> paths() {
		return List.of("roles");
	}

	@Override
	public Optional<String> kindAt(String path) {
		return "roles".equals(path) ? Optional.of("role") : Optional.empty();
	}

}
