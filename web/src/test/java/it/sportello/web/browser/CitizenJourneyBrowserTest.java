package it.sportello.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import it.sportello.core.booking.BookingQueries;
import it.sportello.core.event.EventRelay;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.booking.Citizens;
import it.sportello.web.booking.Citizens.Citizen;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The citizen's whole journey in Chromium, in each language: sign in, choose the practice, a validation error, the
 * details, a day and a time with the keyboard, confirm, the receipt, the e-mail, a move and a cancellation. axe-core
 * checks every page on the way against WCAG 2.1 AA.
 */
class CitizenJourneyBrowserTest extends RunningServerTest {

	/** What each language's pages and mail must say, from its own bundle. */
	private static final Map<String, String> BOOKED = Map.of("it", "Prenotazione confermata", "en",
			"Booking confirmed", "fr", "Réservation confirmée", "ar", "تم تأكيد الحجز");

	private static final Map<String, String> MAIL_SUBJECT = Map.of("it", "Appuntamento confermato", "en",
			"Appointment confirmed", "fr", "Rendez-vous confirmé", "ar", "تم تأكيد الموعد");

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingQueries queries;

	@Autowired
	EventRelay relay;

	@Autowired
	JdbcTemplate jdbc;

	WebDriver browser;

	@ParameterizedTest
	@ValueSource(strings = { "it", "ar", "en", "fr" })
	void aCitizenBooksMovesAndCancelsAndEveryPagePassesAxe(String lang) {
		AgendaFixtures fixtures = new AgendaFixtures(context);
		Agenda agenda = fixtures.newQuestura("browser");
		String slug = agenda.tenant().id().slug();
		long first = fixtures.slotAt(agenda, Instant.now().plus(Duration.ofDays(20)), 2);
		long second = fixtures.slotAt(agenda, Instant.now().plus(Duration.ofDays(22)), 2);
		Citizen citizen = new Citizens(context).create("Awa Diop");
		browser = Browser.driver();
		browser.manage().deleteAllCookies();
		Browser.phone();

		open("/login?lang=" + lang, lang);
		browser.findElement(By.id("email")).sendKeys(citizen.email());
		browser.findElement(By.id("password")).sendKeys(Citizens.PASSWORD);
		Browser.press(browser.findElement(By.cssSelector("main button[type=submit]")));

		open("/", lang);
		Browser.press(browser.findElement(By.cssSelector("main a[href='/q/" + slug + "']")));
		Browser.checkPage(lang);
		Browser.press(browser.findElement(By.id("book")));
		Browser.checkPage(lang);
		Browser.press(browser.findElement(By.cssSelector("a[href$='/book/" + agenda.application() + "']")));
		Browser.checkPage(lang);

		browser.findElement(By.id("idKind2")).sendKeys(Keys.SPACE);
		new Select(browser.findElement(By.id("documentType"))).selectByValue("PASSPORT");
		new Select(browser.findElement(By.id("documentCountry"))).selectByValue("SN");
		browser.findElement(By.id("documentNumber")).sendKeys("A" + citizen.accountId() + "77");
		new Select(browser.findElement(By.id("nationality"))).selectByValue("SN");
		((JavascriptExecutor) browser).executeScript("document.getElementById('birthDate').value = '1990-03-04'");
		// a child added, then Enter in its name: the form continues (and says what the child lacks), no second child
		Browser.press(browser.findElement(By.cssSelector("button[name=addChild]")));
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("children0.fullName");
		Browser.checkPage(lang);
		browser.switchTo().activeElement().sendKeys("Moussa Diop");
		Browser.press(browser.switchTo().activeElement(), Keys.ENTER);
		assertThat(browser.findElements(By.cssSelector("fieldset.child"))).hasSize(1);
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
		Browser.checkPage(lang);
		Browser.press(browser.findElement(By.cssSelector("button[name=removeChild]")));
		assertThat(browser.findElements(By.cssSelector("fieldset.child"))).isEmpty();
		Browser.press(continueButton());
		assertThat(browser.findElement(By.id("error-summary")).findElements(By.cssSelector("a[href='#privacy']")))
			.hasSize(1);
		Browser.checkPage(lang);
		browser.findElement(By.id("privacy")).sendKeys(Keys.SPACE);
		Browser.press(continueButton());

		Browser.checkPage(lang);
		chooseWithTheKeyboard(agenda, first);
		Browser.checkPage(lang);
		Browser.press(browser.findElement(By.cssSelector("#times button[type=submit]")));

		Browser.checkPage(lang);
		Browser.press(browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(browser.findElement(By.id("booked")).getText()).contains(BOOKED.get(lang));
		String reference = queries.activeBookingOfAccount(citizen.accountId()).orElseThrow().reference().value();
		assertThat(browser.findElement(By.cssSelector(".reference")).getText()).isEqualTo(reference);
		Browser.checkPage(lang);

		open("/me/booking/receipt", lang);
		assertThat(browser.findElement(By.cssSelector("img.qr")).getAttribute("alt")).contains(reference);
		relay.publishPending();
		List<MimeMessage> mails = TestSmtp.to(citizen.email());
		assertThat(mails).hasSize(1);
		assertThat(BookingMailsTest.calendarEntry(mails.get(0))).contains(reference);
		assertThat(BookingMailsTest.subject(mails.get(0))).startsWith(MAIL_SUBJECT.get(lang));

		open("/me", lang);
		Browser.press(browser.findElement(By.cssSelector("a[href='/me/booking/move']")));
		Browser.checkPage(lang);
		chooseWithTheKeyboard(agenda, second);
		Browser.press(browser.findElement(By.cssSelector("#times button[type=submit]")));
		assertThat(browser.findElement(By.id("done")).isDisplayed()).isTrue();
		Browser.checkPage(lang);
		assertThat(jdbc.queryForObject("select slot_id from " + agenda.tenant().schema() + ".booking where reference = ?",
				Long.class, reference)).isEqualTo(second);

		Browser.press(browser.findElement(By.cssSelector("a[href='/me/booking/cancel']")));
		Browser.checkPage(lang);
		Browser.press(browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(browser.findElements(By.id("no-booking"))).hasSize(1);
		Browser.checkPage(lang);
		assertThat(fixtures.activeBookings(agenda, second)).isZero();
	}

	@AfterEach
	void backToTheDesk() {
		Browser.desk();
	}

	/** Goes to the slot's month and day by following the calendar's links, picks the time, all from the keyboard. */
	private void chooseWithTheKeyboard(Agenda agenda, long slot) {
		LocalDate day = jdbc.queryForObject("select starts_at from " + agenda.tenant().schema() + ".slot where id = ?",
				Timestamp.class, slot).toInstant().atZone(ZoneId.of("Europe/Rome")).toLocalDate();
		By dayLink = By.cssSelector("a.free-day[href*='day=" + day + "']");
		for (int months = 0; months < 3 && browser.findElements(dayLink).isEmpty(); months++) {
			Browser.press(browser.findElement(By.cssSelector("a[href$='month=" + YearMonth.from(day) + "']")));
		}
		Browser.press(browser.findElement(dayLink));
		WebElement time = browser.findElement(By.id("slot-" + slot));
		time.sendKeys(Keys.SPACE);
		assertThat(time.isSelected()).isTrue();
	}

	private WebElement continueButton() {
		return browser.findElement(By.cssSelector("main form > button.btn-primary[type=submit]"));
	}

	private void open(String path, String lang) {
		browser.get(url(path));
		Browser.checkPage(lang);
	}

}
