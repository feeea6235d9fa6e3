package it.sportello.core.association;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingView;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import org.springframework.stereotype.Component;

/** The bookings an association made for its clients, in every Questura: its pages' list and its API's. */
@Component
public class AssociationBookings {

	private final Tenants tenants;

	private final BookingQueries queries;

	AssociationBookings(Tenants tenants, BookingQueries queries) {
		this.tenants = tenants;
		this.queries = queries;
	}

	/** The association's bookings in every Questura, latest appointment first. */
	public List<Listed> of(Association association) {
		List<Listed> all = new ArrayList<>();
		for (Tenant tenant : tenants.findAllActive()) {
			TenantContext.runAs(tenant.asCurrent(), () -> queries.ofAssociation(association.id())
				.forEach(b -> all.add(new Listed(tenant.getSlug(), tenant.getName(), b))));
		}
		all.sort(Comparator.comparing((Listed l) -> l.booking().startsAt()).reversed());
		return all;
	}

	/** The booking of the current Questura by its reference, if the association made it; any other is not found. */
	public Optional<BookingView> own(Association association, String reference) {
		return BookingReference.parse(reference)
			.flatMap(queries::find)
			.filter(b -> Long.valueOf(association.id()).equals(b.associationId()));
	}

	/** A booking of the association with its Questura. */
	public record Listed(String slug, String questura, BookingView booking) {
	}
}
