package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/**
 * A till, a picker or an integration keeps its connection: Tomcat's default closes a keep-alive connection after
 * 100 requests, and the 101st keystroke then pays for a new connection (1–1.4 ms on loopback, more over a network).
 */
@BackroomTest
class KeepAliveTests extends ApiTest {

	private static final Pattern ANSWER = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

	@Test
	void oneConnectionServesAThousandRequests() throws Exception {
		int requests = 1_000;
		StringBuilder all = new StringBuilder();
		for (int i = 1; i <= requests; i++) {
			all.append("GET /api/customers/lookup?q=walk HTTP/1.1\r\nHost: localhost\r\nAuthorization: ")
				.append(ownerAuthorization())
				.append("\r\n")
				.append(i == requests ? "Connection: close\r\n" : "")
				.append("\r\n");
		}
		String answers;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
			socket.setSoTimeout(60_000);
			// Read while writing: a thousand answers do not fit in the socket's buffers.
			CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> readToEnd(socket));
			OutputStream out = socket.getOutputStream();
			out.write(all.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			answers = read.get(60, TimeUnit.SECONDS);
		}

		// A connection closed after 100 would have left the other 900 unanswered.
		var statuses = ANSWER.matcher(answers).results().map(match -> match.group(1)).toList();
		assertThat(statuses).hasSize(requests).containsOnly("200");
	}

	private static String readToEnd(Socket socket) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(bytes);
			return bytes.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
