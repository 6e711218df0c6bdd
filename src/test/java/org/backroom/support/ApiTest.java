package org.backroom.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of API tests: an {@link Api} client pointed at the running application. */
public abstract class ApiTest {

	@LocalServerPort
	private int port;

	protected Api api;

	@BeforeEach
	void connect() {
		api = new Api(port);
	}

}
