package org.backroom.idempotency;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * A request whose body was read once up front, so that it can be hashed and handed to the application again when
 * the request runs a second time after a deadlock. A form's fields are parsed (and kept) by the container instead.
 */
final class RepeatableRequest extends HttpServletRequestWrapper {

	/** The form field with which a page (the till) sends its idempotency key. */
	static final String KEY_FIELD = "idempotencyKey";

	private final byte[] body;

	private final boolean form;

	private RepeatableRequest(HttpServletRequest request, byte[] body, boolean form) {
		super(request);
		this.body = body;
		this.form = form;
	}

	static RepeatableRequest of(HttpServletRequest request) throws IOException {
		boolean form = isForm(request);
		return new RepeatableRequest(request, form ? new byte[0] : request.getInputStream().readAllBytes(), form);
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type))
				|| type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
	}

	/** The key from the {@code Idempotency-Key} header, or a page's form field; null when there is none. */
	@Nullable String idempotencyKey() {
		String header = getHeader(IdempotencyFilter.HEADER);
		if (header != null || !form) {
			return header;
		}
		return getParameter(KEY_FIELD);
	}

	/** What makes two requests the same request: method, path with query, and body (or form fields). */
	byte[] hash() {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update((getMethod() + " " + getRequestURI() + (getQueryString() == null ? "" : "?" + getQueryString())
					+ "\n").getBytes(StandardCharsets.UTF_8));
			if (form) {
				// Sorted, and without the key and the CSRF token: the same sale submitted twice hashes the same.
				Map<String, String[]> fields = new TreeMap<>(getParameterMap());
				fields.remove(KEY_FIELD);
				fields.remove("_csrf");
				fields.forEach((name, values) -> sha.update((name + "=" + String.join("\u0000", values) + "\n")
					.getBytes(StandardCharsets.UTF_8)));
			}
			else {
				sha.update(body);
			}
			return sha.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (form) {
			return super.getInputStream();
		}
		return new BodyStream(new ByteArrayInputStream(body));
	}

	/** The body kept in memory, read again from its start by each attempt. */
	private static final class BodyStream extends ServletInputStream {

		private final ByteArrayInputStream in;

		BodyStream(ByteArrayInputStream in) {
			this.in = in;
		}

		@Override
		public int read() {
			return in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return in.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("The body was read already");
		}

	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (form) {
			return super.getReader();
		}
		String encoding = getCharacterEncoding();
		Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

}
