package org.backroom.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.backroom.imports.ImportRefusals.UnreadableFile;

/**
 * A CSV file as RFC 4180 writes it (our exports' format): UTF-8 (a byte order mark is allowed), comma separated,
 * CRLF or LF line ends, a cell with a comma, quote or line break in quotes with its quotes doubled. Each record
 * keeps the line it starts on, so that errors name the line a spreadsheet shows. A file that is not UTF-8 or not
 * CSV is refused as a whole, naming the line.
 */
final class CsvFile {

	/** One record of the file: the line it starts on and its cells. */
	record Record(int line, List<String> cells) {
	}

	private final String text;

	private int at;

	private int line = 1;

	private CsvFile(String text) {
		this.text = text;
		this.at = text.startsWith("\uFEFF") ? 1 : 0;
	}

	/** Every record of the file, the header first; blank lines are left out. */
	static List<Record> read(byte[] bytes) {
		CsvFile file = new CsvFile(decode(bytes));
		List<Record> records = new ArrayList<>();
		while (file.at < file.text.length()) {
			Record record = file.next();
			if (!(record.cells().size() == 1 && record.cells().get(0).isBlank())) {
				records.add(record);
			}
		}
		if (records.isEmpty()) {
			throw UnreadableFile.empty();
		}
		return records;
	}

	private static String decode(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			throw UnreadableFile.encoding(lineAt(bytes, in.position()));
		}
		decoder.flush(out);
		return out.flip().toString();
	}

	private static int lineAt(byte[] bytes, int position) {
		int line = 1;
		for (int i = 0; i < position; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private Record next() {
		int start = line;
		List<String> cells = new ArrayList<>();
		while (true) {
			cells.add(cell());
			if (at >= text.length()) {
				return new Record(start, cells);
			}
			char separator = text.charAt(at++);
			if (separator == '\n' || separator == '\r') {
				if (separator == '\r' && at < text.length() && text.charAt(at) == '\n') {
					at++;
				}
				line++;
				return new Record(start, cells);
			}
		}
	}

	/** One cell, leaving {@code at} on the comma or line end after it (or the end of the file). */
	private String cell() {
		if (at < text.length() && text.charAt(at) == '"') {
			return quoted();
		}
		int from = at;
		while (at < text.length()) {
			char c = text.charAt(at);
			if (c == ',' || c == '\n' || c == '\r') {
				break;
			}
			if (c == '"') {
				throw UnreadableFile.strayQuote(line);
			}
			at++;
		}
		return text.substring(from, at);
	}

	private String quoted() {
		int opened = line;
		StringBuilder cell = new StringBuilder();
		at++;
		while (true) {
			if (at >= text.length()) {
				throw UnreadableFile.openQuote(opened);
			}
			char c = text.charAt(at++);
			if (c == '"') {
				if (at < text.length() && text.charAt(at) == '"') {
					cell.append('"');
					at++;
					continue;
				}
				if (at < text.length() && ",\r\n".indexOf(text.charAt(at)) < 0) {
					throw UnreadableFile.strayQuote(line);
				}
				return cell.toString();
			}
			if (c == '\n') {
				line++;
			}
			cell.append(c);
		}
	}

}
