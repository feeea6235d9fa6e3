package it.sportello.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.booking.Citizens;
import it.sportello.web.booking.Citizens.Citizen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An association's member in Chromium, in Arabic on a phone and in Italian at a desk: from the dashboard to a Questura,
 * the client form (its errors first), a time, the client's receipt, the bookings list, and the CSV page with its
 * error and its report. Every page passes axe-core and the layout check.
 */
class AssociationBrowserTest extends RunningServerTest {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	WebDriver browser;

	@ParameterizedTest
	@CsvSource({ "ar, phone", "it, desk" })
	void aMemberBooksForAClientGetsTheReceiptAndBooksAFile(String lang, String screen) throws IOException {
		if ("phone".equals(screen)) {
			Browser.phone();
		}
		else {
			Browser.desk();
		}
		AgendaFixtures fixtures = new AgendaFixtures(context);
		Agenda agenda = fixtures.newQuestura("patronato-" + lang);
		String slug = agenda.tenant().id().slug();
		long slot = fixtures.slotAt(agenda, Instant.now().plus(Duration.ofDays(20)), 2);
		LocalDate fileDay = AgendaFixtures.workingDayAhead(30);
		fixtures.slotAt(agenda, fileDay.atTime(9, 0).atZone(ROME).toInstant(), 2);
		Citizen member = new Citizens(context).create("Operatrice del patronato");
		context.getBean(Memberships.class).save(Membership.associationMember(member.accountId(), fixtures.association(5)));
		signIn(member, lang);

		open("/association", lang);
		Browser.press(browser.findElement(By.cssSelector("main a[href='/association/book']")));
		Browser.checkPage(lang);
		Browser.press(browser.findElement(By.cssSelector("main a[href='/q/" + slug + "/book']")));
		Browser.checkPage(lang);
		Browser.press(browser.findElement(By.cssSelector("a[href$='/book/" + agenda.associationsOnly() + "']")));
		Browser.checkPage(lang);

		Browser.press(continueButton());
		assertThat(browser.findElement(By.id("error-summary")).findElements(By.cssSelector("a[href='#language']")))
			.hasSize(1);
		Browser.checkPage(lang);
		shot("client-form", lang, screen, "language");
		browser.findElement(By.id("fullName")).sendKeys("ar".equals(lang) ? "كريمة العلوي" : "Karima Alaoui");
		browser.findElement(By.id("idKind2")).sendKeys(Keys.SPACE);
		new Select(browser.findElement(By.id("documentType"))).selectByValue("PASSPORT");
		new Select(browser.findElement(By.id("documentCountry"))).selectByValue("MA");
		browser.findElement(By.id("documentNumber")).sendKeys("KA" + member.accountId() + "1");
		new Select(browser.findElement(By.id("nationality"))).selectByValue("MA");
		((JavascriptExecutor) browser).executeScript("document.getElementById('birthDate').value = '1986-02-03'");
		new Select(browser.findElement(By.id("language"))).selectByValue(lang);
		browser.findElement(By.id("privacy")).sendKeys(Keys.SPACE);
		Browser.press(continueButton());

		Browser.checkPage(lang);
		chooseWithTheKeyboard(agenda, slot);
		Browser.press(browser.findElement(By.cssSelector("#times button[type=submit]")));
		Browser.checkPage(lang);
		Browser.press(browser.findElement(By.cssSelector("main form button[type=submit]")));

		assertThat(browser.getCurrentUrl()).contains("/association/bookings/" + slug + "/").endsWith("/receipt");
		String reference = browser.findElement(By.cssSelector("main .reference")).getText();
		assertThat(browser.findElement(By.cssSelector("img.qr")).getAttribute("alt")).contains(reference);
		assertThat(browser.findElements(By.cssSelector("a[href$='/" + reference + "/receipt.pdf']"))).hasSize(1);
		Browser.checkPage(lang);
		shot("receipt", lang, screen, "main");
		assertThat(TenantContext.callAs(agenda.tenant(), () -> queries.find(new BookingReference(reference))).orElseThrow()
			.language()).isEqualTo(lang);

		Browser.press(browser.findElement(By.cssSelector("main a[href='/association/bookings']")));
		assertThat(browser.findElement(By.id("association-bookings")).getText()).contains(reference)
			.contains("Pratica RINNOVO");
		Browser.checkPage(lang);
		shot("bookings", lang, screen, "association-bookings");

		Browser.press(browser.findElement(By.cssSelector("main a[href='/association/import']")));
		Browser.checkPage(lang);
		shot("import-codes", lang, screen, "example");
		Browser.press(browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(browser.findElement(By.id("error-summary")).findElements(By.cssSelector("a[href='#questura']")))
			.hasSize(1);
		Browser.checkPage(lang);
		new Select(browser.findElement(By.id("questura"))).selectByValue(slug);
		Path file = Files.createTempFile("clienti", ".csv");
		Files.writeString(file, "full_name;document_type;document_country;document_number;practice;from;to;language\n"
				+ "Awa Diop;PASSPORT;SN;AD" + member.accountId() + "2;RINNOVO;" + fileDay + ";" + fileDay + ";fr\n",
				StandardCharsets.UTF_8);
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		Browser.press(browser.findElement(By.cssSelector("main form button[type=submit]")));
		Files.delete(file);
		assertThat(browser.findElement(By.id("report")).getText()).contains("Awa Diop").contains("09:00");
		assertThat(new Select(browser.findElement(By.id("questura"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(slug);
		Browser.checkPage(lang);
		shot("import-report", lang, screen, "report");
	}

	/** A screenshot of the page scrolled to the element, to look at after a run (target/screenshots). */
	private void shot(String page, String lang, String screen, String elementId) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", elementId);
		Browser.screenshot("association-" + page + "-" + lang + "-" + screen);
	}

	/** Goes to the slot's month and day by following the calendar's links, picks the time, all from the keyboard. */
	private void chooseWithTheKeyboard(Agenda agenda, long slot) {
		LocalDate day = jdbc.queryForObject("select starts_at from " + agenda.tenant().schema() + ".slot where id = ?",
				Timestamp.class, slot).toInstant().atZone(ROME).toLocalDate();
		By dayLink = By.cssSelector("a.free-day[href*='day=" + day + "']");
		for (int months = 0; months < 3 && browser.findElements(dayLink).isEmpty(); months++) {
			Browser.press(browser.findElement(By.cssSelector("a[href$='month=" + YearMonth.from(day) + "']")));
		}
		Browser.press(browser.findElement(dayLink));
		Browser.checkPage(browser.findElement(By.tagName("html")).getAttribute("lang"));
		WebElement time = browser.findElement(By.id("slot-" + slot));
		time.sendKeys(Keys.SPACE);
		assertThat(time.isSelected()).isTrue();
	}

	private WebElement continueButton() {
		return browser.findElement(By.cssSelector("main form > button.btn-primary[type=submit]"));
	}

	private void signIn(Citizen member, String lang) {
		browser = Browser.driver();
		browser.manage().deleteAllCookies();
		open("/login?lang=" + lang, lang);
		browser.findElement(By.id("email")).sendKeys(member.email());
		browser.findElement(By.id("password")).sendKeys(Citizens.PASSWORD);
		Browser.press(browser.findElement(By.cssSelector("main button[type=submit]")));
	}

	private void open(String path, String lang) {
		browser.get(url(path));
		Browser.checkPage(lang);
	}
}
