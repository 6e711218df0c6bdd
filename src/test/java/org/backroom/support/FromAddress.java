package org.backroom.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 from a chosen loopback address (Linux routes all of 127.0.0.0/8 to the loopback device), so tests can be
 * several clients on several addresses, seen by the server as its real remote address: no forwarded header that a
 * server would have to trust. The JDK's HTTP client cannot bind a local address, hence a plain socket.
 */
public final class FromAddress {

	private final String address;

	private final int port;

	public FromAddress(String address, int port) {
		this.address = address;
		this.port = port;
	}

	/** GET with HTTP Basic credentials. */
	public Api.Response getAs(String path, String username, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return get(path, "Authorization", "Basic " + credentials);
	}

	public Api.Response get(String path, String... headers) {
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
				+ "\r\nConnection: close\r\nAccept: application/json\r\n");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Api.Response parse(byte[] raw) throws IOException {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).strip(), key -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).strip());
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		boolean chunked = headers.entrySet()
			.stream()
			.anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
					&& h.getValue().get(0).toLowerCase(Locale.ROOT).contains("chunked"));
		return new Api.Response(status, headers,
				new String(chunked ? dechunk(new java.io.ByteArrayInputStream(body)) : body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			StringBuilder size = new StringBuilder();
			for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
				if (c != '\r') {
					size.append((char) c);
				}
			}
			String hex = size.toString().split(";")[0].strip();
			int length = hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(length));
			in.readNBytes(2);
		}
	}

}
