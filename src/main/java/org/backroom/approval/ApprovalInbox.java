package org.backroom.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The query behind the approvals list: requests by status, newest first, optionally only one requester's. */
@Component
class ApprovalInbox {

	private final JdbcClient jdbc;

	ApprovalInbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Requests in this status ({@code all} for any); only those {@code requestedBy} asked for when it is given. */
	Page<ApprovalRequest> list(String status, @Nullable String cursor, int limit, @Nullable Long requestedBy) {
		StringBuilder sql = new StringBuilder(ApprovalRequest.SELECT).append(" WHERE true");
		List<Object> params = new ArrayList<>();
		switch (status) {
			case "pending" -> sql.append(" AND a.status = 'PENDING' AND a.expires_at > now()");
			case "expired" -> sql.append(" AND (a.status = 'EXPIRED' OR (a.status = 'PENDING' AND a.expires_at <= now()))");
			case "approved", "rejected" -> sql.append(" AND a.status = '" + status.toUpperCase(Locale.ROOT) + "'");
			case "all" -> { }
			default -> throw ValidationFailed.of("status", "must be one of pending, approved, rejected, expired, all");
		}
		if (requestedBy != null) {
			sql.append(" AND a.requested_by = ?");
			params.add(requestedBy);
		}
		Cursor after = Cursor.decode(cursor);
		if (after != null) {
			sql.append(" AND a.id < ?");
			params.add(after.id());
		}
		sql.append(" ORDER BY a.id DESC LIMIT ?");
		params.add(limit + 1);
		List<ApprovalRequest> rows = jdbc.sql(sql.toString()).params(params).query(ApprovalRequest::from).list();
		return Page.of(rows, limit, request -> new Cursor("", request.id()));
	}

}
