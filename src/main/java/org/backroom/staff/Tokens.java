package org.backroom.staff;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.backroom.audit.AuditTrail;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: each user creates and revokes their own, and can see no one else's. The secret is shown
 * once, at creation; only its SHA-256 is stored.
 */
@Service
class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Tokens(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A token as listed: never its secret. */
	record Token(long id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {
	}

	/** A new token, with the secret the user must copy now. */
	record NewToken(long id, String name, String prefix, String token) {
	}

	record NewTokenCommand(@NotBlank(message = "is required") @Size(max = 100) @Nullable String name) {
	}

	@Transactional
	NewToken create(long staffId, String name) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "brt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String prefix = secret.substring(0, 10);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO api_tokens (staff_id, name, token_hash, prefix) VALUES (?, ?, ?, ?)")
			.params(staffId, name.strip(), SignInDirectory.sha256(secret), prefix)
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("token.create", "staff", staffId, null, Map.of("token", name.strip(), "prefix", prefix));
		return new NewToken(id, name.strip(), prefix, secret);
	}

	@Transactional(readOnly = true)
	List<Token> mine(long staffId) {
		return jdbc.sql("SELECT * FROM api_tokens WHERE staff_id = ? ORDER BY id").param(staffId).query((rs, row) -> new Token(
				rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs.getObject("last_used_at", OffsetDateTime.class)),
				instant(rs.getObject("revoked_at", OffsetDateTime.class)))).list();
	}

	/**
	 * Revokes one of the user's own tokens; someone else's token is as good as not there (404). Revoking a revoked
	 * token changes nothing and records nothing: the UPDATE only matches a live token, so of two at once one wins.
	 */
	@Transactional
	void revoke(long staffId, long tokenId) {
		int changed = jdbc.sql("UPDATE api_tokens SET revoked_at = now() WHERE id = ? AND staff_id = ? AND revoked_at IS NULL")
			.params(tokenId, staffId)
			.update();
		if (changed == 1) {
			audit.record("token.revoke", "staff", staffId, null, Map.of("tokenId", tokenId));
			return;
		}
		boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_tokens WHERE id = ? AND staff_id = ?)")
			.params(tokenId, staffId)
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw new RecordNotFound("API token", tokenId);
		}
	}

	/** Revokes every live token of a user, each recorded with why; in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	int revokeAll(long staffId, String reason) {
		List<Long> revoked = jdbc.sql("UPDATE api_tokens SET revoked_at = now() WHERE staff_id = ? AND revoked_at IS NULL"
				+ " RETURNING id")
			.param(staffId)
			.query(Long.class)
			.list();
		revoked.stream().sorted().forEach(tokenId -> audit.record("token.revoke", "staff", staffId, reason,
				Map.of("tokenId", tokenId)));
		return revoked.size();
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
