package it.sportello.admin.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import it.sportello.core.account.Role;
import it.sportello.core.account.StaffInvitations;
import it.sportello.core.catalogue.Catalogue;
import it.sportello.core.catalogue.NationalTemplate;
import it.sportello.core.office.OfficeProfile;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.Site;
import it.sportello.core.office.Sites;
import it.sportello.core.slot.SlotHorizon;
import it.sportello.core.tenancy.CurrentTenant;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantId;
import it.sportello.core.tenancy.TenantSchemas;
import it.sportello.core.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a Questura on the platform: its schema, migrated; its profile, sites and the national catalogue; and last
 * its registry row. All or nothing: Liquibase commits as it goes, so a failure drops the half-made schema, and the
 * registry row is written in the same transaction as the office data.
 */
@Service
public class Onboarding {

	private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

	private final TenantSchemas schemas;

	private final Tenants tenants;

	private final OfficeProfiles profiles;

	private final Sites sites;

	private final Catalogue catalogue;

	private final NationalTemplate template;

	private final TransactionTemplate transaction;

	private final SlotHorizon slotHorizon;

	private final StaffInvitations invitations;

	public Onboarding(TenantSchemas schemas, Tenants tenants, OfficeProfiles profiles, Sites sites,
			Catalogue catalogue, PlatformTransactionManager transactionManager, SlotHorizon slotHorizon,
			StaffInvitations invitations) {
		this.schemas = schemas;
		this.tenants = tenants;
		this.profiles = profiles;
		this.sites = sites;
		this.catalogue = catalogue;
		this.template = NationalTemplate.load();
		this.transaction = new TransactionTemplate(transactionManager);
		this.slotHorizon = slotHorizon;
		this.invitations = invitations;
	}

	/** Onboards the Questura, or refuses the request with a reason a person can act on. */
	public Tenant onboard(OnboardingRequest request) {
		validate(request);
		if (tenants.existsBySlug(request.slug())) {
			throw slugTaken(request.slug());
		}
		String schema = schemas.reserveName();
		try {
			schemas.migrate(schema);
			CurrentTenant tenant = new CurrentTenant(new TenantId(request.slug()), schema);
			Tenant registered = TenantContext.callAs(tenant, () -> transaction.execute(status -> {
				OfficeProfile profile = new OfficeProfile(request.timeZone(), request.patronSaintDay(),
						request.contacts());
				profiles.save(profile);
				List<Site> saved = saveSites(request.sites());
				catalogue.seedFromTemplate(template, saved.get(0));
				return tenants.save(Tenant.registered(request.slug(), request.name().strip(), schema, Instant.now()));
			}));
			log.info("Onboarded Questura {} in schema {}", request.slug(), schema);
			openAgenda(registered);
			inviteFirstAdmin(registered, request.firstAdminEmail());
			return registered;
		}
		catch (RuntimeException ex) {
			schemas.drop(schema);
			log.warn("Onboarding of {} failed; schema {} dropped", request.slug(), schema, ex);
			if (ex instanceof DataIntegrityViolationException && tenants.existsBySlug(request.slug())) {
				throw slugTaken(request.slug());
			}
			throw ex;
		}
	}

	/** The new office's slots up to the horizon; if this fails the nightly job makes them, the office stays. */
	private void openAgenda(Tenant tenant) {
		try {
			TenantContext.runAs(tenant.asCurrent(), slotHorizon::extend);
		}
		catch (RuntimeException ex) {
			log.warn("The slots of {} could not be made now; the nightly job will make them", tenant.getSlug(), ex);
		}
	}

	/** After the commit: a failed invitation leaves the Questura open, and the platform admin invites again. */
	private void inviteFirstAdmin(Tenant tenant, String email) {
		if (email == null || email.isBlank()) {
			return;
		}
		try {
			invitations.invite(email, Role.QUESTURA_ADMIN, tenant.getSlug(), Locale.ITALIAN);
		}
		catch (RuntimeException ex) {
			log.warn("The first admin of {} could not be invited", tenant.getSlug(), ex);
		}
	}

	private List<Site> saveSites(List<SiteSpec> specs) {
		int position = 0;
		List<Site> saved = new ArrayList<>();
		for (SiteSpec spec : specs) {
			saved.add(sites.save(spec.toSite(position++)));
		}
		return saved;
	}

	private static void validate(OnboardingRequest request) {
		SlugPolicy.check(request.slug());
		if (request.name() == null || request.name().isBlank()) {
			throw new OnboardingRefused("onboarding.name.required", "A name is required");
		}
		if (request.timeZone() == null) {
			throw new OnboardingRefused("onboarding.timeZone.required", "A time zone is required");
		}
		if (request.patronSaintDay() == null) {
			throw new OnboardingRefused("onboarding.patronDay.required", "The patron-saint day is required");
		}
		if (request.sites().isEmpty()) {
			throw new OnboardingRefused("onboarding.sites.required", "At least one site is required");
		}
		Set<String> codes = new HashSet<>();
		for (SiteSpec site : request.sites()) {
			if (site.code() == null || site.code().isBlank() || site.name() == null || site.address() == null
					|| site.postalCode() == null || site.city() == null) {
				throw new OnboardingRefused("onboarding.site.incomplete",
						"Every site needs a code, a name, an address, a postal code and a city");
			}
			if (!codes.add(site.code())) {
				throw new OnboardingRefused("onboarding.site.duplicate", "Two sites share the code " + site.code(),
						site.code());
			}
		}
	}

	private static OnboardingRefused slugTaken(String slug) {
		return new OnboardingRefused("onboarding.slug.taken", "Another Questura already uses the slug " + slug, slug);
	}
}
