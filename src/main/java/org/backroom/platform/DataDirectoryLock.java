package org.backroom.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The lock on {@code backroom.lock} that keeps two running Backrooms off one data directory. */
final class DataDirectoryLock {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path base) throws IOException {
		FileChannel channel = FileChannel.open(base.resolve("backroom.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("Another running Backroom uses the data directory " + base
					+ "; stop it first or choose another BACKROOM_DATA_DIR");
		}
		return new DataDirectoryLock(channel, lock);
	}

	void release() throws IOException {
		lock.release();
		channel.close();
	}

}
