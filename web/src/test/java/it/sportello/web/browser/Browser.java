package it.sportello.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one Chromium of the test JVM (Debian's chromium and chromedriver, never a download), started on first use and
 * quit when the JVM ends. A machine without them fails the tests that need it; they do not skip.
 */
final class Browser {

	static final String CHROMIUM = System.getProperty("sportello.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("sportello.chromedriver", "/usr/bin/chromedriver");

	private static WebDriver driver;

	private Browser() {
	}

	static synchronized WebDriver driver() {
		if (driver == null) {
			if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
				throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
						+ " (apt-get install chromium chromium-driver; .ci/run does it)");
			}
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280,1000", "--lang=it");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER)
				.toFile()).build();
			driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
		}
		return driver;
	}

	/** Activates a link or button with the Enter key, as a keyboard user does, and waits for the next page. */
	static void press(WebElement element) {
		WebElement page = driver().findElement(By.tagName("html"));
		element.sendKeys(Keys.ENTER);
		// while the next document commits, Chromium may answer a script with an inspector error: ask again
		WebDriverWait wait = new WebDriverWait(driver(), Duration.ofSeconds(20), Duration.ofMillis(50));
		wait.ignoring(WebDriverException.class);
		wait.until(ExpectedConditions.stalenessOf(page));
		wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/** The page is in the language, right to left in Arabic, and axe-core finds nothing against WCAG 2.1 AA. */
	static void checkPage(String lang) {
		WebElement html = driver().findElement(By.tagName("html"));
		assertThat(html.getAttribute("lang")).as(driver().getCurrentUrl()).isEqualTo(lang);
		assertThat(html.getAttribute("dir")).isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
		assertThat(accessibilityViolations()).as("axe-core on " + driver().getCurrentUrl()).isEmpty();
	}

	/** The WCAG 2.1 A and AA violations axe-core finds on the page shown, described for a failure message. */
	static List<String> accessibilityViolations() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver());
		return results.getViolations().stream().map(Browser::describe).toList();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5).toList() + " on "
				+ driver().getCurrentUrl();
	}
}
