package it.sportello.core.testsupport;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import it.sportello.core.calendar.ItalianHolidays;
import it.sportello.core.catalogue.BookableBy;
import it.sportello.core.catalogue.Catalogue;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.catalogue.PracticeSpec;
import it.sportello.core.office.Contacts;
import it.sportello.core.office.OfficeProfile;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.OpeningHours;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.office.Site;
import it.sportello.core.office.Sites;
import it.sportello.core.tenancy.CurrentTenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSchemas;
import it.sportello.core.tenancy.Tenants;
import it.sportello.core.text.LocalizedText;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Builds test Questure and their slots straight in the database, for the tests of the agenda engine. */
public final class AgendaFixtures {

	private static final AtomicInteger SLOT_MINUTES = new AtomicInteger();

	private final ApplicationContext context;

	private final JdbcTemplate jdbc;

	public AgendaFixtures(ApplicationContext context) {
		this.context = context;
		this.jdbc = context.getBean(JdbcTemplate.class);
	}

	/** A new Questura with the Genova patron day (24 June), its hours open every day of the week. */
	public Agenda newQuestura(String prefix) {
		return newQuestura(prefix, MonthDay.of(6, 24));
	}

	public Agenda newQuestura(String prefix, MonthDay patronSaintDay) {
		CurrentTenant tenant = new TestTenants(context.getBean(TenantSchemas.class), context.getBean(Tenants.class))
			.create(prefix);
		return TenantContext.callAs(tenant, () -> {
			context.getBean(OfficeProfiles.class)
				.save(new OfficeProfile(ZoneId.of("Europe/Rome"), patronSaintDay, new Contacts(null, null, null, null)));
			Site site = context.getBean(Sites.class).save(OfficeBuilders.site("MAIN"));
			ServiceLine line = new ServiceLine("PERMESSI", site, 0, LocalizedText.italian("Permessi"));
			line.replaceHours(Arrays.stream(DayOfWeek.values()).map(OfficeBuilders::mornings).toList());
			line = context.getBean(ServiceLines.class).save(line);
			Catalogue catalogue = context.getBean(Catalogue.class);
			long application = catalogue.add(practice("RILASCIO", PracticeKind.APPLICATION, BookableBy.BOTH)).getId();
			long pickUp = catalogue.add(practice("RITIRO", PracticeKind.PICK_UP, BookableBy.BOTH)).getId();
			long associationsOnly = catalogue.add(practice("RINNOVO", PracticeKind.RENEWAL, BookableBy.ASSOCIATIONS))
				.getId();
			return new Agenda(tenant, site.getId(), line.getId(), application, pickUp, associationsOnly);
		});
	}

	/** A released slot of the Questura's service line, some days ahead, with the given capacity. */
	public long slot(Agenda agenda, int capacity) {
		Instant startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS)
			.plus(Duration.ofMinutes(20L * SLOT_MINUTES.incrementAndGet()));
		return slotAt(agenda, startsAt, capacity);
	}

	public List<Long> slots(Agenda agenda, int count, int capacity) {
		return IntStream.range(0, count).mapToObj(i -> slot(agenda, capacity)).toList();
	}

	public long slotAt(Agenda agenda, Instant startsAt, int capacity) {
		return jdbc.queryForObject("insert into " + agenda.tenant().schema() + ".slot (service_line_id, starts_at, ends_at,"
				+ " capacity, released_at) values (?, ?, ?, ?, now() - interval '1 minute') returning id", Long.class,
				agenda.serviceLineId(), Timestamp.from(startsAt), Timestamp.from(startsAt.plus(Duration.ofMinutes(20))),
				capacity);
	}

	/**
	 * A day at least so many days ahead that is neither a national holiday nor 24 June (the fixtures' patron day).
	 * Tests that need several days ask for distances a week or more apart, so that skipping holidays never makes two of
	 * them the same day.
	 */
	public static LocalDate workingDayAhead(int days) {
		LocalDate day = LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(days);
		while (ItalianHolidays.isHoliday(day) || MonthDay.from(day).equals(MonthDay.of(6, 24))) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** Makes the Questura release its slots on a schedule (14 days ahead at 14:00), which turns the fairness rules on. */
	public void releaseOnSchedule(Agenda agenda) {
		TenantContext.runAs(agenda.tenant(), () -> {
			OfficeProfiles profiles = context.getBean(OfficeProfiles.class);
			OfficeProfile profile = profiles.getRequired();
			profile.releaseSlots(14, java.time.LocalTime.of(14, 0));
			profiles.save(profile);
		});
	}

	/** A new accredited association whose plan allows so many active bookings. */
	public long association(int quota) {
		return jdbc.queryForObject("insert into platform.association (name, tax_number, pec, status, plan_code, quota,"
				+ " entitlement) values (?, ?, ?, 'APPROVED', 'TEST', ?, 'ACTIVE') returning id", Long.class,
				"Associazione " + SLOT_MINUTES.incrementAndGet(), String.format("%011d", System.nanoTime() % 100_000_000_000L),
				"pec@example.it", quota);
	}

	/** How many active bookings the association holds, as its counter says. */
	public int associationBookings(long associationId) {
		return jdbc.queryForObject("select active_bookings from platform.association where id = ?", Integer.class,
				associationId);
	}

	/** The slot's counter, as the database holds it. */
	public int booked(Agenda agenda, long slotId) {
		return jdbc.queryForObject("select booked from " + agenda.tenant().schema() + ".slot where id = ?",
				Integer.class, slotId);
	}

	/** The active bookings of the slot, counted from the booking rows rather than the counter. */
	public int activeBookings(Agenda agenda, long slotId) {
		return jdbc.queryForObject("select count(*) from " + agenda.tenant().schema()
				+ ".booking where slot_id = ? and status in ('BOOKED', 'CHECKED_IN')", Integer.class, slotId);
	}

	/**
	 * Moves the slot's start to now, as the counter finds a slot booked while it lay ahead once its hour has come: only
	 * a slot ahead can be booked, and the counter's rules (check-in on the day, no-show once started) need one that is
	 * not.
	 */
	public void startNow(Agenda agenda, long slotId) {
		jdbc.update("update " + agenda.tenant().schema() + ".slot set starts_at = now(), ends_at = now()"
				+ " + interval '20 minutes' where id = ?", slotId);
	}

	private static PracticeSpec practice(String code, PracticeKind kind, BookableBy bookableBy) {
		return new PracticeSpec(code, kind, "PERMESSI", 20, bookableBy, LocalizedText.italian("Pratica " + code),
				LocalizedText.italian("Descrizione di " + code), List.of(LocalizedText.italian("Passaporto")));
	}
}
