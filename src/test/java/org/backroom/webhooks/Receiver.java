package org.backroom.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver inside the test: a real HTTP server on 127.0.0.1 and a free port that answers each delivery as
 * its script says (200, 500, or hang past Backroom's request timeout) and remembers every request it got.
 */
final class Receiver implements AutoCloseable {

	/** What the receiver does with a request. */
	enum Answer {
		OK, FAIL, HANG
	}

	/** One request as received, and what was answered. */
	record Request(String path, long receivedNanos, String signature, String eventId, String eventType, String body,
			JsonNode event, Answer answer) {

		long recordId() {
			return event.path("id").asLong();
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final CountDownLatch closing = new CountDownLatch(1);

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile Function<JsonNode, Answer> script = event -> Answer.OK;

	Receiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		server.setExecutor(threads);
		server.createContext("/", this::handle);
		server.start();
	}

	/** The URL of a path on this receiver. */
	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** From now on, answers each delivery as the script says for its event. */
	void answer(Function<JsonNode, Answer> script) {
		this.script = script;
	}

	/** What was received at a path, in the order it arrived. */
	List<Request> at(String path) {
		return requests.stream().filter(request -> request.path().equals(path)).toList();
	}

	/** What was received at a path about one record, in the order it arrived. */
	List<Request> about(String path, long recordId) {
		return new ArrayList<>(at(path).stream().filter(request -> request.recordId() == recordId).toList());
	}

	private void handle(HttpExchange exchange) throws IOException {
		long received = System.nanoTime();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		JsonNode event = JSON.readTree(body);
		Answer answer = script.apply(event);
		requests.add(new Request(exchange.getRequestURI().getPath(), received,
				exchange.getRequestHeaders().getFirst("Backroom-Signature"),
				exchange.getRequestHeaders().getFirst("Backroom-Event-Id"),
				exchange.getRequestHeaders().getFirst("Backroom-Event-Type"), body, event, answer));
		try {
			if (answer == Answer.HANG) {
				// Longer than Backroom waits for an answer; released early only when the test is over.
				closing.await(30, TimeUnit.SECONDS);
			}
			exchange.sendResponseHeaders(answer == Answer.FAIL ? 500 : 200, -1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
		threads.shutdownNow();
	}

}
