package it.sportello.web.browser;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import it.sportello.core.account.Role;
import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.message.Messages;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.DocumentType;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import it.sportello.web.SignIn;
import it.sportello.web.booking.Citizens;
import it.sportello.web.booking.Citizens.Citizen;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The back office in Chromium: the platform admin onboards a Questura through the form, whose first admin is invited
 * by e-mail; an operator runs a day at an office screen (the day before and today's, a wrong document refused and the
 * agenda still on its day, the right one checked in, served, tomorrow's appointment checked in once confirmed, a
 * message, a no-show confirmed and undone, the history in words). axe-core and the layout check look at each page.
 */
class BackOfficeBrowserTest extends RunningServerTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	Tenants tenants;

	@Autowired
	BookingService bookings;

	@Autowired
	BookingQueries queries;

	@Autowired
	Messages messages;

	WebDriver browser;

	@Test
	void thePlatformAdminOnboardsAQuesturaAndItsFirstAdminIsInvited() {
		String slug = "imperia-" + System.nanoTime() % 100_000;
		String firstAdmin = "admin." + slug + "@example.it";
		signIn("platform@demo.sportello.it", "demo-Sportello-2026");

		open("/admin");
		Browser.press(browser.findElement(By.id("onboard")));
		Browser.checkPage("it");
		browser.findElement(By.id("name")).sendKeys("Questura di Imperia");
		browser.findElement(By.id("slug")).sendKeys(slug);
		browser.findElement(By.id("patronDay")).sendKeys("26/11");
		browser.findElement(By.id("siteName")).sendKeys("Questura");
		browser.findElement(By.id("siteAddress")).sendKeys("Viale Matteotti 50");
		browser.findElement(By.id("sitePostalCode")).sendKeys("18100");
		browser.findElement(By.id("siteCity")).sendKeys("Imperia");
		browser.findElement(By.id("firstAdminEmail")).sendKeys(firstAdmin);
		Browser.press(browser.findElement(By.cssSelector("main form button[type=submit]")));

		assertThat(browser.findElement(By.id("done")).getText()).contains("Questura di Imperia");
		Browser.checkPage("it");
		assertThat(tenants.findBySlug(slug)).isPresent();
		assertThat(TestSmtp.to(firstAdmin)).hasSize(1);
		open("/q/" + slug);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Viale Matteotti 50");
	}

	@Test
	void anOperatorRunsTheDay() {
		AgendaFixtures fixtures = new AgendaFixtures(context);
		Agenda agenda = fixtures.newQuestura("giornata");
		String slug = agenda.tenant().id().slug();
		ZoneId rome = ZoneId.of("Europe/Rome");
		Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		PersonIdentity.Document passport = new PersonIdentity.Document(DocumentType.PASSPORT, "MA", "ZX998877");
		PersonIdentity.Document omarsPassport = new PersonIdentity.Document(DocumentType.PASSPORT, "MA", "ZX445566");
		BookingReference awa = bookStartingNow(fixtures, agenda, passport);
		BookingReference karim = bookStartingNow(fixtures, agenda, People.passport());
		BookingReference omar = book(agenda, fixtures.slotAt(agenda, tomorrow, 2), omarsPassport);
		Citizen operator = new Citizens(context).staff("Anna Operatrice", Role.OPERATOR, slug);
		Browser.desk();
		signIn(operator.email(), Citizens.PASSWORD);

		// tomorrow's agenda, then back a day to today's
		open("/q/" + slug + "/admin/day?date=" + tomorrow.atZone(rome).toLocalDate());
		assertThat(browser.findElement(By.cssSelector("table.agenda")).getText()).contains(omar.value());
		Browser.press(browser.findElement(By.id("previous-day")));
		Browser.checkPage("it");
		String today = browser.findElement(By.tagName("h1")).getText();
		assertThat(browser.findElement(By.cssSelector("table.agenda")).getText()).contains(awa.value())
			.contains(karim.value()).doesNotContain(omar.value());

		// a wrong document is refused and the agenda stays on its day; the right one checks the person in
		checkIn(awa, "ZX000000");
		assertThat(browser.findElement(By.id("problem")).getText()).contains("Il documento non corrisponde");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(today);
		assertThat(browser.findElement(By.cssSelector("#idKind legend")).getText())
			.isEqualTo("Documento presentato dalla persona");
		Browser.checkPage("it");
		Browser.screenshot("operator-day-refused-it-desk");
		checkIn(awa, "ZX998877");
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("In attesa allo sportello");
		Browser.checkPage("it");
		Browser.press(browser.findElement(By.id("served")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Ricevuto");

		// tomorrow's appointment: a warning first, then the check-in once confirmed
		open("/q/" + slug + "/admin/day?date=" + tomorrow.atZone(rome).toLocalDate());
		checkIn(omar, "ZX445566");
		assertThat(browser.findElement(By.id("other-day")).getText()).contains("non per oggi");
		Browser.checkPage("it");
		Browser.screenshot("operator-day-other-day-it-desk");
		Browser.press(browser.findElement(By.id("confirm-other-day")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("In attesa allo sportello");

		// a message, then a no-show: asked first, recorded, undone the same day
		open("/q/" + slug + "/admin/bookings/" + karim.value());
		browser.findElement(By.id("message-body")).sendKeys("La aspettiamo oggi con il contratto di lavoro.");
		Browser.press(browser.findElement(By.cssSelector("form[action$='/message'] button")));
		Browser.press(browser.findElement(By.id("no-show")));
		assertThat(browser.findElement(By.id("question")).getText()).contains("Nessuno si è presentato");
		Browser.checkPage("it");
		Browser.screenshot("operator-no-show-it-desk");
		Browser.press(browser.findElement(By.id("confirm-no-show")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Non presentato");
		Browser.checkPage("it");
		Browser.press(browser.findElement(By.id("undo-no-show")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Prenotato");
		assertThat(browser.findElement(By.cssSelector("table.audit-events")).getText()).contains("Non presentato")
			.contains("«Non presentato» annullato").contains("Messaggio inviato").contains("Anna Operatrice")
			.doesNotContain("staff:").doesNotContain("NO_SHOW");
		Browser.checkPage("it");
		showHistory();
		Browser.screenshot("operator-booking-it-desk");
		// the same pages in Arabic, right to left
		browser.get(url("/q/" + slug + "/admin/bookings/" + karim.value() + "?lang=ar"));
		Browser.checkPage("ar");
		showHistory();
		Browser.screenshot("operator-booking-ar-desk");
		browser.get(url("/q/" + slug + "/admin/day?lang=ar"));
		Browser.checkPage("ar");
		Browser.screenshot("operator-day-ar-desk");

		assertThat(statusOf(agenda, awa)).isEqualTo(BookingStatus.SERVED);
		assertThat(statusOf(agenda, omar)).isEqualTo(BookingStatus.CHECKED_IN);
		assertThat(statusOf(agenda, karim)).isEqualTo(BookingStatus.BOOKED);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> messages.of(karim))).hasSize(1);
	}

	private void checkIn(BookingReference reference, String documentNumber) {
		browser.findElement(By.id("reference")).clear();
		browser.findElement(By.id("reference")).sendKeys(reference.toString());
		new Select(browser.findElement(By.id("documentCountry"))).selectByValue("MA");
		browser.findElement(By.id("documentNumber")).clear();
		browser.findElement(By.id("documentNumber")).sendKeys(documentNumber);
		Browser.press(browser.findElement(By.cssSelector("form[action$='/check-in'] button[type=submit]")));
	}

	private void showHistory() {
		((JavascriptExecutor) browser)
			.executeScript("document.getElementById('history-heading').scrollIntoView({behavior: 'instant'})");
	}

	private void signIn(String email, String password) {
		browser = Browser.driver();
		browser.manage().deleteAllCookies();
		open("/login?lang=it");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password);
		Browser.press(browser.findElement(By.cssSelector("main button[type=submit]")));
		// staff sign in with a second factor: the code of their authenticator app, and Enter
		assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
		Browser.checkPage("it");
		browser.findElement(By.id("code")).sendKeys(SignIn.code(email));
		Browser.press(browser.findElement(By.id("code")));
	}

	private void open(String path) {
		browser.get(url(path));
		Browser.checkPage("it");
	}

	private BookingReference book(Agenda agenda, long slot, PersonIdentity identity) {
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda, slot)
			.forPerson(new PersonDetails("Awa Diop", identity, false))
			.byAccount(People.newAccount())
			.build()))).reference();
	}

	/** A booking made while its slot lay ahead, whose appointment has now started. */
	private BookingReference bookStartingNow(AgendaFixtures fixtures, Agenda agenda, PersonIdentity identity) {
		long slot = fixtures.slot(agenda, 2);
		BookingReference reference = book(agenda, slot, identity);
		fixtures.startNow(agenda, slot);
		return reference;
	}

	private BookingStatus statusOf(Agenda agenda, BookingReference reference) {
		return TenantContext.callAs(agenda.tenant(), () -> queries.find(reference)).orElseThrow().status();
	}
}
