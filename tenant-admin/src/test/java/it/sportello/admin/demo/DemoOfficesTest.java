package it.sportello.admin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import it.sportello.core.catalogue.NationalTemplate;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.OfficeDirectory;
import it.sportello.core.catalogue.OfficeDirectory.OfficeDescription;
import it.sportello.core.slot.Availability;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class DemoOfficesTest {

	@Autowired
	Tenants tenants;

	@Autowired
	OfficeDirectory directory;

	@Test
	void theFirstStartOpensGenovaBergamoAndRoma() {
		assertThat(DemoOffices.SLUGS).allSatisfy(slug -> assertThat(tenants.findActive(slug)).isPresent());
	}

	@Test
	void genovaHasTwoSitesItsWalkInsAndItsOwnInformationDesk() {
		OfficeDescription genova = describe("genova");

		assertThat(genova.sites()).extracting("code").containsExactly("SAFFI", "DANNUNZIO");
		assertThat(genova.profile().getPatronSaintDay()).isEqualTo(MonthDay.of(6, 24));
		assertThat(genova.walkIns()).anySatisfy(window -> {
			assertThat(window.getSite().getCode()).isEqualTo("SAFFI");
			assertThat(window.getDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY,
					DayOfWeek.FRIDAY);
			assertThat(window.getOpens()).isEqualTo(LocalTime.of(8, 0));
		});
		assertThat(genova.walkIns()).anySatisfy(window -> assertThat(window.getDays()).containsExactly(DayOfWeek.WEDNESDAY));
		Practice urp = genova.practices().stream().filter(p -> p.getCode().equals("URP-INFORMAZIONI")).findFirst().orElseThrow();
		assertThat(urp.getServiceLine().getSite().getCode()).isEqualTo("DANNUNZIO");
		assertThat(urp.getName().in(Locale.ENGLISH).fallback()).isTrue();
		assertThat(genova.serviceLines()).filteredOn(line -> line.getCode().equals("PERMESSI"))
			.singleElement()
			.satisfies(line -> assertThat(line.getHours()).noneMatch(h -> h.dayOfWeek() == DayOfWeek.WEDNESDAY));
	}

	@Test
	void genovasPaperPermitCounterTakesNoBookingsOnWednesdayTheWalkInMorning(@Autowired Availability availability) {
		var genova = tenants.findActive("genova").orElseThrow().asCurrent();
		long practice = describe("genova").practices()
			.stream()
			.filter(p -> p.getCode().equals("CARTA-FAMILIARE-UE"))
			.findFirst()
			.orElseThrow()
			.getId();

		List<LocalDate> days = TenantContext.callAs(genova,
				() -> availability.freeDays(practice, YearMonth.now().plusMonths(1)));

		assertThat(days).isNotEmpty().noneMatch(day -> day.getDayOfWeek() == DayOfWeek.WEDNESDAY);
	}

	@Test
	void bergamoOffersItsNoticesListWithPracticesOfItsOwn() {
		OfficeDescription bergamo = describe("bergamo");

		assertThat(bergamo.sites()).singleElement().extracting("address").isEqualTo("Via Noli 26");
		assertThat(bergamo.practices()).extracting(Practice::getCode).contains("CARTA-FAMILIARE-UE", "MINORE-ETA",
				"RITIRO-PERMESSO").doesNotContain("TITOLO-VIAGGIO-RIFUGIATI");
		assertThat(bergamo.practices()).hasSizeGreaterThan(10);
		assertThat(bergamo.walkIns()).isEmpty();
	}

	@Test
	void romaOffersTheWholeNationalTemplate() {
		assertThat(describe("roma").practices()).hasSize(NationalTemplate.load().practices().size());
	}

	private OfficeDescription describe(String slug) {
		return TenantContext.callAs(tenants.findActive(slug).orElseThrow().asCurrent(), directory::describe);
	}
}
