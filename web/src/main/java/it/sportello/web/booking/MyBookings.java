package it.sportello.web.booking;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingView;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.message.Message;
import it.sportello.core.message.Messages;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in person's active booking, wherever it is: the account's claim names the Questura and the reference, so
 * that no page takes a reference from the request (nobody can open someone else's booking by guessing one).
 */
@Component
public class MyBookings {

	private final BookingQueries queries;

	private final Tenants tenants;

	private final Practices practices;

	private final OfficeProfiles profiles;

	private final Messages messages;

	private final TransactionTemplate ownTransaction;

	MyBookings(BookingQueries queries, Tenants tenants, Practices practices, OfficeProfiles profiles,
			Messages messages, PlatformTransactionManager transactions) {
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.ownTransaction.setReadOnly(true);
		this.queries = queries;
		this.tenants = tenants;
		this.practices = practices;
		this.profiles = profiles;
		this.messages = messages;
	}

	/** The account's active booking with what its pages show, if it holds one. */
	public Optional<Appointment> current(long accountId) {
		return queries.activeBookingOfAccount(accountId).flatMap(claim -> tenants.findBySlug(claim.tenantSlug())
			.flatMap(tenant -> appointment(tenant, claim.reference())
				.filter(a -> a.booking().accountId() != null && a.booking().accountId() == accountId)));
	}

	/** Any booking of the Questura by its reference, for what the office sends its person. */
	public Optional<Appointment> appointment(Tenant tenant, BookingReference reference) {
		// a transaction of its own, begun inside the Questura, so that its JPA session reads that Questura's schema
		// even when the caller (the event relay) is in a transaction of the platform schema
		return TenantContext.callAs(tenant.asCurrent(), () -> ownTransaction.execute(status -> queries.find(reference)
			.map(view -> new Appointment(tenant, view, practices.findById(view.practiceId()).orElseThrow(),
					profiles.getRequired().getTimeZone(), messages.of(view.reference())))));
	}

	/** Runs work in the Questura of the booking. */
	<T> T inQuestura(Appointment mine, Supplier<T> work) {
		return TenantContext.callAs(mine.questura().asCurrent(), work);
	}

	/**
	 * A booking as its person's pages and mails show it.
	 * @param zone the office's time zone
	 * @param messages the office's messages, newest first
	 */
	public record Appointment(Tenant questura, BookingView booking, Practice practice, ZoneId zone, List<Message> messages) {

		public long unread() {
			return messages.stream().filter(m -> !m.isRead()).count();
		}
	}
}
