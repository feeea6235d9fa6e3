package it.sportello.admin.onboarding;

import static it.sportello.admin.onboarding.OnboardingRequests.aQuestura;
import static it.sportello.admin.onboarding.OnboardingRequests.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;

import it.sportello.core.account.Account;
import it.sportello.core.account.Accounts;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.StaffInvitations;
import it.sportello.core.mail.DevMailbox;
import it.sportello.core.catalogue.Catalogue;
import it.sportello.core.catalogue.NationalTemplate;
import it.sportello.core.catalogue.OfficeDirectory;
import it.sportello.core.catalogue.OfficeDirectory.OfficeDescription;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.Sites;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.SlotHorizon;
import it.sportello.core.tenancy.SchemaMigrationFailed;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSchemas;
import it.sportello.core.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

@SpringBootTest
class OnboardingTest {

	@Autowired
	Onboarding onboarding;

	@Autowired
	Tenants tenants;

	@Autowired
	OfficeDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void onboardingOpensAQuesturaWithItsSitesProfileAndTheNationalCatalogue() {
		Tenant lecco = onboarding.onboard(aQuestura("lecco").withPatronDay(MonthDay.of(12, 6)).build());

		assertThat(tenants.findActive("lecco")).isPresent();
		OfficeDescription office = TenantContext.callAs(lecco.asCurrent(), directory::describe);
		assertThat(office.sites()).extracting("code").containsExactly("MAIN", "BRANCH");
		assertThat(office.profile().getPatronSaintDay()).isEqualTo(MonthDay.of(12, 6));
		assertThat(office.practices()).hasSize(NationalTemplate.load().practices().size());
		assertThat(office.serviceLinesAt(office.sites().get(0))).extracting("code").containsExactly("PERMESSI", "RITIRO");
	}

	@Test
	void aNewQuesturaCanBeBookedAtOnce(@Autowired Availability availability) {
		Tenant como = onboarding.onboard(aQuestura("como").build());

		long practice = TenantContext.callAs(como.asCurrent(), directory::describe).practices().get(0).getId();
		List<LocalDate> days = TenantContext.callAs(como.asCurrent(),
				() -> availability.freeDays(practice, YearMonth.now().plusMonths(1)));
		assertThat(days).isNotEmpty().allSatisfy(day -> assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY,
				DayOfWeek.SUNDAY));
	}

	@Test
	void theFirstAdminIsInvitedOnceTheQuesturaIsOpen(@Autowired Accounts accounts, @Autowired Memberships memberships,
			@Autowired DevMailbox mailbox) {
		onboarding.onboard(aQuestura("lodi").withFirstAdmin("Dirigente.Lodi@example.it").build());

		Account admin = accounts.findByEmail("dirigente.lodi@example.it").orElseThrow();
		assertThat(memberships.findByAccountId(admin.getId())).extracting(m -> m.getRole() + " " + m.getTenantSlug())
			.containsExactly("QUESTURA_ADMIN lodi");
		assertThat(admin.getPasswordHash()).isNull();
		assertThat(mailbox.latest(20)).anySatisfy(kept -> {
			assertThat(kept.mail().to()).isEqualTo("dirigente.lodi@example.it");
			assertThat(kept.mail().body()).contains("/account/invitation?token=");
		});
	}

	@ParameterizedTest
	@CsvSource({ "Genova, onboarding.slug.pattern", "gen_ova, onboarding.slug.pattern", "-genova, onboarding.slug.pattern",
			"genova-, onboarding.slug.pattern", "gen--ova, onboarding.slug.pattern", "admin, onboarding.slug.reserved",
			"api, onboarding.slug.reserved", "x, onboarding.slug.length", "'', onboarding.slug.required" })
	void aBadSlugIsRefusedWithAReasonAndCreatesNothing(String slug, String code) {
		int schemasBefore = tenantSchemaCount();

		assertThatThrownBy(() -> onboarding.onboard(aQuestura(slug).build())).isInstanceOf(OnboardingRefused.class)
			.extracting("code")
			.isEqualTo(code);
		assertThat(tenantSchemaCount()).isEqualTo(schemasBefore);
	}

	@Test
	void aSlugAlreadyTakenIsRefused() {
		onboarding.onboard(aQuestura("sondrio").build());

		assertThatThrownBy(() -> onboarding.onboard(aQuestura("sondrio").withName("Altra").build()))
			.isInstanceOf(OnboardingRefused.class)
			.extracting("code")
			.isEqualTo("onboarding.slug.taken");
		assertThat(tenants.findBySlug("sondrio")).get().extracting(Tenant::getName).isEqualTo("Questura di sondrio");
	}

	@Test
	void sitesMustBeCompleteAndDistinct() {
		assertThatThrownBy(() -> onboarding.onboard(aQuestura("pavia").withSites().build()))
			.extracting("code")
			.isEqualTo("onboarding.sites.required");
		assertThatThrownBy(
				() -> onboarding.onboard(aQuestura("pavia").withSites(site("A", "Via 1"), site("A", "Via 2")).build()))
			.extracting("code")
			.isEqualTo("onboarding.site.duplicate");
		assertThat(tenants.findBySlug("pavia")).isEmpty();
	}

	@Test
	void aMigrationThatFailsMidwayLeavesNoSchemaAndNoRegistryRow(@Autowired DataSource dataSource,
			@Autowired ResourceLoader resourceLoader, @Autowired OfficeProfiles profiles, @Autowired Sites sites,
			@Autowired Catalogue catalogue, @Autowired PlatformTransactionManager transactionManager,
			@Autowired SlotHorizon slotHorizon, @Autowired StaffInvitations invitations) {
		TenantSchemas brokenMigration = new TenantSchemas(dataSource, resourceLoader,
				"classpath:db/tenant-broken/changelog.xml");
		Onboarding withBrokenMigration = new Onboarding(brokenMigration, tenants, profiles, sites, catalogue,
				transactionManager, slotHorizon, invitations);
		List<String> schemasBefore = tenantSchemas();

		assertThatThrownBy(() -> withBrokenMigration.onboard(aQuestura("varese").build()))
			.isInstanceOf(SchemaMigrationFailed.class);

		assertThat(tenants.findBySlug("varese")).isEmpty();
		assertThat(tenantSchemas()).isEqualTo(schemasBefore);
	}

	@Test
	void aFailureAfterTheMigrationAlsoDropsTheSchema() {
		List<String> schemasBefore = tenantSchemas();
		// a postal code longer than the column: the office data fails after the schema was built
		SiteSpec badSite = new SiteSpec("MAIN", it.sportello.core.text.LocalizedText.italian("Sede"), "Via Roma 1",
				"12345678901234567890", "Varese");

		assertThatThrownBy(() -> onboarding.onboard(aQuestura("varese").withSites(badSite).build()))
			.isNotInstanceOf(OnboardingRefused.class);

		assertThat(tenants.findBySlug("varese")).isEmpty();
		assertThat(tenantSchemas()).isEqualTo(schemasBefore);
	}

	private int tenantSchemaCount() {
		return tenantSchemas().size();
	}

	private List<String> tenantSchemas() {
		return jdbc.queryForList(
				"select schema_name from information_schema.schemata where schema_name like 'tenant\\_%' order by 1",
				String.class);
	}
}
