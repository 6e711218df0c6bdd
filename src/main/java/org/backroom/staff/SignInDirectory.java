package org.backroom.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds who is signing in, by user name or by API token, with the permissions their roles grant now. Read on every
 * request, so a deactivation or a role change takes effect at the next request. The permissions themselves are read
 * again only when the grants epoch has moved (any change to anyone's roles or to a role's permissions moves it, in
 * the change's transaction: V67); until then the set read last for that user is kept, on each instance.
 */
@Component
class SignInDirectory implements UserDetailsService {

	// Who they are and what their roles grant now, in one statement: read on every request. The permissions are
	// read only when the grants epoch (V67) has moved since this user's were last read, or for someone else: the
	// first two parameters are the epoch and the user of the permissions kept (-1, -1 for none).
	private static final String COLUMNS = "s.id, s.username, s.display_name, s.status, s.credentials_version,"
			+ " s.must_change_password, g.epoch AS grants_epoch, CASE WHEN g.epoch = ? AND s.id = ? THEN NULL"
			+ " ELSE ARRAY(SELECT DISTINCT p.permission FROM staff_roles sr JOIN role_permissions p"
			+ " ON p.role_id = sr.role_id WHERE sr.staff_id = s.id) END AS permissions";

	/** Kept permissions, by user, as many at most; past that they are all let go and read again. */
	private static final int KEPT = 10_000;

	private final JdbcClient jdbc;

	/** The permissions last read of each user, with the grants epoch they were read at. */
	private final Map<Long, Grants> grants = new ConcurrentHashMap<>();

	/** Whose each token is (by its hash, in hex), learned from earlier requests: a token never changes hands. */
	private final Map<String, Long> tokenHolders = new ConcurrentHashMap<>();

	SignInDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public StaffPrincipal loadUserByUsername(String username) {
		return byUsername(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	Optional<StaffPrincipal> byUsername(String username) {
		return jdbc.sql("SELECT " + COLUMNS + ", s.password_hash FROM staff s CROSS JOIN grants_epoch g"
				+ " WHERE s.username = ?")
			.params(-1L, -1L, username.strip().toLowerCase(Locale.ROOT))
			.query((rs, row) -> principal(rs, rs.getString("password_hash"), null))
			.optional();
	}

	/**
	 * The active user holding this unrevoked token; records when the token was last used, to the minute. Writing it
	 * on every request made every read a committed write (a WAL flush) and made concurrent requests with one token
	 * queue on its row.
	 */
	Optional<StaffPrincipal> byToken(String secret) {
		byte[] hash = sha256(secret);
		String holderKey = HexFormat.of().formatHex(hash);
		Long holder = tokenHolders.get(holderKey);
		@Nullable Grants kept = holder == null ? null : grants.get(holder);
		Optional<TokenUse> use = jdbc.sql("SELECT " + COLUMNS + ", t.last_used_at IS NULL"
				+ " OR t.last_used_at < now() - interval '1 minute' AS stale"
				+ " FROM api_tokens t JOIN staff s ON s.id = t.staff_id CROSS JOIN grants_epoch g"
				+ " WHERE t.token_hash = ? AND t.revoked_at IS NULL")
			.params(kept == null ? -1L : kept.epoch(), kept == null ? -1L : kept.staffId(), hash)
			.query((rs, row) -> new TokenUse(principal(rs, null, kept), rs.getBoolean("stale")))
			.optional();
		use.ifPresent(found -> keep(tokenHolders, holderKey, found.staff().id()));
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

	/** A user's permissions as read at a grants epoch. */
	private record Grants(long staffId, long epoch, Set<String> permissions) {
	}

	private static <K, V> void keep(Map<K, V> kept, K key, V value) {
		if (kept.size() >= KEPT && !kept.containsKey(key)) {
			kept.clear();
		}
		kept.put(key, value);
	}

	Optional<StaffPrincipal> byId(long id) {
		@Nullable Grants kept = grants.get(id);
		return jdbc.sql("SELECT " + COLUMNS + " FROM staff s CROSS JOIN grants_epoch g WHERE s.id = ?")
			.params(kept == null ? -1L : kept.epoch(), kept == null ? -1L : kept.staffId(), id)
			.query((rs, row) -> principal(rs, null, kept))
			.optional();
	}

	/**
	 * The user on this row, with the permissions it carries, or with the kept ones when the row carries none: it
	 * carries none only when the epoch has not moved since those were read, for this very user.
	 */
	private StaffPrincipal principal(ResultSet rs, @Nullable String passwordHash, @Nullable Grants kept)
			throws SQLException {
		Array read = rs.getArray("permissions");
		Set<String> permissions;
		if (read != null) {
			permissions = Set.of((String[]) read.getArray());
			keep(grants, rs.getLong("id"), new Grants(rs.getLong("id"), rs.getLong("grants_epoch"), permissions));
		}
		else if (kept != null && kept.staffId() == rs.getLong("id") && kept.epoch() == rs.getLong("grants_epoch")) {
			permissions = kept.permissions();
		}
		else {
			throw new IllegalStateException("The permissions were not read, yet none are kept for this user");
		}
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
