package org.backroom.reporting;

import java.io.IOException;
import java.io.Writer;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A report's CSV attachment, opened (its headers set, the response's writer taken) only at its first character.
 * Until the report's query has answered nothing is decided, so a failure before the first row (a replica that is
 * away) is still answered as {@code application/problem+json} with its own status, not as a broken {@code 200}.
 */
final class CsvDownload extends Writer {

	private final HttpServletResponse response;

	private final String filename;

	private @Nullable Writer out;

	CsvDownload(HttpServletResponse response, String filename) {
		this.response = response;
		this.filename = filename;
	}

	@Override
	public void write(char[] chars, int offset, int length) throws IOException {
		open().write(chars, offset, length);
	}

	@Override
	public void write(String text, int offset, int length) throws IOException {
		open().write(text, offset, length);
	}

	@Override
	public void flush() throws IOException {
		if (out != null) {
			out.flush();
		}
	}

	@Override
	public void close() throws IOException {
		if (out != null) {
			out.close();
		}
	}

	private Writer open() throws IOException {
		if (out == null) {
			response.setContentType("text/csv");
			response.setCharacterEncoding("UTF-8");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
			out = response.getWriter();
		}
		return out;
	}

}
