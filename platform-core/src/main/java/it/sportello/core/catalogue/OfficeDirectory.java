package it.sportello.core.catalogue;

import java.util.List;

import it.sportello.core.office.OfficeProfile;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.office.Site;
import it.sportello.core.office.Sites;
import it.sportello.core.office.WalkInWindow;
import it.sportello.core.office.WalkInWindows;
import it.sportello.core.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what the public sees of the current Questura's office. */
@Service
public class OfficeDirectory {

	private final OfficeProfiles profiles;

	private final Sites sites;

	private final ServiceLines serviceLines;

	private final WalkInWindows walkIns;

	private final Practices practices;

	OfficeDirectory(OfficeProfiles profiles, Sites sites, ServiceLines serviceLines, WalkInWindows walkIns,
			Practices practices) {
		this.profiles = profiles;
		this.sites = sites;
		this.serviceLines = serviceLines;
		this.walkIns = walkIns;
		this.practices = practices;
	}

	@Transactional(readOnly = true)
	public OfficeDescription describe() {
		TenantContext.getRequired();
		return new OfficeDescription(profiles.getRequired(), sites.findAllByOrderByPosition(),
				serviceLines.findAllByOrderByPosition(), walkIns.findAllByOrderByPosition(),
				practices.findByActiveTrueOrderByPosition());
	}

	/** The public face of an office: its profile, sites, counters with their hours, walk-ins and active practices. */
	public record OfficeDescription(OfficeProfile profile, List<Site> sites, List<ServiceLine> serviceLines,
			List<WalkInWindow> walkIns, List<Practice> practices) {

		public List<ServiceLine> serviceLinesAt(Site site) {
			return serviceLines.stream().filter(line -> line.getSite().getId().equals(site.getId())).toList();
		}

		public List<WalkInWindow> walkInsAt(Site site) {
			return walkIns.stream().filter(window -> window.getSite().getId().equals(site.getId())).toList();
		}

		public List<Practice> practicesOf(ServiceLine line) {
			return practices.stream().filter(p -> p.getServiceLine().getId().equals(line.getId())).toList();
		}
	}
}
