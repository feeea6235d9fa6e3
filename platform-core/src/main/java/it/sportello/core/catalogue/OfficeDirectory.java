package it.sportello.core.catalogue;

import java.time.ZoneId;
import java.util.List;

import it.sportello.core.cache.ReadCaches;
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

/**
 * Reads what the public sees of the current Questura's office, from this node's read cache while nothing changed: the
 * office page costs no query between two changes.
 */
@Service
public class OfficeDirectory {

	private final OfficeProfiles profiles;

	private final Sites sites;

	private final ServiceLines serviceLines;

	private final WalkInWindows walkIns;

	private final Practices practices;

	private final ReadCaches caches;

	OfficeDirectory(OfficeProfiles profiles, Sites sites, ServiceLines serviceLines, WalkInWindows walkIns,
			Practices practices, ReadCaches caches) {
		this.profiles = profiles;
		this.sites = sites;
		this.serviceLines = serviceLines;
		this.walkIns = walkIns;
		this.practices = practices;
		this.caches = caches;
	}

	/** The office as the public sees it; shared by every reader, so never to be changed. */
	public OfficeDescription describe() {
		TenantContext.getRequired();
		return caches.office("office", "", () -> new OfficeDescription(profiles.getRequired(),
				List.copyOf(sites.findAllByOrderByPosition()), List.copyOf(serviceLines.findAllByOrderByPosition()),
				List.copyOf(walkIns.findAllByOrderByPosition()), List.copyOf(practices.findByActiveTrueOrderByPosition())));
	}

	/** The active practices, in the catalogue's order; shared by every reader, so never to be changed. */
	public List<Practice> activePractices() {
		return describe().practices();
	}

	/** The zone the office's days and times are in. */
	public ZoneId zone() {
		return describe().profile().getTimeZone();
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
