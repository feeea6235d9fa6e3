package it.sportello.core.booking;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingOutcome.Entered;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.tenancy.CurrentTenant;
import it.sportello.core.tenancy.DueJob;
import it.sportello.core.tenancy.DueWork;
import it.sportello.core.tenancy.DueWork;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSchemas;
import it.sportello.core.tenancy.Tenants;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import it.sportello.core.testsupport.StatementCounter;
import it.sportello.core.testsupport.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jobs find their work through platform.due_work: with a hundred Questure and nothing due a run costs one
 * statement per job, and work that is due is found and done in each Questura where it is.
 */
@SpringBootTest
@TestInstance(Lifecycle.PER_CLASS)
class JobsWhereWorkIsDueTest {

	static final int IDLE_QUESTURE = 100;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReleaseDraw draw;

	@Autowired
	WaitingList waitingList;

	@Autowired
	ConfirmOrRelease confirmOrRelease;

	@Autowired
	BookingReminders reminders;

	@Autowired
	BookingService bookings;

	@Autowired
	DueWork dueWork;

	List<CurrentTenant> idle;

	@BeforeAll
	void aHundredQuesturaeWithNothingDue() {
		TestTenants tenants = new TestTenants(context.getBean(TenantSchemas.class), context.getBean(Tenants.class));
		long start = System.nanoTime();
		idle = IntStream.range(0, IDLE_QUESTURE).mapToObj(i -> tenants.create("quiete")).toList();
		// an office that has opened and has nothing booked yet
		idle.forEach(t -> jdbc.update("insert into " + t.schema() + ".office_profile (time_zone, patron_month,"
				+ " patron_day) values ('Europe/Rome', 6, 24)"));
		System.out.printf("%d Questure onboarded in %d ms%n", IDLE_QUESTURE, (System.nanoTime() - start) / 1_000_000);
		// a new schema's rows are due at once: the first run looks, finds nothing and remembers that
		List<String> first = StatementCounter.during(this::runEveryJob);
		System.out.printf("first run after onboarding: %d statements%n", first.size());
	}

	@AfterAll
	void suspendThem() {
		// the other tests of this JVM that go through every active Questura need not go through these
		jdbc.update("update platform.tenant set status = 'SUSPENDED' where schema_name = any(?)",
				(Object) idle.stream().map(CurrentTenant::schema).toArray(String[]::new));
	}

	@Test
	void withNothingDueARunOfEachJobIsOneStatementHoweverManyQuesture() {
		runEveryJob(); // what the other tests of this JVM left due is done

		List<String> sql = StatementCounter.during(this::runEveryJob);

		assertThat(sql).hasSize(4).allSatisfy(statement -> assertThat(statement).contains("platform.due_work"));
		assertThat(sql).noneMatch(this::namesAnIdleQuestura);
	}

	@Test
	void dueWorkIsFoundAndDoneInEachQuesturaWhereItIsDue() {
		AgendaFixtures fixtures = new AgendaFixtures(context);
		Agenda drawn = releasingOffice(fixtures, "sorteggio");
		long entry = enteredInAReleaseWhoseWindowClosed(fixtures, drawn);
		Agenda waiting = releasingOffice(fixtures, "offerta");
		long second = anOfferThatExpiredWithSomebodyNext(fixtures, waiting);
		Agenda confirming = releasingOffice(fixtures, "conferme");
		BookingReference toConfirm = bookedLongAgo(fixtures, confirming, Duration.ofDays(5));
		Agenda reminding = fixtures.newQuestura("ricordo");
		BookingReference toRemind = bookedLongAgo(fixtures, reminding, Duration.ofHours(30));

		List<String> sql = StatementCounter.during(this::runEveryJob);

		assertThat(TenantContext.callAs(drawn.tenant(), () -> context.getBean(ReleaseEntries.class).find(entry))
			.orElseThrow()
			.status()).isEqualTo("WON");
		assertThat(TenantContext.callAs(waiting.tenant(), () -> waitingList.offersOf(second))).hasSize(1);
		assertThat(events(ConfirmationRequested.class, toConfirm)).isEqualTo(1);
		assertThat(events(BookingReminderDue.class, toRemind)).isEqualTo(1);
		assertThat(sql).noneMatch(this::namesAnIdleQuestura);
		assertThat(StatementCounter.during(this::runEveryJob)).hasSize(4);
	}

	@Test
	void workThatArrivesWhileTheJobRunsIsNotForgotten() {
		String schema = idle.get(0).schema();
		jdbc.update("insert into platform.due_work (schema_name, job, due_at) values (?, 'probe', now())", schema);
		// the job's look at its schema (null: nothing pending) is taken before a writer commits new work
		DueJob probe = DueJob.of("probe", "select null::timestamptz");

		dueWork.run(probe, () -> {
			jdbc.execute("select " + schema + ".note_due_work('" + schema + "', 'probe', now() + interval '1 hour')");
			return 0; // the job itself found nothing: no second look
		});

		assertThat(dueAt(schema, "probe")).isBetween(Instant.now().plus(Duration.ofMinutes(59)),
				Instant.now().plus(Duration.ofHours(1)));
		// the control: the same run without the new work leaves nothing due
		jdbc.update("update platform.due_work set due_at = now() where schema_name = ? and job = 'probe'", schema);
		dueWork.run(probe, () -> 0);
		assertThat(jdbc.queryForObject("select due_at = 'infinity' from platform.due_work where schema_name = ?"
				+ " and job = 'probe'", Boolean.class, schema)).isTrue();
		jdbc.update("delete from platform.due_work where job = 'probe'");
	}

	@Test
	void aRunThatFoundWorkLooksOnceMoreAFewSecondsLaterForWritersThatWereStillCommitting() {
		String schema = idle.get(0).schema();
		jdbc.update("insert into platform.due_work (schema_name, job, due_at) values (?, 'probe', now())", schema);
		DueJob probe = DueJob.of("probe", "select null::timestamptz");

		dueWork.run(probe, () -> 1);

		assertThat(dueAt(schema, "probe")).isBetween(Instant.now(), Instant.now().plus(DueWork.LOOK_AGAIN));
		// the second look finds nothing: no third
		jdbc.update("update platform.due_work set due_at = now() where schema_name = ? and job = 'probe'", schema);
		dueWork.run(probe, () -> 0);
		assertThat(jdbc.queryForObject("select due_at = 'infinity' from platform.due_work where schema_name = ?"
				+ " and job = 'probe'", Boolean.class, schema)).isTrue();
		jdbc.update("delete from platform.due_work where job = 'probe'");
	}

	@Test
	void twoNodesRunningAJobAtOnceDoEachQuesturasWorkOnce() throws Exception {
		String schema = idle.get(1).schema();
		jdbc.update("insert into platform.due_work (schema_name, job, due_at) values (?, 'probe', now())", schema);
		DueJob probe = DueJob.of("probe", "select null::timestamptz");
		AtomicInteger worked = new AtomicInteger();
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = nodes.invokeAll(Collections.nCopies(2, (Callable<Integer>) () -> {
				start.await();
				return dueWork.run(probe, worked::incrementAndGet);
			}));
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			nodes.shutdownNow();
			jdbc.update("delete from platform.due_work where job = 'probe'");
		}

		assertThat(worked).hasValue(1);
	}

	private boolean namesAnIdleQuestura(String statement) {
		Set<String> schemas = idle.stream().map(CurrentTenant::schema).collect(Collectors.toSet());
		return Pattern.compile("tenant_[0-9]+").matcher(statement).results().anyMatch(m -> schemas.contains(m.group()));
	}

	private void runEveryJob() {
		draw.drawDue();
		waitingList.passOnAndRelease();
		confirmOrRelease.run();
		reminders.remindDue();
	}

	private static Agenda releasingOffice(AgendaFixtures fixtures, String prefix) {
		Agenda agenda = fixtures.newQuestura(prefix);
		fixtures.releaseOnSchedule(agenda);
		return agenda;
	}

	/** An entry in a release that opened ten seconds ago, whose window then closed (moved two minutes back). */
	private long enteredInAReleaseWhoseWindowClosed(AgendaFixtures fixtures, Agenda agenda) {
		Instant release = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
		long slot = fixtures.slot(agenda, 1);
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = ? where id = ?",
				Timestamp.from(release), slot);
		long entry = ((Entered) TenantContext.callAs(agenda.tenant(), () -> bookings
			.book(aCitizenBooking(agenda, slot).forPerson(People.anyone()).byAccount(People.newAccount()).build())))
			.entryId();
		jdbc.update("update " + agenda.tenant().schema() + ".release_entry set release_at = release_at - interval '2 minutes'");
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = released_at - interval '2 minutes'"
				+ " where id = ?", slot);
		return entry;
	}

	/** A cancelled place offered to the first person waiting, whose offer has run out; returns the next one's account. */
	private long anOfferThatExpiredWithSomebodyNext(AgendaFixtures fixtures, Agenda agenda) {
		long slot = fixtures.slot(agenda, 1);
		BookingReference held = book(agenda, slot);
		waitFor(agenda, People.newAccount());
		long second = People.newAccount();
		waitFor(agenda, second);
		TenantContext.runAs(agenda.tenant(),
				() -> bookings.cancel(held, Channel.CITIZEN, "account:x", null));
		jdbc.update("update " + agenda.tenant().schema() + ".place_hold set until = now() - interval '1 minute'");
		return second;
	}

	private BookingReference bookedLongAgo(AgendaFixtures fixtures, Agenda agenda, Duration ahead) {
		BookingReference reference = book(agenda, fixtures.slotAt(agenda, Instant.now().plus(ahead), 1));
		jdbc.update("update " + agenda.tenant().schema() + ".booking set created_at = now() - interval '20 days'"
				+ " where reference = ?", reference.value());
		return reference;
	}

	private BookingReference book(Agenda agenda, long slot) {
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings
			.book(aCitizenBooking(agenda, slot).forPerson(People.anyone()).byAccount(People.newAccount()).build())))
			.reference();
	}

	private void waitFor(Agenda agenda, long account) {
		var person = People.anyone();
		ReleaseEntries.Entry entry = ReleaseEntries.Entry.of(aCitizenBooking(agenda, 0).forPerson(person).byAccount(account)
			.build(), List.of(context.getBean(PersonKeys.class).of(person.identity())));
		jdbc.update("insert into " + agenda.tenant().schema() + ".waiting_entry (practice_id, holder_key, request)"
				+ " values (?, ?, ?)", agenda.application(), entry.persons().get(0).key(),
				ReleaseEntries.JSON.writeValueAsString(entry));
	}

	private int events(Class<?> type, BookingReference reference) {
		return jdbc.queryForObject("select count(*) from platform.domain_event where type = ? and payload like ?",
				Integer.class, type.getName(), "%\"" + reference.value() + "\"%");
	}

	private Instant dueAt(String schema, String job) {
		return jdbc.queryForObject("select due_at from platform.due_work where schema_name = ? and job = ?",
				Timestamp.class, schema, job).toInstant();
	}
}
