package org.backroom.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A browser test whose driver or browser died fails at once with the cause, not after a ten-second timeout that
 * reads like a slow page. Needs no application: a page of its own is enough.
 */
@ExtendWith(BrowserAvailable.class)
class BrowserWaitTests {

	private static final String PAGE = "data:text/html,<p id=here>here</p>";

	@Test
	void aWaitOnAQuitDriverFailsAtOnceNamingTheEndedSession(@TempDir Path profile) {
		ChromeDriver chrome = BrowserTest.chromium(profile);
		chrome.get(PAGE);
		assertThat(Waits.until(chrome, ExpectedConditions.visibilityOfElementLocated(By.id("here"))).getText())
			.isEqualTo("here");
		chrome.quit();

		long started = System.nanoTime();
		Throwable failure = catchThrowable(
				() -> Waits.until(chrome, ExpectedConditions.visibilityOfElementLocated(By.id("here"))));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(failure).isInstanceOf(NoSuchSessionException.class).hasMessageContaining("quit");
	}

	@Test
	void aWaitOnACrashedBrowserFailsAtOnceWithTheDriversReason(@TempDir Path profile) {
		ChromeDriverService service = BrowserTest.chromedriver();
		ChromeDriver chrome = BrowserTest.chromium(profile, service);
		try {
			chrome.get(PAGE);
			long pid = ((Number) chrome.getCapabilities().getCapability("goog:processID")).longValue();
			ProcessHandle.of(pid).orElseThrow().destroyForcibly();
			// Dead, not gone: chromedriver does not reap it, so it stays a zombie that onExit() would wait on forever.
			await().atMost(Duration.ofSeconds(5)).until(() -> !running(pid));

			long started = System.nanoTime();
			Throwable failure = catchThrowable(
					() -> Waits.until(chrome, ExpectedConditions.visibilityOfElementLocated(By.id("here"))));

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Waits.PATIENCE.dividedBy(2));
			assertThat(failure).isInstanceOf(WebDriverException.class).isNotInstanceOf(TimeoutException.class);
			assertThat(failure).hasMessageContaining("browser has closed the connection");
		}
		finally {
			// Not quit(): chromedriver would wait minutes for the dead browser to answer. Ending it ends the session.
			service.stop();
		}
	}

	/** Whether the process still runs: on Linux, neither gone nor a zombie ("Z" in /proc/<pid>/stat). */
	private static boolean running(long pid) throws IOException {
		String line;
		try {
			line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		}
		catch (NoSuchFileException gone) {
			return false;
		}
		return !line.substring(line.lastIndexOf(')') + 2).startsWith("Z");
	}

}
