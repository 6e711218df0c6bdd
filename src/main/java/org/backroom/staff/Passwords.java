package org.backroom.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.backroom.permission.Forbidden;
import org.backroom.audit.AuditTrail;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing passwords: each user their own (knowing the current one), and someone with {@code staff.manage} any
 * other user's, for a forgotten one. The first owner's generated password is meant to be changed this way.
 */
@Service
class Passwords {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	Passwords(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
	}

	/** A new password, and for one's own the current one. */
	record Change(@Nullable String currentPassword,
			@NotBlank(message = "is required") @Size(min = 10, max = 200, message = "must be 10 to 200 characters") @Nullable String newPassword) {
	}

	@Transactional
	void changeOwn(StaffPrincipal me, Change change) {
		String hash = jdbc.sql("SELECT password_hash FROM staff WHERE id = ? FOR UPDATE").param(me.id())
			.query(String.class).single();
		if (change.currentPassword() == null || !encoder.matches(change.currentPassword(), hash)) {
			throw ValidationFailed.of("currentPassword", "is not your current password");
		}
		set(me.id(), String.valueOf(change.newPassword()));
		audit.record("staff.password-change", "staff", me.id(), null, null);
	}

	@PreAuthorize("@permissions.require('staff.manage')")
	@Transactional
	void reset(long staffId, Change change, StaffPrincipal by) {
		if (by.id() == staffId) {
			throw new Forbidden("Your own password", "Change your own password at /api/me/password, with the current one.");
		}
		if (jdbc.sql("SELECT id FROM staff WHERE id = ? FOR UPDATE").param(staffId).query(Long.class).optional().isEmpty()) {
			throw new RecordNotFound("staff user", staffId);
		}
		set(staffId, String.valueOf(change.newPassword()));
		audit.record("staff.password-reset", "staff", staffId, null, null);
	}

	private void set(long staffId, String password) {
		jdbc.sql("UPDATE staff SET password_hash = ?, updated_at = now() WHERE id = ?")
			.params(encoder.encode(password), staffId)
			.update();
	}

}
