package org.backroom.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** axe-core's script, read once from the test class path (Deque's axe-core selenium jar ships {@code axe.min.js}). */
final class Axe {

	static final String SOURCE = read();

	private Axe() {
	}

	private static String read() {
		try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
