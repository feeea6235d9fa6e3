package it.sportello.core.account;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.ConfirmOrRelease;
import it.sportello.core.booking.ReleaseEntries;
import it.sportello.core.booking.WaitingList;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.message.Message;
import it.sportello.core.message.Messages;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import it.sportello.core.text.LocalizedText;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in person's active booking, wherever it is: the account's claim names the Questura and the reference, so
 * that no page takes a reference from the request (nobody can open someone else's booking by guessing one).
 */
@Component
public class AccountBookings {

	private final BookingQueries queries;

	private final Tenants tenants;

	private final Practices practices;

	private final OfficeProfiles profiles;

	private static final int MESSAGES_SHOWN = 20;

	private final Messages messages;

	private final ReleaseEntries entries;

	private final WaitingList waitingList;

	private final ConfirmOrRelease confirmations;

	private final TransactionTemplate ownTransaction;

	AccountBookings(BookingQueries queries, Tenants tenants, Practices practices, OfficeProfiles profiles,
			Messages messages, PlatformTransactionManager transactions, ReleaseEntries entries, WaitingList waitingList,
			ConfirmOrRelease confirmations) {
		this.confirmations = confirmations;
		this.entries = entries;
		this.waitingList = waitingList;
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
					profiles.getRequired().getTimeZone(), messages.of(view.reference()),
					confirmations.awaitsConfirmation(view.reference())))));
	}

	/** What a draw decided for an entry, with what its mail needs. */
	public Optional<DrawResult> drawResult(Tenant tenant, long entryId) {
		return TenantContext.callAs(tenant.asCurrent(), () -> ownTransaction.execute(status -> entries.find(entryId)
			.map(e -> new DrawResult(e.status(), e.outcome(), e.request().email(), e.request().language(),
					e.request().persons().get(0).fullName(),
					practices.findById(e.request().practiceId()).map(p -> p.getName().it()).orElse("")))));
	}

	/** A waiting-list offer with what its mail needs. */
	public Optional<OfferMail> offer(Tenant tenant, long waitingEntryId) {
		return TenantContext.callAs(tenant.asCurrent(), () -> ownTransaction.execute(status -> waitingList
			.offer(waitingEntryId)
			.map(o -> new OfferMail(o.request().email(), o.request().language(), o.request().persons().get(0).fullName(),
					practices.findById(o.request().practiceId()).map(p -> p.getName().it()).orElse(""), o.startsAt(),
					o.expiresAt()))));
	}

	/** The account's draw entries in every Questura, newest first. */
	public List<MyEntry> entries(long accountId) {
		List<MyEntry> all = new ArrayList<>();
		for (Tenant tenant : tenants.findAllActive()) {
			TenantContext.runAs(tenant.asCurrent(), () -> entries.ofAccount(accountId).forEach(e -> all.add(new MyEntry(
					tenant.getName(), e.status(), e.outcome(), e.bookingReference(), e.release(),
					practices.findById(e.request().practiceId()).map(p -> p.getName()).orElse(null)))));
		}
		all.sort(Comparator.comparing(MyEntry::release).reversed());
		return all;
	}

	/** The places the waiting list offers the account now, in every Questura. */
	public List<MyOffer> offers(long accountId) {
		List<MyOffer> all = new ArrayList<>();
		for (Tenant tenant : tenants.findAllActive()) {
			TenantContext.runAs(tenant.asCurrent(), () -> waitingList.offersOf(accountId).forEach(o -> all.add(new MyOffer(
					tenant.getSlug(), tenant.getName(), o.id(), o.startsAt(), o.expiresAt(),
					practices.findById(o.request().practiceId()).map(p -> p.getName()).orElse(null)))));
		}
		return all;
	}

	/**
	 * The office's messages to the account about any of its bookings, in every Questura, newest first: a message stays
	 * after its booking is served or cancelled, since its mail sends the person here to read it.
	 */
	public List<MyMessage> messages(long accountId) {
		List<MyMessage> all = new ArrayList<>();
		for (Tenant tenant : tenants.findAllActive()) {
			TenantContext.runAs(tenant.asCurrent(), () -> messages.ofAccount(accountId, MESSAGES_SHOWN).forEach(m -> all
				.add(new MyMessage(tenant.getSlug(), tenant.getName(), m.booking().value(), m.message()))));
		}
		all.sort(Comparator.comparing((MyMessage m) -> m.message().sentAt()).reversed());
		return all.size() > MESSAGES_SHOWN ? all.subList(0, MESSAGES_SHOWN) : all;
	}

	/** Marks one of the account's messages in the Questura read; another's message, or an unknown one, stays as it is. */
	public void markRead(long accountId, String slug, long messageId) {
		tenants.findBySlug(slug).ifPresent(tenant -> TenantContext.runAs(tenant.asCurrent(),
				() -> messages.markReadOfAccount(accountId, messageId)));
	}

	/** Accepts a place the waiting list offers the account at the Questura; empty when no open Questura has the slug. */
	public Optional<BookingReference> acceptOffer(long accountId, String slug, long offerId) {
		return tenants.findActive(slug)
			.map(tenant -> TenantContext.callAs(tenant.asCurrent(), () -> waitingList.accept(offerId, accountId)));
	}

	/** Runs work in the Questura of the booking. */
	public <T> T inQuestura(Appointment mine, Supplier<T> work) {
		return TenantContext.callAs(mine.questura().asCurrent(), work);
	}

	/** Does work in the Questura of the booking. */
	public void inQuestura(Appointment mine, Runnable work) {
		TenantContext.runAs(mine.questura().asCurrent(), work);
	}

	/** A place offered to the account by the waiting list. */
	public record MyOffer(String slug, String questura, long id, Instant startsAt, Instant expiresAt,
			LocalizedText practice) {
	}

	/** A message of an office to the account, with the Questura and the booking it is about. */
	public record MyMessage(String slug, String questura, String reference, Message message) {
	}

	/** A waiting-list offer for its mail. */
	public record OfferMail(String email, String language, String holder, String practice, Instant startsAt,
			Instant expiresAt) {
	}

	/** A draw's result for its mail. */
	public record DrawResult(String status, String outcome, String email, String language, String holder,
			String practice) {
	}

	/** An entry of the account in a release's draw. */
	public record MyEntry(String questura, String status, String outcome, String reference, Instant release,
			LocalizedText practice) {
	}

	/**
	 * A booking as its person's pages and mails show it.
	 * @param zone the office's time zone
	 * @param messages the office's messages, newest first
	 */
	public record Appointment(Tenant questura, BookingView booking, Practice practice, ZoneId zone, List<Message> messages,
			boolean awaitingConfirmation) {

		public long unread() {
			return messages.stream().filter(m -> !m.isRead()).count();
		}
	}
}
