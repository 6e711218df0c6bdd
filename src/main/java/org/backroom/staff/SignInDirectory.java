package org.backroom.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds who is signing in, by user name or by API token, with the permissions their roles grant now. Read on every
 * request, so a deactivation or a role change takes effect at the next request.
 */
@Component
class SignInDirectory implements UserDetailsService {

	private static final String COLUMNS = "id, username, display_name, status, credentials_version, must_change_password";

	private final JdbcClient jdbc;

	SignInDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public StaffPrincipal loadUserByUsername(String username) {
		return byUsername(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	Optional<StaffPrincipal> byUsername(String username) {
		return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM staff WHERE username = ?")
			.param(username.strip().toLowerCase(Locale.ROOT))
			.query((rs, row) -> principal(rs, rs.getString("password_hash")))
			.optional()
			.map(this::withPermissions);
	}

	/**
	 * The active user holding this unrevoked token; records when the token was last used, to the minute. Writing it
	 * on every request made every read a committed write (a WAL flush) and made concurrent requests with one token
	 * queue on its row.
	 */
	Optional<StaffPrincipal> byToken(String secret) {
		byte[] hash = sha256(secret);
		Optional<TokenUse> use = jdbc.sql("""
				SELECT staff_id, last_used_at IS NULL OR last_used_at < now() - interval '1 minute' AS stale
				FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL""")
			.param(hash)
			.query(TokenUse.class)
			.optional();
		if (use.isPresent() && use.get().stale()) {
			jdbc.sql("""
					UPDATE api_tokens SET last_used_at = now()
					WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
				.param(hash)
				.update();
		}
		Optional<Long> staffId = use.map(TokenUse::staffId);
		return staffId.flatMap(this::byId).filter(StaffPrincipal::active);
	}

	private record TokenUse(long staffId, boolean stale) {
	}

	Optional<StaffPrincipal> byId(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE id = ?")
			.param(id)
			.query((rs, row) -> principal(rs, null))
			.optional()
			.map(this::withPermissions);
	}

	private static StaffPrincipal principal(ResultSet rs, @Nullable String passwordHash) throws SQLException {
		return new StaffPrincipal(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				"ACTIVE".equals(rs.getString("status")), passwordHash, Set.of(), rs.getLong("credentials_version"),
				rs.getBoolean("must_change_password"));
	}

	private StaffPrincipal withPermissions(StaffPrincipal principal) {
		Set<String> permissions = new TreeSet<>(jdbc.sql("""
				SELECT DISTINCT p.permission FROM staff_roles sr JOIN role_permissions p ON p.role_id = sr.role_id
				WHERE sr.staff_id = ?""").param(principal.id()).query(String.class).list());
		return new StaffPrincipal(principal.id(), principal.username(), principal.displayName(), principal.active(),
				principal.passwordHash(), Set.copyOf(permissions), principal.credentialsVersion(),
				principal.mustChangePassword());
	}

	static byte[] sha256(@Nullable String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(String.valueOf(secret).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
