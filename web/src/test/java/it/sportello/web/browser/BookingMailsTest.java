package it.sportello.web.browser;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingReminders;
import it.sportello.core.booking.BookingRequest;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
import it.sportello.core.event.EventRelay;
import it.sportello.core.message.Messages;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

class BookingMailsTest extends RunningServerTest {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000L);

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	Messages messages;

	@Autowired
	BookingReminders reminders;

	@Autowired
	EventRelay relay;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixtures fixtures;

	Agenda agenda;

	String email;

	@BeforeEach
	void aQuestura() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("posta");
		email = "persona." + SEQUENCE.incrementAndGet() + "@example.org";
	}

	@Test
	void theConfirmationIsInTheLanguageOfTheBookingAndCarriesTheCalendarEntry() throws Exception {
		BookingReference reference = book(fixtures.slot(agenda, 1), "fr");

		relay.publishPending();

		MimeMessage mail = onlyMail();
		assertThat(mail.getSubject()).startsWith("Rendez-vous confirmé : Questura " + agenda.tenant().id().slug());
		assertThat(mail.getHeader("Content-Language")).containsExactly("fr");
		assertThat(text(mail)).contains(reference.value()).contains("Passaporto");
		assertThat(calendarEntry(mail)).contains("BEGIN:VEVENT").contains(reference.value());
	}

	@Test
	void movedMessagedAndCancelledBookingsAreToldInArabic() throws Exception {
		BookingReference reference = book(fixtures.slot(agenda, 1), "ar");
		long later = fixtures.slot(agenda, 1);
		inAgenda(() -> bookings.move(reference, later, Channel.OFFICE, "staff:anna", "Chiusura straordinaria"));
		inAgenda(() -> messages.send(reference, "staff:anna", "Portare due fotografie."));
		inAgenda(() -> bookings.cancel(reference, Channel.CITIZEN, "account:1", null));

		relay.publishPending();

		List<String> subjects = TestSmtp.to(email).stream().map(BookingMailsTest::subject).toList();
		assertThat(subjects).hasSize(4);
		assertThat(subjects.get(0)).startsWith("تم تأكيد الموعد");
		assertThat(subjects.get(1)).startsWith("تم نقل الموعد");
		assertThat(subjects.get(2)).startsWith("رسالة من");
		assertThat(subjects.get(3)).startsWith("تم إلغاء الموعد");
		assertThat(text(TestSmtp.to(email).get(1))).contains("Chiusura straordinaria");
		assertThat(text(TestSmtp.to(email).get(2))).contains("Portare due fotografie.");
	}

	@Test
	void theReminderGoesOutOnceTwoDaysBefore() throws Exception {
		BookingReference reference = book(fixtures.slotAt(agenda, Instant.now().plus(Duration.ofHours(40)), 1), "en");
		jdbc.update("update " + agenda.tenant().schema() + ".booking set created_at = now() - interval '10 days'"
				+ " where reference = ?", reference.value());

		reminders.remindDue();
		reminders.remindDue();
		relay.publishPending();

		List<MimeMessage> received = TestSmtp.to(email);
		assertThat(received).hasSize(2);
		assertThat(subject(received.get(1))).startsWith("Reminder: appointment on");
		assertThat(calendarEntry(received.get(1))).contains(reference.value());
	}

	@Test
	void anSmtpOutageDelaysTheMailAndLosesNothing() throws Exception {
		TestSmtp.stop();
		BookingReference reference;
		try {
			reference = book(fixtures.slot(agenda, 1), "it");
			relay.publishPending();
			assertThat(pendingEventsOf(reference)).isEqualTo(1);
		}
		finally {
			TestSmtp.start();
		}
		assertThat(TestSmtp.to(email)).isEmpty();

		relay.publishPending();

		assertThat(pendingEventsOf(reference)).isZero();
		assertThat(subject(onlyMail())).startsWith("Appuntamento confermato");
	}

	private BookingReference book(long slot, String language) {
		BookingRequest defaults = aCitizenBooking(agenda, slot).forPerson(People.anyone()).byAccount(People.newAccount())
			.build();
		BookingRequest request = new BookingRequest(defaults.practiceId(), slot, Channel.CITIZEN, defaults.accountId(),
				null, defaults.persons(), null, email, null, language, defaults.actor());
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(request))).reference();
	}

	private int pendingEventsOf(BookingReference reference) {
		return jdbc.queryForObject("select count(*) from platform.domain_event where published_at is null"
				+ " and payload like ?", Integer.class, "%\"" + reference.value() + "\"%");
	}

	private MimeMessage onlyMail() {
		List<MimeMessage> received = TestSmtp.to(email);
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	private void inAgenda(Runnable work) {
		TenantContext.runAs(agenda.tenant(), work);
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The mail's text, decoded. */
	static String text(Part part) {
		return partOf(part, "text/plain");
	}

	/** The attached calendar entry, decoded. */
	static String calendarEntry(Part part) {
		return partOf(part, "text/calendar");
	}

	private static String partOf(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return part.getContent() instanceof String text ? text
						: new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = partOf(multipart.getBodyPart(i), type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
