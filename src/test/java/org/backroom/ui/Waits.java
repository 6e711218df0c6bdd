package org.backroom.ui;

import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How browser tests wait: up to ten seconds, looking again while the page is not there yet or is replaced under
 * them, and at once failing with the real cause otherwise. A dead driver or browser (a quit session, a crashed
 * chromedriver, an unreachable Chromium) is not something to wait out: ignoring it would turn it into a timeout.
 */
final class Waits {

	static final Duration PATIENCE = Duration.ofSeconds(10);

	private Waits() {
	}

	/** Waits until {@code condition} answers something other than null or false. */
	static <T> T until(WebDriver driver, Function<WebDriver, T> condition) {
		WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
		wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
		return wait.until(current -> {
			try {
				return condition.apply(current);
			}
			catch (WebDriverException ex) {
				if (pageReplaced(ex)) {
					return null;
				}
				throw ex;
			}
		});
	}

	/**
	 * Whether the page went away under the element or script just used (a navigation or an htmx swap): Chromium
	 * reports it as a plain WebDriverException naming the node or the script's context, not as a stale element.
	 */
	static boolean pageReplaced(WebDriverException ex) {
		String message = String.valueOf(ex.getRawMessage());
		return message.contains("does not belong to the document") || message.contains("Execution context was destroyed")
				|| message.contains("Cannot find context with specified id")
				|| message.contains("No node with given id found");
	}

}
