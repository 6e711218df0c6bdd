package org.backroom.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests only where Chromium and chromedriver are installed, and says so plainly when it skips them.
 * With {@code BACKROOM_BROWSER_TESTS=required} (as in CI) a missing browser fails the build instead.
 */
class BrowserAvailable implements ExecutionCondition {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BACKROOM_CHROMIUM", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("BACKROOM_CHROMEDRIVER", "/usr/bin/chromedriver"));

	static final String SKIPPED = "browser tests skipped: chromium/chromedriver not found";

	private static boolean told;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return ConditionEvaluationResult.enabled("chromium and chromedriver found");
		}
		String where = " (looked for " + CHROMIUM + " and " + CHROMEDRIVER + "; apt-get install -y chromium chromium-driver)";
		if ("required".equalsIgnoreCase(System.getenv("BACKROOM_BROWSER_TESTS"))) {
			throw new IllegalStateException("BACKROOM_BROWSER_TESTS=required but chromium/chromedriver not found" + where);
		}
		synchronized (BrowserAvailable.class) {
			if (!told) {
				told = true;
				System.out.println("[WARNING] " + SKIPPED + where);
			}
		}
		return ConditionEvaluationResult.disabled(SKIPPED + where);
	}

}
