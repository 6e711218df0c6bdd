package org.backroom.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	@BeforeEach
	void connect() {
		anonymous = new Api(port);
		api = anonymous.as("admin", ADMIN_PASSWORD);
	}

	/** Creates a staff user holding these roles and answers a client signed in as them. */
	protected Api staffWithRole(String... roles) {
		String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var created = api.post("/api/staff", Map.of("username", username, "displayName", "Test " + username,
				"password", STAFF_PASSWORD, "roles", List.of(roles)));
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create a test user: " + created);
		}
		return anonymous.as(username, STAFF_PASSWORD);
	}

}
