package it.sportello.core.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.BookingStore.BookingRow;
import it.sportello.core.booking.BookingStore.PracticeRow;
import it.sportello.core.booking.BookingStore.SlotRow;
import it.sportello.core.event.DomainEvents;
import it.sportello.core.person.PersonKey;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.pickup.ReadyForPickup;
import it.sportello.core.tenancy.TenantContext;
import org.springframework.stereotype.Service;

/**
 * Books, moves and cancels places in the current Questura's agenda. A booking is one call of the database's
 * {@code book} function, which takes the one-booking claims first and the slot's place last and commits at once; a
 * move or a cancellation is one READ COMMITTED transaction that locks what it changes.
 */
@Service
public class BookingService {

	private final BookingStore store;

	private final PersonKeys personKeys;

	private final AgendaTransactions transactions;

	private final AuditLog audit;

	private final DomainEvents events;

	private final BookingQueries queries;

	private final ReleaseEntries entries;

	private final FreedPlaces freedPlaces;

	BookingService(BookingStore store, PersonKeys personKeys, AgendaTransactions transactions, AuditLog audit,
			DomainEvents events, BookingQueries queries, ReleaseEntries entries, FreedPlaces freedPlaces) {
		this.freedPlaces = freedPlaces;
		this.queries = queries;
		this.entries = entries;
		this.store = store;
		this.personKeys = personKeys;
		this.transactions = transactions;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Books the place, or refuses with a reason and changes nothing. In the first moments after the slot's release
	 * (the office's draw window) the request is entered in the release's draw instead, and the person learns the
	 * result when the window closes.
	 */
	public BookingOutcome book(BookingRequest request) {
		validate(request);
		List<PersonKey> keys = request.persons().stream().map(p -> personKeys.of(p.identity())).toList();
		BookingRequest normalised = request.channel() == Channel.OFFICE ? request : request.withPracticeNumber(
				request.practiceNumber() == null ? null : ReadyForPickup.normalise(request.practiceNumber()));
		if (request.channel() != Channel.OFFICE) {
			Optional<Instant> release = store.drawWindowOf(request.slotId());
			if (release.isPresent()) {
				// the entry and its origin together
				return transactions.execute(() -> entries.enter(release.get(), normalised, keys));
			}
		}
		return new Booked(place(normalised, keys));
	}

	/** Books a request drawn at a release, for the persons of its keys; refuses with a reason and changes nothing. */
	BookingReference placeDrawn(BookingRequest request, List<PersonKey> keys) {
		return place(request, keys);
	}

	private BookingReference place(BookingRequest request, List<PersonKey> keys) {
		BookingReference reference = BookingReference.random();
		DomainEvents.Serialized event = events.serialize(
				new BookingMade(TenantContext.getRequired().id(), reference.value(), request.channel(), request.slotId()));
		if (request.channel() == Channel.ASSOCIATION) {
			// the association's quota is taken in the same transaction as the place: both or neither
			transactions.execute(() -> {
				store.takeAssociationPlace(request.associationId());
				return store.book(reference, request, keys, false, event, transactions.lockTimeout());
			});
		}
		else {
			transactions.autoCommitted(() -> store.book(reference, request, keys,
					request.channel() == Channel.CITIZEN, event, transactions.lockTimeout()));
		}
		return reference;
	}

	/**
	 * After an application was served, gives its persons an appointment to pick up their permit, through the office
	 * channel: the same persons (by their keys), contact and language, a pick-up practice and a slot of the office's
	 * choosing.
	 */
	public BookingReference convoke(BookingReference served, long pickUpPracticeId, long slotId, String actor) {
		BookingView application = queries.find(served).orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
		if (application.status() != BookingStatus.SERVED) {
			throw new BookingRefused(Reason.NOT_IN_A_STATE_TO_DO_THAT);
		}
		if (!store.isPickUp(pickUpPracticeId)) {
			throw new BookingRefused(Reason.PRACTICE_NOT_BOOKABLE);
		}
		List<BookingStore.KeyedPerson> persons = store.persons(store.idOf(served));
		BookingReference reference = BookingReference.random();
		BookingRequest request = new BookingRequest(pickUpPracticeId, slotId, Channel.OFFICE, null, null,
				persons.stream().map(BookingStore.KeyedPerson::details).toList(), null, application.email(), null,
				application.language(), actor);
		DomainEvents.Serialized event = events.serialize(
				new BookingMade(TenantContext.getRequired().id(), reference.value(), Channel.OFFICE, slotId));
		transactions.autoCommitted(() -> store.book(reference, request,
				persons.stream().map(BookingStore.KeyedPerson::key).toList(), false, event, transactions.lockTimeout()));
		return reference;
	}

	/** Moves the booking to another slot of its practice: the old place is freed only if the new one is taken. */
	public void move(BookingReference reference, long newSlotId, Channel by, String actor, String reason) {
		transactions.execute(() -> {
			BookingRow booking = store.lockBooking(reference)
				.orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
			booking.status().move();
			PracticeRow practice = store.practice(booking.practiceId()).orElseThrow();
			SlotRow target = store.slot(newSlotId)
				.filter(s -> s.bookableFor(practice) && s.id() != booking.slotId())
				.orElseThrow(() -> new BookingRefused(Reason.SLOT_NOT_BOOKABLE));
			store.lockSlots(booking.slotId(), target.id());
			if (!store.takePlace(target.id())) {
				throw new BookingRefused(Reason.SLOT_FULL);
			}
			store.freePlace(booking.slotId());
			store.moveTo(booking.id(), target.id());
			audit.record(new AuditEntry(actor, "MOVED", by.name(), reference.value(), null, reason)
				.with("from", booking.startsAt())
				.with("to", target.startsAt()));
			events.append(new BookingMoved(TenantContext.getRequired().id(), reference.value(), by, booking.startsAt(),
					target.startsAt(), reason));
			return null;
		});
	}

	/** Cancels the booking: its place is freed and its persons may book again. */
	public void cancel(BookingReference reference, Channel by, String actor, String reason) {
		transactions.execute(() -> {
			BookingRow booking = store.lockBooking(reference)
				.orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
			store.updateStatus(booking.id(), booking.status().cancel());
			if (!freedPlaces.holdFreedPlace(booking.slotId(), actor)) {
				store.freePlace(booking.slotId());
			}
			store.releaseClaims(reference);
			audit.record(new AuditEntry(actor, "CANCELLED", by.name(), reference.value(), null, reason));
			events.append(new BookingCancelled(TenantContext.getRequired().id(), reference.value(), by, reason));
			return null;
		});
	}

	private static void validate(BookingRequest request) {
		if (request.channel() == null || request.persons().isEmpty() || request.persons().get(0).minor()
				|| request.persons().stream().anyMatch(p -> p.identity() == null || p.fullName() == null
						|| p.fullName().isBlank())) {
			throw new IllegalArgumentException("A booking needs a channel and an adult holder, each person named");
		}
		if (request.channel() == Channel.CITIZEN && request.accountId() == null) {
			throw new IllegalArgumentException("A citizen booking belongs to an account");
		}
		if (request.channel() == Channel.ASSOCIATION && request.associationId() == null) {
			throw new IllegalArgumentException("An association booking names its association");
		}
	}
}
