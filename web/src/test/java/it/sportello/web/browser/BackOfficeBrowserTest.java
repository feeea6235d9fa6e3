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
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The back office in Chromium: the platform admin onboards a Questura through the form, whose first admin is invited
 * by e-mail; an operator runs a day (a wrong document refused, the right one checked in, served, a no-show, a
 * message). axe-core checks each page.
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
		Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		PersonIdentity.Document passport = new PersonIdentity.Document(DocumentType.PASSPORT, "MA", "ZX998877");
		BookingReference awa = book(agenda, fixtures.slotAt(agenda, tomorrow, 2), passport);
		BookingReference omar = book(agenda, fixtures.slotAt(agenda, tomorrow.plusSeconds(1200), 2), People.passport());
		Citizen operator = new Citizens(context).staff("Anna", Role.OPERATOR, slug);
		signIn(operator.email(), Citizens.PASSWORD);

		open("/q/" + slug + "/admin/day?date=" + tomorrow.atZone(ZoneId.of("Europe/Rome")).toLocalDate());
		assertThat(browser.findElement(By.cssSelector("table.agenda")).getText()).contains(awa.value()).contains(omar.value());
		checkIn(awa, "ZX000000");
		assertThat(browser.findElement(By.id("problem")).getText()).contains("Il documento non corrisponde");
		Browser.checkPage("it");
		checkIn(awa, "ZX998877");
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("In attesa allo sportello");
		Browser.checkPage("it");
		Browser.press(browser.findElement(By.id("served")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Ricevuto");

		open("/q/" + slug + "/admin/bookings/" + omar.value());
		browser.findElement(By.id("message-body")).sendKeys("La aspettiamo domani con il contratto di lavoro.");
		Browser.press(browser.findElement(By.cssSelector("form[action$='/message'] button")));
		Browser.press(browser.findElement(By.id("no-show")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Non presentato");
		Browser.checkPage("it");

		assertThat(statusOf(agenda, awa)).isEqualTo(BookingStatus.SERVED);
		assertThat(statusOf(agenda, omar)).isEqualTo(BookingStatus.NO_SHOW);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> messages.of(omar))).hasSize(1);
	}

	private void checkIn(BookingReference reference, String documentNumber) {
		browser.findElement(By.id("reference")).clear();
		browser.findElement(By.id("reference")).sendKeys(reference.toString());
		browser.findElement(By.id("documentCountry")).clear();
		browser.findElement(By.id("documentCountry")).sendKeys("MA");
		browser.findElement(By.id("documentNumber")).clear();
		browser.findElement(By.id("documentNumber")).sendKeys(documentNumber);
		Browser.press(browser.findElement(By.cssSelector("form[action$='/check-in'] button[type=submit]")));
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

	private BookingStatus statusOf(Agenda agenda, BookingReference reference) {
		return TenantContext.callAs(agenda.tenant(), () -> queries.find(reference)).orElseThrow().status();
	}
}
