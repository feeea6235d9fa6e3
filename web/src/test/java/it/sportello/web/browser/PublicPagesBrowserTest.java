package it.sportello.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The pages anyone can open, on a phone in each language: the Questure, an office, signing in and registering (with
 * a refused form), the footer's privacy notice, accessibility statement, legal notes and contacts. Each page must look
 * right to a person ({@link Browser#checkPage}): nothing wider than the phone, no text over text, checkboxes drawn,
 * Enter doing the main action, errors seen.
 */
class PublicPagesBrowserTest extends RunningServerTest {

	@Autowired
	ApplicationContext context;

	WebDriver browser;

	@ParameterizedTest
	@ValueSource(strings = { "ar", "it" })
	void everyPublicPageLooksRightOnAPhone(String lang) {
		Agenda agenda = new AgendaFixtures(context).newQuestura("pubblica");
		new AgendaFixtures(context).slotAt(agenda, Instant.now().plus(Duration.ofDays(10)), 2);
		browser = Browser.driver();
		browser.manage().deleteAllCookies();
		Browser.phone();

		for (String path : new String[] { "/", "/q/" + agenda.tenant().id().slug(), "/login", "/password/forgot",
				"/privacy", "/accessibility", "/legal", "/contacts" }) {
			browser.get(url(path + "?lang=" + lang));
			Browser.checkPage(lang);
		}

		// the footer leads to the four pages a public service must have
		assertThat(browser.findElements(By.cssSelector("footer a")).stream().map(a -> a.getAttribute("href")))
			.anySatisfy(href -> assertThat(href).endsWith("/privacy"))
			.anySatisfy(href -> assertThat(href).endsWith("/accessibility"))
			.anySatisfy(href -> assertThat(href).endsWith("/legal"))
			.anySatisfy(href -> assertThat(href).endsWith("/contacts"));

		// registering: the consent box is drawn and linked to the notice; Enter with the box unticked shows the error
		browser.get(url("/register?lang=" + lang));
		Browser.checkPage(lang);
		assertThat(browser.findElement(By.cssSelector(".consent a")).getAttribute("href")).endsWith("/privacy");
		browser.findElement(By.id("displayName")).sendKeys("Awa Diop");
		browser.findElement(By.id("email")).sendKeys("awa." + System.nanoTime() + "@example.it");
		browser.findElement(By.id("password")).sendKeys("una frase lunga per la prova");
		Browser.press(browser.findElement(By.id("password")), Keys.ENTER);
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
		assertThat(browser.findElement(By.id("error-summary")).findElements(By.cssSelector("a[href='#privacyAccepted']")))
			.hasSize(1);
		Browser.checkPage(lang);

		// the box ticks from its label, as a finger does, and the account is made
		browser.findElement(By.cssSelector("label[for=privacyAccepted]")).click();
		assertThat(browser.findElement(By.id("privacyAccepted")).isSelected()).isTrue();
		browser.findElement(By.id("password")).clear();
		browser.findElement(By.id("password")).sendKeys("una frase lunga per la prova");
		Browser.press(browser.findElement(By.id("password")), Keys.ENTER);
		assertThat(browser.findElement(By.id("register-sent")).isDisplayed()).isTrue();
		Browser.checkPage(lang);
	}

	/** The control: a page with each fault, which the check must name; without it a silent check would pass all. */
	@org.junit.jupiter.api.Test
	void theLayoutCheckFindsEachFaultOnAPageMadeOfThem() {
		browser = Browser.driver();
		Browser.phone();
		browser.get("data:text/html;charset=utf-8," + java.net.URLEncoder.encode("""
				<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>
				<body><div style="width:500px">wide</div>
				<h1 style="margin:0">Title</h1><label style="position:relative;top:-30px">Label over the title</label>
				<input type="checkbox" id="c" style="opacity:0"><label for="c">Invisible box</label>
				<form><input type="text" name="n"><button type="submit" name="add">Add a child</button>
				<button type="submit" class="btn-primary">Continue</button></form>
				<p><input id="bare" style="border:0;box-shadow:none"></p>
				<div id="error-summary" tabindex="-1">Errors</div></body></html>""",
				java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));

		assertThat(Browser.layoutProblems()).anySatisfy(p -> assertThat(p).contains("px wide on a 390 px screen"))
			.anySatisfy(p -> assertThat(p).startsWith("text over text").contains("Label over the title"))
			.anySatisfy(p -> assertThat(p).contains("Invisible box").contains("no visible box"))
			.anySatisfy(p -> assertThat(p).contains("Add a child").contains("not the main action"))
			.anySatisfy(p -> assertThat(p).contains("input#bare").contains("no visible edge"))
			.anySatisfy(p -> assertThat(p).contains("error summary is shown but the focus"));
	}

	@AfterEach
	void backToTheDesk() {
		Browser.desk();
	}
}
