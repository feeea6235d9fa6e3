package it.sportello.core.catalogue;

import static it.sportello.core.testsupport.OfficeBuilders.site;
import static it.sportello.core.text.LocalizedText.italian;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import it.sportello.core.office.ServiceLines;
import it.sportello.core.office.Site;
import it.sportello.core.office.Sites;
import it.sportello.core.tenancy.CurrentTenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSchemas;
import it.sportello.core.tenancy.Tenants;
import it.sportello.core.testsupport.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class CatalogueTest {

	@Autowired
	Catalogue catalogue;

	@Autowired
	Practices practices;

	@Autowired
	ServiceLines serviceLines;

	@Autowired
	Sites sites;

	@Autowired
	TenantSchemas schemas;

	@Autowired
	Tenants tenants;

	CurrentTenant tenant;

	NationalTemplate template = NationalTemplate.load();

	@BeforeEach
	void seeded() {
		tenant = new TestTenants(schemas, tenants).create("como");
		TenantContext.runAs(tenant, () -> {
			Site main = sites.save(site("MAIN"));
			catalogue.seedFromTemplate(template, main);
		});
	}

	@Test
	void aNewOfficeGetsTheTemplatePracticesWithTheirDocumentsInOrder() {
		List<Practice> stored = TenantContext.callAs(tenant, practices::findAllByOrderByPosition);

		assertThat(stored).extracting(Practice::getCode)
			.containsExactlyElementsOf(template.practices().stream().map(PracticeSpec::code).toList());
		Practice first = stored.get(0);
		assertThat(first.getDocuments()).isEqualTo(template.practices().get(0).documents());
		assertThat(first.getName().in(Locale.forLanguageTag("ar")).text()).isEqualTo(template.practices().get(0).name().ar());
	}

	@Test
	void theTemplateServiceLinesOpenAtTheMainSiteWithTheirHours() {
		assertThat(TenantContext.callAs(tenant, serviceLines::findAllByOrderByPosition)).allSatisfy(line -> {
			assertThat(line.getSite().getCode()).isEqualTo("MAIN");
			assertThat(line.getHours()).isNotEmpty();
		});
	}

	@Test
	void anOfficeOffersOnlyThePracticesItChoosesAndAddsItsOwn() {
		TenantContext.runAs(tenant, () -> {
			catalogue.offerOnly(List.of("RITIRO-PERMESSO"));
			catalogue.add(new PracticeSpec("URP", PracticeKind.INFORMATION, "PERMESSI", 15, BookableBy.CITIZENS,
					italian("Sportello informazioni"), italian("Informazioni generali"), List.of()));
		});

		assertThat(TenantContext.callAs(tenant, practices::findByActiveTrueOrderByPosition)).extracting(Practice::getCode)
			.containsExactly("RITIRO-PERMESSO", "URP");
	}
}
