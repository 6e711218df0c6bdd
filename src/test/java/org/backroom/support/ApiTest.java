package org.backroom.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of API tests: {@link #api} is signed in as the owner {@code admin}; {@link #anonymous} is not signed in;
 * {@link #staffWithRole} makes a user of any role to act as.
 */
public abstract class ApiTest {

	public static final String ADMIN_PASSWORD = "owner-password-for-tests";

	/** The password of every user made by {@link #staffWithRole}. */
	public static final String STAFF_PASSWORD = "staff-password-for-tests";

	@LocalServerPort
	private int port;

	protected Api api;

	protected Api anonymous;

	/** Admin tokens by server port: one per running application, made once. */
	private static final Map<Integer, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

	@BeforeEach
	void connect() {
		anonymous = new Api(port);
		api = signedInByToken(anonymous.as("admin", ADMIN_PASSWORD), ADMIN_TOKENS);
	}

	/** The {@code Authorization} header {@link #api} sends, for clients of a test's own (such as raw sockets). */
	protected String ownerAuthorization() {
		return "Bearer " + ADMIN_TOKENS.get(port);
	}

	/** The port the application under test listens on. */
	protected int port() {
		return port;
	}

	/**
	 * The same user, signed in with a personal API token instead of a password: HTTP Basic checks the bcrypt hash
	 * on every request (on purpose slow), which would make a test suite of thousands of requests crawl.
	 */
	private Api signedInByToken(Api withPassword, Map<Integer, String> cache) {
		String token = cache.computeIfAbsent(port, key -> {
			var created = withPassword.post("/api/me/tokens", Map.of("name", "tests"));
			if (created.status() != 201) {
				throw new IllegalStateException("Could not create an API token: " + created);
			}
			return created.json().path("token").asString();
		});
		return anonymous.with("Authorization", "Bearer " + token);
	}

	/** Creates a staff user holding these roles and answers a client signed in as them. */
	protected Api staffWithRole(String... roles) {
		String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var created = api.post("/api/staff", Map.of("username", username, "displayName", "Test " + username,
				"password", STAFF_PASSWORD, "roles", List.of(roles)));
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create a test user: " + created);
		}
		return signedInByToken(anonymous.as(username, STAFF_PASSWORD), new java.util.HashMap<>());
	}

}
