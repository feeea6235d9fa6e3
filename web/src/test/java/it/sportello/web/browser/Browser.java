package it.sportello.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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

	private static final String LAYOUT_CHECK = resource("/browser/layout-check.js");

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
		press(element, Keys.ENTER);
	}

	/** Types the keys into the element (Enter in a text field submits its form) and waits for the next page. */
	static void press(WebElement element, CharSequence keys) {
		WebElement page = driver().findElement(By.tagName("html"));
		element.sendKeys(keys);
		// while the next document commits, Chromium may answer a script with an inspector error: ask again
		WebDriverWait wait = new WebDriverWait(driver(), Duration.ofSeconds(20), Duration.ofMillis(50));
		wait.ignoring(WebDriverException.class);
		wait.until(ExpectedConditions.stalenessOf(page));
		wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/**
	 * The page is in the language, right to left in Arabic, axe-core finds nothing against WCAG 2.1 AA, and a person
	 * would see nothing wrong with it at the current screen width ({@link #layoutProblems()}).
	 */
	static void checkPage(String lang) {
		WebElement html = driver().findElement(By.tagName("html"));
		assertThat(html.getAttribute("lang")).as(driver().getCurrentUrl()).isEqualTo(lang);
		assertThat(html.getAttribute("dir")).isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
		assertThat(layoutProblems()).as("what a person sees on " + driver().getCurrentUrl()).isEmpty();
		assertThat(accessibilityViolations()).as("axe-core on " + driver().getCurrentUrl()).isEmpty();
	}

	/** A phone held upright (390 px wide, touch, the page's own viewport), as the citizens' pages are used. */
	static void phone() {
		screen(390, 844, true);
	}

	/** An office screen (1366 px), as the staff pages are used. */
	static void desk() {
		screen(1366, 900, false);
	}

	private static void screen(int width, int height, boolean mobile) {
		((ChromeDriver) driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	/**
	 * What a person would see wrong on the page shown (browser/layout-check.js): wider than the screen, text over the
	 * text of another element, a checkbox or radio without a visible box or focus, Enter not doing a form's main
	 * action, an error summary without the focus.
	 */
	@SuppressWarnings("unchecked")
	static List<String> layoutProblems() {
		return (List<String>) ((JavascriptExecutor) driver()).executeScript(LAYOUT_CHECK);
	}

	/** Saves what the browser shows to target/screenshots/{name}.png, to look at after a run. */
	static void screenshot(String name) {
		try {
			Path file = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The WCAG 2.1 A and AA violations axe-core finds on the page shown, described for a failure message. */
	static List<String> accessibilityViolations() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver());
		return results.getViolations().stream().map(Browser::describe).toList();
	}

	private static String resource(String path) {
		try (InputStream in = Browser.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5).toList() + " on "
				+ driver().getCurrentUrl();
	}
}
