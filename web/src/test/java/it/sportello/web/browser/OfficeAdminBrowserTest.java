package it.sportello.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.core.account.Role;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.SignIn;
import it.sportello.web.booking.Citizens;
import it.sportello.web.booking.Citizens.Citizen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A Questura admin's pages in Chromium on an office screen (1366 px): the hours (the form shows the hours in force, a
 * wrong change is refused with the error summary in focus), the settings (saved values under their labels), the
 * closures (preview restating the change, list of the closures in force), the catalogue and the staff; and the
 * platform admin's onboarding form. Each page passes axe-core and the layout check.
 */
class OfficeAdminBrowserTest extends RunningServerTest {

	@Autowired
	ApplicationContext context;

	WebDriver browser;

	Agenda agenda;

	String slug;

	@BeforeEach
	void aQuestura() {
		agenda = new AgendaFixtures(context).newQuestura("scrivania");
		slug = agenda.tenant().id().slug();
	}

	@Test
	void theHoursFormShowsTheHoursInForceAndRefusesAWrongChangeWhereItIs() {
		signInAsAdmin();
		String line = "hours" + agenda.serviceLineId() + "-";

		open("/q/" + slug + "/admin/hours");
		assertThat(value(line + "openings0.opens")).isEqualTo("08:30");
		assertThat(value(line + "openings0.closes")).isEqualTo("12:30");
		assertThat(value(line + "openings0.slotMinutes")).isEqualTo("20");
		assertThat(value(line + "openings0.counters")).isEqualTo("3");
		Browser.screenshot("admin-hours-desk-it");

		type(line + "openings0.closes", "07:00");
		Browser.press(browser.findElement(By.cssSelector("#line-PERMESSI button[type=submit]")));

		assertThat(browser.findElement(By.id("error-summary")).getText()).contains("lunedì");
		assertThat(value("openings0.closes")).isEqualTo("07:00");
		Browser.checkPage("it");
		Browser.screenshot("admin-hours-refused-desk-it");

		type("openings0.closes", "11:00");
		Browser.press(browser.findElement(By.cssSelector("#line-PERMESSI button[type=submit]")));

		assertThat(browser.findElement(By.id("done")).getText()).contains("Orari salvati");
		assertThat(value(line + "openings0.closes")).isEqualTo("11:00");
		Browser.checkPage("it");
	}

	@Test
	void settingsClosuresCatalogueAndStaffLookRightOnADesk() {
		signInAsAdmin();

		open("/q/" + slug + "/admin/settings");
		browser.findElement(By.id("phone")).clear();
		browser.findElement(By.id("phone")).sendKeys("011 5588111");
		Browser.press(browser.findElement(By.cssSelector("#settings button[type=submit]")));
		Browser.screenshot("admin-settings-desk-it");
		assertThat(browser.findElement(By.id("done")).isDisplayed()).isTrue();
		assertThat(value("phone")).isEqualTo("011 5588111");
		Browser.checkPage("it");

		open("/q/" + slug);
		WebElement phone = browser.findElement(By.cssSelector(".contacts a[href^='tel:']"));
		assertThat(phone.getAttribute("href")).isEqualTo("tel:+390115588111");
		assertThat(phone.getText()).isEqualTo("011 5588111");

		open("/q/" + slug + "/admin/closures");
		type("day", AgendaFixtures.workingDayAhead(25).toString());
		browser.findElement(By.id("reason")).sendKeys("Sciopero generale");
		Browser.press(browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(browser.findElement(By.id("change-where")).getText()).isEqualTo("Tutto l'ufficio");
		assertThat(browser.findElement(By.id("change-what")).getText()).isEqualTo("Giorno chiuso");
		assertThat(browser.findElement(By.id("change-reason")).getText()).isEqualTo("Sciopero generale");
		Browser.checkPage("it");
		Browser.screenshot("admin-closure-preview-desk-it");
		Browser.press(browser.findElement(By.id("apply")));
		Browser.screenshot("admin-closures-desk-it");
		assertThat(browser.findElement(By.id("in-force")).getText()).contains("Sciopero generale")
			.contains("Tutto l'ufficio");
		Browser.checkPage("it");

		open("/q/" + slug + "/admin/catalogue");
		open("/q/" + slug + "/admin/catalogue/new");
		Browser.screenshot("admin-practice-new-desk-it");
		open("/q/" + slug + "/admin/catalogue/" + agenda.application());
		open("/q/" + slug + "/admin/staff");
		open("/q/" + slug + "/admin");
	}

	@Test
	void thePlatformAdminsOnboardingFormKeepsItsHeadingsClearOfItsLabels() {
		signIn("platform@demo.sportello.it", SignIn.DEMO_PASSWORD);

		open("/admin");
		open("/admin/questure/new");
		Browser.screenshot("platform-onboard-desk-it");
		Browser.press(browser.findElement(By.cssSelector("main form button[type=submit]")));

		assertThat(browser.findElement(By.id("error-summary")).isDisplayed()).isTrue();
		Browser.checkPage("it");
		open("/admin/associations");
	}

	private void signInAsAdmin() {
		Citizen admin = new Citizens(context).staff("Marta", Role.QUESTURA_ADMIN, slug);
		signIn(admin.email(), Citizens.PASSWORD);
	}

	private void signIn(String email, String password) {
		browser = Browser.driver();
		Browser.desk();
		browser.manage().deleteAllCookies();
		open("/login?lang=it");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password);
		Browser.press(browser.findElement(By.cssSelector("main button[type=submit]")));
		// staff sign in with a second factor: the code of their authenticator app, and Enter
		assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
		browser.findElement(By.id("code")).sendKeys(SignIn.code(email));
		Browser.press(browser.findElement(By.id("code")));
	}

	private void open(String path) {
		browser.get(url(path));
		Browser.checkPage("it");
	}

	private String value(String id) {
		return browser.findElement(By.id(id)).getAttribute("value");
	}

	/** Sets a field as a person would end up with it (date and time fields take their value in ISO form). */
	private void type(String id, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
				browser.findElement(By.id(id)), value);
	}
}
