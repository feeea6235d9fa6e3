package it.sportello.core.association;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import it.sportello.core.booking.BookablePractices;
import it.sportello.core.booking.Channel;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import it.sportello.core.text.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * The Questure where an association may book now (active, and admitting it where the Questura limits which
 * associations book there), each with the practices the association books there and their codes.
 */
@Component
public class AssociationOffices {

	private final Tenants tenants;

	private final Associations associations;

	private final BookablePractices practices;

	AssociationOffices(Tenants tenants, Associations associations, BookablePractices practices) {
		this.tenants = tenants;
		this.associations = associations;
		this.practices = practices;
	}

	/** The Questure open to the association, by name. */
	public List<Office> of(Association association) {
		List<Office> offices = new ArrayList<>();
		for (Tenant tenant : tenants.findAllActive()) {
			TenantContext.callAs(tenant.asCurrent(), () -> office(tenant, association)).ifPresent(offices::add);
		}
		return offices;
	}

	/** The Questura by its slug, if it is open to the association. */
	public Optional<Office> find(Association association, String slug) {
		return tenants.findActive(String.valueOf(slug))
			.flatMap(tenant -> TenantContext.callAs(tenant.asCurrent(), () -> office(tenant, association)));
	}

	private Optional<Office> office(Tenant tenant, Association association) {
		Associations.Protocol protocol = associations.protocolHere();
		if (protocol.restricted() && !protocol.allowed().contains(association.id())) {
			return Optional.empty();
		}
		return Optional.of(new Office(tenant, practices.of(Channel.ASSOCIATION)
			.stream()
			.map(p -> new PracticeCode(p.getCode(), p.getName(), p.getKind() == PracticeKind.PICK_UP))
			.toList()));
	}

	/** A Questura open to the association, with the practices it books there. */
	public record Office(Tenant questura, List<PracticeCode> practices) {
	}

	/**
	 * A practice's code, as a CSV row names it, and its name.
	 * @param pickUp whether it is a pick-up, which no CSV row books (it needs the number of a permit that is ready)
	 */
	public record PracticeCode(String code, LocalizedText name, boolean pickUp) {
	}
}
