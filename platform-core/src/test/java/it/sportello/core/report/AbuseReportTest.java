package it.sportello.core.report;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class AbuseReportTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	AbuseReport report;

	AgendaFixtures fixtures;

	Agenda agenda;

	@BeforeEach
	void aQuestura() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("abuso");
	}

	@Test
	void anAccountThatCancelsAndRebooksAtOnceIsReported() {
		long reseller = People.newAccount();
		long honest = People.newAccount();
		PersonDetails client = People.anyone();
		cancel(book(client, reseller));
		cancel(book(client, reseller));
		book(client, reseller);
		book(People.anyone(), honest);

		AbuseReport.Findings findings = TenantContext.callAs(agenda.tenant(), report::find);

		assertThat(findings.cancelAndRebook()).extracting(AbuseReport.Finding::who).containsExactly("account:" + reseller);
		assertThat(findings.cancelAndRebook().get(0).count()).isEqualTo(2);
	}

	@Test
	void aPersonBookedThroughManyAccountsAndAnAccountBookingForManyPersonsAreReported() {
		PersonDetails sold = People.anyone();
		cancel(book(sold, People.newAccount()));
		cancel(book(sold, People.newAccount()));
		book(sold, People.newAccount());
		long broker = People.newAccount();
		cancel(book(People.anyone(), broker));
		cancel(book(People.anyone(), broker));
		book(People.anyone(), broker);

		AbuseReport.Findings findings = TenantContext.callAs(agenda.tenant(), report::find);

		String key = context.getBean(PersonKeys.class).of(sold.identity()).value();
		assertThat(findings.personKeysThroughManyAccounts()).extracting(AbuseReport.Finding::who)
			.containsExactly(key.substring(0, 12) + "…");
		assertThat(findings.accountsWithManyPersons()).extracting(AbuseReport.Finding::who).contains("account:" + broker);
	}

	@Test
	void anAddressThatBooksForManyPersonsIsReported() {
		for (int i = 0; i < 3; i++) {
			bookFrom("203.0.113.66", People.anyone(), People.newAccount());
		}
		bookFrom("198.51.100.9", People.anyone(), People.newAccount());

		AbuseReport.Findings findings = TenantContext.callAs(agenda.tenant(), report::find);

		assertThat(findings.accountsWithManyPersons()).extracting(AbuseReport.Finding::who)
			.contains("address:203.0.113.66").doesNotContain("address:198.51.100.9");
	}

	private BookingReference book(PersonDetails person, long account) {
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda,
				fixtures.slot(agenda, 3)).forPerson(person).byAccount(account).build()))).reference();
	}

	/** A booking whose request came from the client address: the booking function keeps the origin with it. */
	private void bookFrom(String address, PersonDetails person, long account) {
		TenantContext.callAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda, fixtures.slot(agenda, 3))
			.forPerson(person).byAccount(account).build().from(address)));
	}

	private void cancel(BookingReference reference) {
		TenantContext.runAs(agenda.tenant(), () -> bookings.cancel(reference, Channel.CITIZEN, "test", null));
	}
}
