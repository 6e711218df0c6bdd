package org.backroom.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load driver's HTTP/1.1 client: each thread keeps one connection open and waits for its answer on that thread,
 * as a till does, so that the API side is timed the way the bare SQL side is (one blocking round trip on the
 * worker's own connection).
 *
 * <p>{@code java.net.http} hands every exchange to its selector thread and back: on this 2-core machine that added
 * about 3.5 ms to the p99 of a 0.5 ms request at concurrency 1 ({@code GET /api/me}: p99 4.0–4.6 ms through it,
 * 0.6–0.9 ms over a blocking socket, while Backroom's own timer saw 0.1% of requests above 5 ms), and its CPU was
 * taken from the two cores that Backroom and PostgreSQL share. The harness's other requests (the token, the
 * server's metrics, the bulk job's start and polls) still use {@code java.net.http}: they are not timed.
 */
final class TillHttp implements AutoCloseable {

	/** An answer: its status and body. */
	record Answer(int status, byte[] body) {

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

	}

	private final String host;

	private final int port;

	private final Duration timeout;

	private final Map<Thread, Connection> connections = new ConcurrentHashMap<>();

	TillHttp(String base, Duration timeout) {
		URI uri = URI.create(base);
		if (!"http".equals(uri.getScheme())) {
			throw new IllegalArgumentException("Only plain HTTP is measured: " + base);
		}
		this.host = uri.getHost();
		this.port = uri.getPort() < 0 ? 80 : uri.getPort();
		this.timeout = timeout;
	}

	/**
	 * Sends one request on this thread's connection and reads its whole answer. A connection the server had
	 * closed while it was idle (at its keep-alive timeout, say) fails before any answer arrives: the request is then
	 * sent once more on a new connection, as browsers and HTTP libraries do; a request that may not be repeated
	 * carries an {@code Idempotency-Key}.
	 */
	Answer send(String method, String path, List<String> headers, byte[] body) throws IOException {
		Connection connection = connections.get(Thread.currentThread());
		if (connection != null) {
			try {
				return connection.exchange(method, path, headers, body);
			}
			catch (Unanswered ex) {
				connection.close();
				connections.remove(Thread.currentThread());
			}
		}
		Connection fresh = new Connection(open());
		connections.put(Thread.currentThread(), fresh);
		try {
			return fresh.exchange(method, path, headers, body);
		}
		catch (Unanswered ex) {
			fresh.close();
			connections.remove(Thread.currentThread());
			throw new IOException("No answer from " + host + ":" + port + " on a new connection", ex);
		}
	}

	private Socket open() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(host, port), (int) Duration.ofSeconds(5).toMillis());
		socket.setSoTimeout((int) timeout.toMillis());
		return socket;
	}

	@Override
	public void close() {
		connections.values().forEach(Connection::close);
		connections.clear();
	}

	/** The connection failed before any byte of the answer arrived. */
	private static final class Unanswered extends IOException {

		Unanswered(IOException cause) {
			super(cause);
		}

	}

	private final class Connection {

		private final Socket socket;

		private final OutputStream out;

		private final InputStream in;

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
			this.in = new BufferedInputStream(socket.getInputStream(), 16384);
		}

		Answer exchange(String method, String path, List<String> headers, byte[] body) throws IOException {
			StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
				.append("Host: ").append(host).append(':').append(port).append("\r\n");
			for (int i = 0; i + 1 < headers.size(); i += 2) {
				head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
			}
			if (body.length > 0 || !"GET".equals(method)) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			String statusLine;
			try {
				out.write(head.toString().getBytes(StandardCharsets.UTF_8));
				out.write(body);
				out.flush();
				statusLine = line();
			}
			catch (IOException ex) {
				throw new Unanswered(ex);
			}
			if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
				throw new IOException("Not an HTTP/1.1 answer: " + statusLine);
			}
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean closes = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
				switch (name) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.contains("chunked");
					case "connection" -> closes = value.contains("close");
					default -> {
					}
				}
			}
			byte[] answer;
			if (chunked) {
				answer = chunks();
			}
			else if (length >= 0) {
				answer = in.readNBytes((int) length);
				if (answer.length < length) {
					throw new EOFException("The answer ended after " + answer.length + " of " + length + " bytes");
				}
			}
			else if (status == 204 || status == 304) {
				answer = new byte[0];
			}
			else {
				answer = in.readAllBytes();
				closes = true;
			}
			if (closes) {
				close();
				connections.remove(Thread.currentThread(), this);
			}
			return new Answer(status, answer);
		}

		private byte[] chunks() throws IOException {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			while (true) {
				String size = line();
				int semicolon = size.indexOf(';');
				int bytes = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
				if (bytes == 0) {
					for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
						// Trailers are not used by Backroom; read past them.
					}
					return all.toByteArray();
				}
				byte[] chunk = in.readNBytes(bytes);
				if (chunk.length < bytes) {
					throw new EOFException("A chunk ended after " + chunk.length + " of " + bytes + " bytes");
				}
				all.write(chunk);
				line();
			}
		}

		/** One header line, without its CRLF; HTTP/1.1 headers are ASCII. */
		private String line() throws IOException {
			StringBuilder text = new StringBuilder(64);
			while (true) {
				int c = in.read();
				if (c < 0) {
					throw new EOFException("The connection closed in the middle of an answer");
				}
				if (c == '\n') {
					int end = text.length();
					return end > 0 && text.charAt(end - 1) == '\r' ? text.substring(0, end - 1) : text.toString();
				}
				text.append((char) c);
			}
		}

		void close() {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closing a connection that is already gone.
			}
		}

	}

}
