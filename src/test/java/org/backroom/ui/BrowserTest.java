package org.backroom.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of browser tests: the real application on a random port with its embedded PostgreSQL, driven by Debian's
 * headless Chromium the way a person would click it. One browser per test class; setup data goes through the API.
 */
@BackroomTest
@ExtendWith(BrowserAvailable.class)
abstract class BrowserTest extends ApiTest {

	protected static WebDriver browser;

	private static final String WATCHER = """
			window.__csp = [];
			window.__htmx = { pending: 0, last: Date.now() };
			document.addEventListener('securitypolicyviolation', function (e) {
			  window.__csp.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
			});
			['htmx:beforeRequest', 'htmx:afterRequest', 'htmx:afterSettle', 'htmx:load'].forEach(function (name) {
			  document.addEventListener(name, function () {
			    window.__htmx.last = Date.now();
			    if (name === 'htmx:beforeRequest') { window.__htmx.pending++; }
			    if (name === 'htmx:afterRequest') { window.__htmx.pending--; }
			  });
			});
			""";

	private static Path profile;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		profile = Files.createTempDirectory("backroom-chromium-");
		ChromeDriver chrome = chromium(profile);
		// Before any page script: note every Content-Security-Policy violation and when htmx last did anything, so
		// tests can check that a page broke no rule once it is quiet. Injected by DevTools, so the policy allows it.
		chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCHER));
		browser = chrome;
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	/** Debian's Chromium, headless, with its own profile, driven by its chromedriver. */
	static ChromeDriver chromium(Path profile) {
		return chromium(profile, chromedriver());
	}

	static ChromeDriverService chromedriver() {
		return new ChromeDriverService.Builder()
			.usingDriverExecutable(BrowserAvailable.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
	}

	static ChromeDriver chromium(Path profile, ChromeDriverService service) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BrowserAvailable.CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900");
		return new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	/** Every test leaves a picture of where it ended: target/screenshots/<test>.png. */
	@AfterEach
	void screenshotAndSignOut(TestInfo test) {
		screenshot(test.getTestMethod().map(method -> method.getName()).orElse(test.getDisplayName()));
		browser.manage().deleteAllCookies();
	}

	protected void screenshot(String name) {
		try {
			Path file = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	protected void signIn(String username, String password) {
		browser.manage().deleteAllCookies();
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(By.cssSelector("form.signout"));
	}

	protected void signInAsOwner() {
		signIn("admin", ADMIN_PASSWORD);
	}

	/** Makes a staff user with these roles; answers the user name (the password is STAFF_PASSWORD). */
	protected String newStaff(String... roles) {
		String username = "ui" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		var created = api.post("/api/staff", Map.of("username", username, "displayName", "Staff " + username,
				"password", STAFF_PASSWORD, "roles", List.of(roles)));
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create a staff user: " + created);
		}
		return username;
	}

	/** Waits until the page has loaded and htmx has had nothing to do for a moment (its loads are in). */
	protected void waitUntilQuiet() {
		Waits.until(browser, driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
				"return document.readyState === 'complete'"
						+ " && (!!window.htmx || !document.querySelector('script[src*=htmx]')) && window.__htmx.pending === 0"
						+ " && Date.now() - window.__htmx.last > 400")));
	}

	/** The Content-Security-Policy violations the current page reported so far. */
	@SuppressWarnings("unchecked")
	protected List<String> policyViolations() {
		Object found = ((JavascriptExecutor) browser).executeScript("return window.__csp || []");
		return List.copyOf((List<String>) found);
	}

	/**
	 * Runs axe-core (the copy bundled in Deque's axe-core jar, injected by the test, never served by Backroom) on
	 * the current page and answers its violations of impact serious or critical, one line each, naming the rule
	 * and the elements.
	 */
	@SuppressWarnings("unchecked")
	protected List<String> seriousAccessibilityViolations() {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		if (!Boolean.TRUE.equals(js.executeScript("return !!window.axe"))) {
			js.executeScript(Axe.SOURCE);
		}
		Object found = js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then(function (results) {
				  done(results.violations
				    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				    .map(function (v) {
				      return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
				    }));
				}, function (error) { done(['axe failed: ' + error]); });""");
		return List.copyOf((List<String>) found);
	}

	protected WebElement waitFor(By locator) {
		return Waits.until(browser, ExpectedConditions.visibilityOfElementLocated(locator));
	}

	protected void waitForText(By locator, String text) {
		Waits.until(browser, ExpectedConditions.textToBePresentInElementLocated(locator, text));
	}

	/** Opens the record page's Actions menu and picks an action; answers the dialog it shows. */
	protected WebElement chooseAction(String verb) {
		browser.findElement(By.cssSelector("details.menu > summary")).click();
		waitFor(By.id("action-" + verb)).click();
		return waitFor(By.cssSelector("#action-dialog[data-verb='" + verb + "']"));
	}

	/** Gives a reason in the open dialog and confirms. */
	protected void confirmWithReason(String reason) {
		WebElement dialog = waitFor(By.id("action-dialog"));
		dialog.findElement(By.id("reason")).sendKeys(reason);
		dialog.findElement(By.cssSelector("button[type=submit]")).click();
	}

	protected static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 6);
	}

	protected long newCustomer(String name) {
		return api.post("/api/customers", Map.of("name", name)).json().path("id").asLong();
	}

	protected long newItem(String name, String sku, String barcode, String price) {
		var created = api.post("/api/items", Map.of("sku", sku, "name", name, "barcode", barcode, "price", price));
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create an item: " + created);
		}
		return created.json().path("id").asLong();
	}

	/** Records a cash sale through the API; answers its number. */
	protected String sell(long customerId, long itemId) {
		var sold = api.post("/api/sales-orders", Map.of("customerId", customerId, "payment", "CASH", "lines",
				List.of(Map.of("itemId", itemId, "quantity", 1))));
		if (sold.status() != 201) {
			throw new IllegalStateException("Could not sell: " + sold);
		}
		return sold.json().path("number").asString();
	}

}
