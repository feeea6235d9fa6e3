package it.sportello.core.booking;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.pickup.ReadyForPickup;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.BookingRequests;
import it.sportello.core.testsupport.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(properties = "sportello.booking.lock-timeout=300ms")
class BookingServiceTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	BookingQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixtures fixtures;

	Agenda agenda;

	@BeforeEach
	void anOffice() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("lecco");
	}

	@Test
	void aBookingTakesAPlaceAndIsReadBackByItsReference() {
		long slot = fixtures.slot(agenda, 3);

		BookingReference reference = book(aCitizenBooking(agenda, slot));

		assertThat(fixtures.booked(agenda, slot)).isEqualTo(1);
		BookingView view = TenantContext.callAs(agenda.tenant(), () -> queries.find(reference)).orElseThrow();
		assertThat(view.status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(view.channel()).isEqualTo(Channel.CITIZEN);
		assertThat(view.slotId()).isEqualTo(slot);
		assertThat(view.siteAddress()).isEqualTo("Via Roma 1, 16100 Genova");
	}

	@Test
	void theDocumentNumberIsNeverStored() {
		PersonIdentity.Document passport = new PersonIdentity.Document(PersonIdentity.DocumentType.PASSPORT, "SN",
				"AB1234567");

		book(aCitizenBooking(agenda, fixtures.slot(agenda, 1))
			.forPerson(new PersonDetails("Awa Diop", passport, false)));

		String everything = jdbc.queryForObject("select string_agg(t::text, ' ') from (select * from "
				+ agenda.tenant().schema() + ".booking_person union all select null, null, person_key, null, null, null, null"
				+ " from platform.person_claim) t", String.class);
		assertThat(everything).doesNotContain("AB1234567").contains("Awa Diop");
	}

	@Test
	void thePersonsOfABookingKeepTheirNationalityAndDateOfBirthInOrder() {
		PersonDetails mother = new PersonDetails("Awa Diop", People.passport(), false, "SN", LocalDate.of(1990, 3, 4));
		PersonDetails son = new PersonDetails("Moussa Diop", People.passport(), true, "IT", LocalDate.of(2015, 9, 1));

		BookingReference reference = book(aCitizenBooking(agenda, fixtures.slot(agenda, 1)).forPerson(mother).forPerson(son));

		assertThat(TenantContext.callAs(agenda.tenant(), () -> queries.find(reference)).orElseThrow().persons())
			.containsExactly(new BookingView.Person("Awa Diop", false, "SN", LocalDate.of(1990, 3, 4)),
					new BookingView.Person("Moussa Diop", true, "IT", LocalDate.of(2015, 9, 1)));
	}

	@Test
	void aPersonHoldsOneActiveBookingAcrossThePlatform() {
		Agenda other = fixtures.newQuestura("sondrio");
		var person = People.anyone();
		book(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).forPerson(person));

		assertRefused(Reason.PERSON_ALREADY_BOOKED,
				() -> bookIn(other, aCitizenBooking(other, fixtures.slot(other, 3)).forPerson(person)));
	}

	@Test
	void anAccountHoldsOneActiveBooking() {
		long account = People.newAccount();
		book(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).byAccount(account));

		assertRefused(Reason.ACCOUNT_ALREADY_BOOKED,
				() -> book(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).byAccount(account)));
	}

	@Test
	void thePlatformKnowsWhereAnAccountOrAPersonHoldsItsBookingUntilItEnds(@Autowired PersonKeys keys) {
		long account = People.newAccount();
		var person = People.anyone();
		BookingReference reference = book(aCitizenBooking(agenda, fixtures.slot(agenda, 1)).byAccount(account).forPerson(person));

		assertThat(queries.activeBookingOfAccount(account))
			.contains(new BookingQueries.Claim(agenda.tenant().id().slug(), reference));
		assertThat(queries.hasActiveBooking(keys.of(person.identity()))).isTrue();

		TenantContext.runAs(agenda.tenant(), () -> bookings.cancel(reference, Channel.CITIZEN, "account", null));

		assertThat(queries.activeBookingOfAccount(account)).isEmpty();
		assertThat(queries.hasActiveBooking(keys.of(person.identity()))).isFalse();
	}

	@Test
	void minorChildrenArePersonsOfTheBookingEachWithTheirOwnClaim() {
		var child = People.minorChild();
		book(aCitizenBooking(agenda, fixtures.slot(agenda, 1)).forPerson(People.anyone()).forPerson(child));

		assertRefused(Reason.PERSON_ALREADY_BOOKED,
				() -> book(aCitizenBooking(agenda, fixtures.slot(agenda, 1)).forPerson(People.anyone()).forPerson(child)));
	}

	@Test
	void aRefusedBookingLeavesNothingBehind() {
		long slot = fixtures.slot(agenda, 1);
		book(aCitizenBooking(agenda, slot));
		var person = People.anyone();

		assertRefused(Reason.SLOT_FULL, () -> book(aCitizenBooking(agenda, slot).forPerson(person)));

		assertThat(fixtures.activeBookings(agenda, slot)).isEqualTo(1);
		// the person's claim went with the refused transaction: they can book elsewhere
		book(aCitizenBooking(agenda, fixtures.slot(agenda, 1)).forPerson(person));
	}

	@Test
	void cancellingFreesThePlaceAndThePersonsClaim() {
		long slot = fixtures.slot(agenda, 1);
		var person = People.anyone();
		long account = People.newAccount();
		BookingReference reference = book(aCitizenBooking(agenda, slot).forPerson(person).byAccount(account));

		TenantContext.runAs(agenda.tenant(), () -> bookings.cancel(reference, Channel.CITIZEN, "account", null));

		assertThat(fixtures.booked(agenda, slot)).isZero();
		book(aCitizenBooking(agenda, slot).forPerson(person).byAccount(account));
		assertRefused(Reason.NOT_IN_A_STATE_TO_DO_THAT,
				() -> TenantContext.runAs(agenda.tenant(), () -> bookings.cancel(reference, Channel.CITIZEN, "a", null)));
	}

	@Test
	void movingTakesTheNewPlaceAndFreesTheOld() {
		long from = fixtures.slot(agenda, 1);
		long to = fixtures.slot(agenda, 1);
		BookingReference reference = book(aCitizenBooking(agenda, from));

		TenantContext.runAs(agenda.tenant(), () -> bookings.move(reference, to, Channel.CITIZEN, "account", null));

		assertThat(fixtures.booked(agenda, from)).isZero();
		assertThat(fixtures.booked(agenda, to)).isEqualTo(1);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> queries.find(reference)).orElseThrow().slotId()).isEqualTo(to);
	}

	@Test
	void aMoveToAFullSlotKeepsTheOldPlace() {
		long from = fixtures.slot(agenda, 1);
		long full = fixtures.slot(agenda, 1);
		book(aCitizenBooking(agenda, full));
		BookingReference reference = book(aCitizenBooking(agenda, from));

		assertRefused(Reason.SLOT_FULL,
				() -> TenantContext.runAs(agenda.tenant(), () -> bookings.move(reference, full, Channel.CITIZEN, "a", null)));

		assertThat(fixtures.booked(agenda, from)).isEqualTo(1);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> queries.find(reference)).orElseThrow().slotId()).isEqualTo(from);
	}

	@Test
	void aSlotOfAnotherQuesturaIsNotBookableHere() {
		Agenda other = fixtures.newQuestura("pavia");
		long theirs = 900_000 + fixtures.slot(other, 1000);
		jdbc.update("update " + other.tenant().schema() + ".slot set id = ? where id = ?", theirs, theirs - 900_000);

		assertRefused(Reason.SLOT_NOT_BOOKABLE, () -> book(aCitizenBooking(agenda, theirs)));

		assertThat(fixtures.booked(other, theirs)).isZero();
	}

	@Test
	void aPracticeIsBookedOnlyThroughTheChannelsItAllows() {
		long slot = fixtures.slot(agenda, 5);

		assertRefused(Reason.PRACTICE_NOT_BOOKABLE,
				() -> book(aCitizenBooking(agenda, slot).forPractice(agenda.associationsOnly())));
		book(aCitizenBooking(agenda, slot).forPractice(agenda.associationsOnly()).byAssociation(fixtures.association(5)));
	}

	@Test
	void aPastOrUnreleasedSlotIsNotBookable() {
		long past = fixtures.slotAt(agenda, Instant.now().minusSeconds(3600), 5);
		long later = fixtures.slot(agenda, 5);
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = now() + interval '1 hour' where id = ?",
				later);

		assertRefused(Reason.SLOT_NOT_BOOKABLE, () -> book(aCitizenBooking(agenda, past)));
		assertRefused(Reason.SLOT_NOT_BOOKABLE, () -> book(aCitizenBooking(agenda, later)));
	}

	@Test
	void aPickUpNeedsAPracticeNumberOnTheReadyListExceptForTheOffice(@Autowired ReadyForPickup readyList,
			@Autowired PersonKeys keys) {
		long slot = fixtures.slot(agenda, 5);
		var holder = People.anyone();

		assertRefused(Reason.NOT_READY_FOR_PICKUP,
				() -> book(aCitizenBooking(agenda, slot).forPractice(agenda.pickUp()).withPracticeNumber("GE-123")));
		TenantContext.runAs(agenda.tenant(),
				() -> readyList.add("GE-123", Optional.of(keys.of(holder.identity()))));
		assertRefused(Reason.NOT_READY_FOR_PICKUP,
				() -> book(aCitizenBooking(agenda, slot).forPractice(agenda.pickUp()).withPracticeNumber("GE-123")));

		book(aCitizenBooking(agenda, slot).forPractice(agenda.pickUp()).withPracticeNumber(" ge-123 ").forPerson(holder));
		book(aCitizenBooking(agenda, slot).forPractice(agenda.pickUp()).byOffice());
	}

	@Test
	void everyChangeIsAudited(@Autowired AuditLog audit) {
		long from = fixtures.slot(agenda, 1);
		long to = fixtures.slot(agenda, 1);
		BookingReference reference = book(aCitizenBooking(agenda, from));
		TenantContext.runAs(agenda.tenant(), () -> {
			bookings.move(reference, to, Channel.OFFICE, "staff:mario", "sportello chiuso");
			bookings.cancel(reference, Channel.OFFICE, "staff:mario", "pratica già definita");
		});

		assertThat(TenantContext.callAs(agenda.tenant(), () -> audit.forBooking(reference.value())))
			.extracting(e -> e.entry().action() + " " + e.entry().channel() + " " + e.entry().actor())
			.containsExactly("BOOKED CITIZEN account:" + lastAccount(reference), "MOVED OFFICE staff:mario",
					"CANCELLED OFFICE staff:mario");
	}

	@Test
	void theAuditLogCannotBeRewritten() {
		BookingReference reference = book(aCitizenBooking(agenda, fixtures.slot(agenda, 1)));

		assertThatThrownBy(() -> jdbc.update("update " + agenda.tenant().schema()
				+ ".audit_event set actor = 'nobody' where booking_reference = ?", reference.value()))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from " + agenda.tenant().schema() + ".audit_event"))
			.hasMessageContaining("append-only");
	}

	@Test
	void aLockHeldTooLongEndsInTryAgainNotAHang(@Autowired PlatformTransactionManager transactionManager)
			throws Exception {
		long slot = fixtures.slot(agenda, 5);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> {
				jdbc.queryForList("select id from " + agenda.tenant().schema() + ".slot where id = ? for update", slot);
				locked.countDown();
				await(release);
			}));
		try {
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			assertRefused(Reason.TRY_AGAIN, () -> book(aCitizenBooking(agenda, slot)));
		}
		finally {
			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
		}
		assertThat(fixtures.activeBookings(agenda, slot)).isZero();
	}

	private String lastAccount(BookingReference reference) {
		return String.valueOf(TenantContext.callAs(agenda.tenant(), () -> queries.find(reference)).orElseThrow().accountId());
	}

	private BookingReference book(BookingRequests request) {
		return bookIn(agenda, request);
	}

	private BookingReference bookIn(Agenda where, BookingRequests request) {
		BookingOutcome outcome = TenantContext.callAs(where.tenant(), () -> bookings.book(request.build()));
		if (outcome instanceof Booked booked) {
			return booked.reference();
		}
		throw new AssertionError("expected a booking, got " + outcome);
	}

	private static void assertRefused(Reason reason, Runnable action) {
		assertThatThrownBy(action::run).isInstanceOf(BookingRefused.class).extracting("reason").isEqualTo(reason);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
