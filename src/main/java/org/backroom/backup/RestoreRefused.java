package org.backroom.backup;

/** A restore that will not start, or that found the backup wrong: nothing was written, and the message says why. */
final class RestoreRefused extends RuntimeException {

	RestoreRefused(String message) {
		super(message, null, false, false);
	}

	RestoreRefused(String message, Throwable cause) {
		super(message, cause);
	}

}
