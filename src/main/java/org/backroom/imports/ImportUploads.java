package org.backroom.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.backroom.imports.ImportRefusals.FileTooLarge;

import org.springframework.stereotype.Component;

/**
 * Reads an uploaded file up to the largest an import takes ({@code backroom.import.max-file-size}, 50 MB), and
 * refuses a larger one with 413 before anything is kept: by its Content-Length when it says, else once the bytes
 * run past the limit.
 */
@Component
class ImportUploads {

	private final long maxBytes;

	ImportUploads(ImportSettings settings) {
		this.maxBytes = settings.maxFileSize().toBytes();
	}

	long maxBytes() {
		return maxBytes;
	}

	/** Whether a request announcing this length is refused before it is read. */
	boolean tooLarge(long contentLength) {
		return contentLength > maxBytes;
	}

	byte[] read(HttpServletRequest request) throws IOException {
		if (tooLarge(request.getContentLengthLong())) {
			throw new FileTooLarge(maxBytes);
		}
		return read(request.getInputStream());
	}

	byte[] read(InputStream in) throws IOException {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		for (int n; (n = in.read(buffer)) > 0;) {
			total += n;
			if (total > maxBytes) {
				throw new FileTooLarge(maxBytes);
			}
			file.write(buffer, 0, n);
		}
		return file.toByteArray();
	}

}
