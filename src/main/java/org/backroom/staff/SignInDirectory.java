package org.backroom.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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

	// Who they are and what their roles grant now, in one statement: read on every request.
	private static final String COLUMNS = "s.id, s.username, s.display_name, s.status, s.credentials_version,"
			+ " s.must_change_password, ARRAY(SELECT DISTINCT p.permission FROM staff_roles sr"
			+ " JOIN role_permissions p ON p.role_id = sr.role_id WHERE sr.staff_id = s.id) AS permissions";

	private final JdbcClient jdbc;

	SignInDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public StaffPrincipal loadUserByUsername(String username) {
		return byUsername(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	Optional<StaffPrincipal> byUsername(String username) {
		return jdbc.sql("SELECT " + COLUMNS + ", s.password_hash FROM staff s WHERE s.username = ?")
			.param(username.strip().toLowerCase(Locale.ROOT))
			.query((rs, row) -> principal(rs, rs.getString("password_hash")))
			.optional();
	}

	/**
	 * The active user holding this unrevoked token; records when the token was last used, to the minute. Writing it
	 * on every request made every read a committed write (a WAL flush) and made concurrent requests with one token
	 * queue on its row.
	 */
	Optional<StaffPrincipal> byToken(String secret) {
		byte[] hash = sha256(secret);
		Optional<TokenUse> use = jdbc.sql("SELECT " + COLUMNS + ", t.last_used_at IS NULL"
				+ " OR t.last_used_at < now() - interval '1 minute' AS stale"
				+ " FROM api_tokens t JOIN staff s ON s.id = t.staff_id"
				+ " WHERE t.token_hash = ? AND t.revoked_at IS NULL")
			.param(hash)
			.query((rs, row) -> new TokenUse(principal(rs, null), rs.getBoolean("stale")))
			.optional();
		if (use.isPresent() && use.get().stale()) {
			jdbc.sql("""
					UPDATE api_tokens SET last_used_at = now()
					WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
				.param(hash)
				.update();
		}
		return use.map(TokenUse::staff).filter(StaffPrincipal::active);
	}

	private record TokenUse(StaffPrincipal staff, boolean stale) {
	}

	Optional<StaffPrincipal> byId(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM staff s WHERE s.id = ?")
			.param(id)
			.query((rs, row) -> principal(rs, null))
			.optional();
	}

	private static StaffPrincipal principal(ResultSet rs, @Nullable String passwordHash) throws SQLException {
		Set<String> permissions = Set.of((String[]) rs.getArray("permissions").getArray());
		return new StaffPrincipal(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				"ACTIVE".equals(rs.getString("status")), passwordHash, permissions, rs.getLong("credentials_version"),
				rs.getBoolean("must_change_password"));
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
