package it.sportello.core.booking;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;

import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingOutcome.Entered;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ReleaseDrawTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	ReleaseDraw draw;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixtures fixtures;

	Agenda agenda;

	Instant release;

	@BeforeEach
	void aQuesturaThatReleasesOnASchedule() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("estrazione");
		fixtures.releaseOnSchedule(agenda);
		release = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
	}

	@Test
	void aRequestInTheFirstSecondsAfterAReleaseIsAnEntryNotABooking() {
		long slot = releasedSlot(1);
		var person = People.anyone();

		BookingOutcome outcome = book(slot, person, People.newAccount());

		assertThat(outcome).isInstanceOf(Entered.class);
		assertThat(fixtures.activeBookings(agenda, slot)).isZero();
		assertRefused(Reason.ALREADY_ENTERED, () -> book(slot, person, People.newAccount()));
	}

	@Test
	void theDrawGivesThePlacesInTheRecordedRandomOrderAndWaitlistsTheRest() {
		List<Long> slots = List.of(releasedSlot(1), releasedSlot(1), releasedSlot(1));
		List<Long> entries = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			entries.add(((Entered) book(slots.get(i % 3), People.anyone(), People.newAccount())).entryId());
		}
		closeWindow();

		assertThat(TenantContext.callAs(agenda.tenant(), draw::drawDueHere)).isEqualTo(10);

		Map<String, String> drawn = TenantContext.callAs(agenda.tenant(), () -> context.getBean(AuditLog.class)
			.search(null, null, "system", null, null)).stream().filter(e -> e.entry().action().equals("DRAW"))
			.findFirst().orElseThrow().entry().facts();
		List<Long> replayed = new ArrayList<>(entries);
		Collections.sort(replayed);
		Collections.shuffle(replayed, new Random(Long.parseLong(drawn.get("seed"))));
		assertThat(drawn).containsEntry("order", replayed.toString());
		assertThat(statuses(replayed)).containsExactly("WON", "WON", "WON", "WAITLISTED", "WAITLISTED", "WAITLISTED",
				"WAITLISTED", "WAITLISTED", "WAITLISTED", "WAITLISTED");
		assertThat(slots).allSatisfy(s -> assertThat(fixtures.activeBookings(agenda, s)).isEqualTo(1));
		assertThat(jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".waiting_entry",
				Integer.class)).isEqualTo(7);
	}

	@Test
	void associationsWinAtMostTheirShareOfARelease() {
		long slot = releasedSlot(10);
		long association = fixtures.association(50);
		for (int i = 0; i < 8; i++) {
			bookForAssociation(slot, association);
		}
		book(slot, People.anyone(), People.newAccount());
		book(slot, People.anyone(), People.newAccount());
		closeWindow();

		TenantContext.callAs(agenda.tenant(), draw::drawDueHere);

		assertThat(jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".release_entry"
				+ " where channel = 'ASSOCIATION' and status = 'WON'", Integer.class)).isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".release_entry"
				+ " where channel = 'CITIZEN' and status = 'WON'", Integer.class)).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".release_entry"
				+ " where outcome = 'ASSOCIATION_SHARE'", Integer.class)).isEqualTo(5);
	}

	@Test
	void aCrowdDuringTheWindowMakesEntriesAndTwoNodesDrawingAtOnceDecideEachOnce() throws Exception {
		long slot = releasedSlot(5);
		atOnce(40, () -> book(slot, People.anyone(), People.newAccount()));
		assertThat(fixtures.activeBookings(agenda, slot)).isZero();
		closeWindow();

		List<Integer> decided = atOnce(2, () -> TenantContext.callAs(agenda.tenant(), draw::drawDueHere));

		assertThat(decided.get(0) + decided.get(1)).isEqualTo(40);
		assertThat(fixtures.activeBookings(agenda, slot)).isEqualTo(5);
		assertThat(fixtures.booked(agenda, slot)).isEqualTo(5);
		assertThat(jdbc.queryForObject("select count(*) from platform.domain_event where type = ? and payload like ?",
				Integer.class, DrawDecided.class.getName(), "%" + agenda.tenant().id().slug() + "%")).isEqualTo(40);
	}

	/** The control: two nodes that read the entries, then decide them, without the claim, both decide every entry. */
	@Test
	void controlDrawingWithoutTheClaimDecidesEntriesTwice() throws Exception {
		long slot = releasedSlot(5);
		for (int i = 0; i < 6; i++) {
			book(slot, People.anyone(), People.newAccount());
		}
		closeWindow();
		CyclicBarrier bothHaveRead = new CyclicBarrier(2);
		it.sportello.core.event.DomainEvents events = context.getBean(it.sportello.core.event.DomainEvents.class);

		List<Integer> decided = atOnce(2, () -> TenantContext.callAs(agenda.tenant(), () -> context
			.getBean(AgendaTransactions.class).execute(() -> {
				List<Long> read = jdbc.queryForList("select id from " + agenda.tenant().schema()
						+ ".release_entry where status = 'ENTERED'", Long.class);
				try {
					bothHaveRead.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				read.forEach(id -> events.append(new DrawDecided(agenda.tenant().id(), id)));
				return read.size();
			})));

		assertThat(decided).containsExactly(6, 6);
	}

	@Test
	void afterTheWindowItIsFirstComeFirstServed() {
		long slot = releasedSlot(1);
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = now() - interval '2 minutes'"
				+ " where id = ?", slot);

		assertThat(book(slot, People.anyone(), People.newAccount())).isInstanceOf(BookingOutcome.Booked.class);
	}

	private long releasedSlot(int capacity) {
		long slot = fixtures.slot(agenda, capacity);
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = ? where id = ?",
				java.sql.Timestamp.from(release), slot);
		return slot;
	}

	private void closeWindow() {
		jdbc.update("update " + agenda.tenant().schema() + ".release_entry set release_at = release_at - interval '2 minutes'");
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = released_at - interval '2 minutes'"
				+ " where released_at = ?", java.sql.Timestamp.from(release));
	}

	private BookingOutcome book(long slot, PersonDetails person, long account) {
		return TenantContext.callAs(agenda.tenant(),
				() -> bookings.book(aCitizenBooking(agenda, slot).forPerson(person).byAccount(account).build()));
	}

	private void bookForAssociation(long slot, long association) {
		TenantContext.callAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda, slot)
			.forPerson(People.anyone()).byAssociation(association).build()));
	}

	private List<String> statuses(List<Long> ids) {
		List<String> statuses = new ArrayList<>();
		for (long id : ids) {
			statuses.add(jdbc.queryForObject("select status from " + agenda.tenant().schema() + ".release_entry where id = ?",
					String.class, id));
		}
		return statuses;
	}

	private static void assertRefused(Reason reason, Runnable work) {
		assertThatThrownBy(work::run).isInstanceOfSatisfying(BookingRefused.class,
				refused -> assertThat(refused.getReason()).isEqualTo(reason));
	}

	private static <T> List<T> atOnce(int threads, java.util.concurrent.Callable<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return work.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
