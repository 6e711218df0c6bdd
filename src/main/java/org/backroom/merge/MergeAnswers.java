package org.backroom.merge;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backroom.approval.ApprovalRequest;
import org.backroom.lifecycle.RecordKind;
import org.backroom.web.Preconditions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;

/** The answers every kind's merge API gives, written once. */
final class MergeAnswers {

	private MergeAnswers() {
	}

	/** Two records someone says are not one. */
	record Dismissal(@Nullable List<Long> ids, @Nullable String reason) {
	}

	/** 201 when the pair is dismissed now, 200 when it already was. */
	static ResponseEntity<Map<String, Object>> dismissed(boolean now, @Nullable List<Long> ids) {
		return ResponseEntity.status(now ? 201 : 200).body(Map.of("ids", ids == null ? List.of() : ids, "dismissed", true));
	}

	/** 202 with the request that waits for approval, or 200 with the record and its ETag. */
	static ResponseEntity<Object> done(@Nullable ApprovalRequest pending, @Nullable Object record) {
		if (pending != null) {
			return ResponseEntity.accepted().location(URI.create("/api/approvals/" + pending.id())).body(pending);
		}
		RecordKind.Versioned versioned = (RecordKind.Versioned) Objects.requireNonNull(record);
		return ResponseEntity.ok().eTag(Preconditions.etag(versioned.version())).body(versioned);
	}

}
