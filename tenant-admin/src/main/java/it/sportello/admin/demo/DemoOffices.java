package it.sportello.admin.demo;

import java.util.EnumSet;
import java.util.List;

import it.sportello.admin.onboarding.Onboarding;
import it.sportello.core.catalogue.Catalogue;
import it.sportello.core.catalogue.HoursSpec;
import it.sportello.core.catalogue.ServiceLineSpec;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.office.Site;
import it.sportello.core.office.Sites;
import it.sportello.core.office.WalkInWindow;
import it.sportello.core.office.WalkInWindows;
import it.sportello.core.slot.SlotHorizon;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (an empty registry), outside production, opens the demo Questure of Genova, Bergamo and Roma
 * through the same onboarding a real Questura goes through, then shapes each office as its notice describes.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "sportello.demo.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DemoProperties.class)
class DemoOffices implements SmartInitializingSingleton {

	static final List<String> SLUGS = List.of("genova", "bergamo", "roma");

	private static final Logger log = LoggerFactory.getLogger(DemoOffices.class);

	private final Tenants tenants;

	private final Onboarding onboarding;

	private final OfficeProfiles profiles;

	private final Sites sites;

	private final ServiceLines serviceLines;

	private final WalkInWindows walkIns;

	private final Catalogue catalogue;

	private final TransactionTemplate transaction;

	private final SlotHorizon slotHorizon;

	private final DemoAccounts demoAccounts;

	private final ExtraQuesture extraQuesture;

	DemoOffices(Tenants tenants, Onboarding onboarding, OfficeProfiles profiles, Sites sites,
			ServiceLines serviceLines, WalkInWindows walkIns, Catalogue catalogue,
			PlatformTransactionManager transactionManager, SlotHorizon slotHorizon, DemoAccounts demoAccounts,
			DemoProperties properties) {
		this.tenants = tenants;
		this.onboarding = onboarding;
		this.profiles = profiles;
		this.sites = sites;
		this.serviceLines = serviceLines;
		this.walkIns = walkIns;
		this.catalogue = catalogue;
		this.transaction = new TransactionTemplate(transactionManager);
		this.slotHorizon = slotHorizon;
		this.demoAccounts = demoAccounts;
		this.extraQuesture = new ExtraQuesture(onboarding, properties);
	}

	/** Runs before the web server opens, so that no visitor sees a half-opened demo. */
	@Override
	public void afterSingletonsInstantiated() {
		if (tenants.count() > 0) {
			return;
		}
		SLUGS.stream().map(DemoOffice::read).forEach(this::open);
		demoAccounts.open();
		log.info("Opened the demo Questure {} and the demo accounts", SLUGS);
		extraQuesture.open();
	}

	private void open(DemoOffice office) {
		Tenant tenant = onboarding.onboard(office.onboardingRequest());
		TenantContext.runAs(tenant.asCurrent(), () -> {
			transaction.executeWithoutResult(status -> shape(office));
			slotHorizon.rebuild();
		});
	}

	private void shape(DemoOffice office) {
		if (office.notice() != null) {
			profiles.getRequired().publishNotice(office.notice());
		}
		int position = (int) serviceLines.count();
		for (ServiceLineSpec spec : office.serviceLines()) {
			Site site = site(spec.site());
			ServiceLine line = serviceLines.findByCode(spec.code()).orElse(null);
			if (line == null) {
				line = new ServiceLine(spec.code(), site, position++, spec.name());
			}
			line.moveTo(site);
			line.replaceHours(HoursSpec.weekly(spec.hours()));
			serviceLines.save(line);
		}
		int windowPosition = 0;
		for (DemoOffice.WalkIn walkIn : office.walkIns()) {
			walkIns.save(new WalkInWindow(site(walkIn.site()), windowPosition++, EnumSet.copyOf(walkIn.days()),
					walkIn.from(), walkIn.to(), walkIn.description()));
		}
		catalogue.offerOnly(office.catalogue().template());
		office.catalogue().own().forEach(catalogue::add);
	}

	private Site site(String code) {
		return sites.findByCode(code).orElseThrow(() -> new IllegalStateException("Unknown demo site " + code));
	}
}
