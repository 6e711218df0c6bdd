package org.backroom.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load driver's client against the JDK's HTTP server: it reads answers of a known length and chunked ones, keeps
 * its connection between requests, and sends again on a new one when the server closed the old one while idle.
 */
class TillHttpTests {

	private HttpServer server;

	private ExecutorService handlers;

	private final ConcurrentHashMap<String, Integer> remotePorts = new ConcurrentHashMap<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		handlers = Executors.newFixedThreadPool(2);
		server.setExecutor(handlers);
		server.createContext("/sized", exchange -> answer(exchange, 200, "sized:" + body(exchange), false));
		server.createContext("/chunked", exchange -> answer(exchange, 201, "x".repeat(20_000), true));
		server.createContext("/refused", exchange -> answer(exchange, 409, "{\"title\":\"Conflict\"}", false));
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
		handlers.shutdownNow();
	}

	private String base() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange, int status, String text, boolean chunked) throws IOException {
		remotePorts.put(exchange.getRequestURI().getPath() + exchange.getRequestURI().getQuery(),
				exchange.getRemoteAddress().getPort());
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String body(HttpExchange exchange) throws IOException {
		return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
				+ "|" + exchange.getRequestHeaders().getFirst("Authorization");
	}

	@Test
	void readsAnswersOfAKnownLengthAndChunkedOnesOnOneKeptConnection() throws IOException {
		try (TillHttp http = new TillHttp(base(), Duration.ofSeconds(10))) {
			TillHttp.Answer posted = http.send("POST", "/sized?n=1", List.of("Authorization", "Bearer t"),
					"{\"a\":1}".getBytes(StandardCharsets.UTF_8));
			TillHttp.Answer chunked = http.send("GET", "/chunked?n=2", List.of(), new byte[0]);
			TillHttp.Answer refused = http.send("GET", "/refused?n=3", List.of(), new byte[0]);

			assertThat(posted.status()).isEqualTo(200);
			assertThat(posted.text()).isEqualTo("sized:{\"a\":1}|Bearer t");
			assertThat(chunked.status()).isEqualTo(201);
			assertThat(chunked.text()).hasSize(20_000).matches("x+");
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.text()).contains("Conflict");
			assertThat(remotePorts.get("/sizedn=1")).isEqualTo(remotePorts.get("/chunkedn=2"))
				.isEqualTo(remotePorts.get("/refusedn=3"));
		}
	}

	@Test
	void sendsAgainOnANewConnectionWhenTheServerClosedTheIdleOne() throws Exception {
		try (TillHttp http = new TillHttp(base(), Duration.ofSeconds(10))) {
			assertThat(http.send("GET", "/sized?n=1", List.of(), new byte[0]).status()).isEqualTo(200);
			// The server goes away and comes back on the same port: the kept connection is dead.
			int port = server.getAddress().getPort();
			server.stop(0);
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			server.setExecutor(handlers);
			server.createContext("/sized", exchange -> answer(exchange, 200, "again", false));
			server.start();

			TillHttp.Answer again = http.send("GET", "/sized?n=2", List.of(), new byte[0]);

			assertThat(again.status()).isEqualTo(200);
			assertThat(again.text()).isEqualTo("again");
			assertThat(remotePorts.get("/sizedn=2")).isNotEqualTo(remotePorts.get("/sizedn=1"));
		}
	}

}
