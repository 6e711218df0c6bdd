package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The import page as a manager uses it: from the customer list to the upload, a preview that names each bad row by
 * line and column, a corrected file started and followed to the end on its progress bar, and its undo.
 */
class ImportBrowserTests extends BrowserTest {

	private static final String HEADER = "code,name,email,phone,address,taxNumber,notes,creditAllowed,creditLimit\n";

	@Test
	void aFileIsPreviewedWithItsErrorsThenImportedWithAProgressBarAndUndone() throws IOException {
		long known = newCustomer(unique("Known Kim"));
		String code = api.get("/api/customers/" + known).json().path("code").asString();
		String fresh = unique("Imported Ida");
		Path bad = file("customers-bad.csv", HEADER + code + ",Kim Renamed,kim@example.com,,,,,false,\n"
				+ "," + fresh + ",not-an-email,,,,,false,\n" + ",,,,,,,yes,\n");
		Path good = file("customers.csv", HEADER + code + ",Kim Renamed,kim@example.com,,,,,false,\n"
				+ "," + fresh + ",ida@example.com,555,,,,false,\n");

		signInAsOwner();
		open("/customers");
		waitFor(By.id("import-csv")).click();
		waitFor(By.id("file")).sendKeys(bad.toString());
		assertThat(seriousAccessibilityViolations()).isEmpty();
		browser.findElement(By.id("check-file")).click();

		waitForText(By.id("error-count"), "3");
		assertThat(browser.findElement(By.id("errors")).getText())
			.contains("3 email is not an email address")
			.contains("4 name is required")
			.contains("4 creditAllowed must be true or false");
		assertThat(browser.findElements(By.id("start-import"))).isEmpty();
		assertThat(seriousAccessibilityViolations()).isEmpty();
		screenshot("import-preview");

		open("/imports?kind=customers");
		waitFor(By.id("file")).sendKeys(good.toString());
		browser.findElement(By.id("check-file")).click();
		waitForText(By.id("to-create"), "1");
		assertThat(browser.findElement(By.id("to-update")).getText()).isEqualTo("1");
		browser.findElement(By.id("start-import")).click();

		waitForText(By.id("job-status"), "Done");
		assertThat(waitFor(By.id("progress")).getAttribute("aria-valuenow")).isEqualTo("100");
		assertThat(browser.findElement(By.id("job-counts")).getText()).startsWith("1 created, 1 updated");
		assertThat(seriousAccessibilityViolations()).isEmpty();
		assertThat(api.get("/api/customers/" + known).json().path("name").asString()).isEqualTo("Kim Renamed");

		browser.findElement(By.id("undo-reason")).sendKeys("Wrong file");
		browser.findElement(By.id("undo-import")).click();
		waitForText(By.tagName("h1"), "Undo");
		waitForText(By.id("job-status"), "Done");
		assertThat(browser.findElement(By.id("job-counts")).getText()).startsWith("1 put back, 1 removed");
		assertThat(api.get("/api/customers/" + known).json().path("name").asString()).startsWith("Known Kim");
		assertThat(policyViolations()).isEmpty();
	}

	private static Path file(String name, String csv) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "import-files").toAbsolutePath());
		return Files.writeString(dir.resolve(name), csv, StandardCharsets.UTF_8);
	}

}
