package it.sportello.core.catalogue;

import java.util.List;

import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.office.Site;
import it.sportello.core.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the current Questura's catalogue: from the national template, and with practices of its own. */
@Service
public class Catalogue {

	private final ServiceLines serviceLines;

	private final Practices practices;

	Catalogue(ServiceLines serviceLines, Practices practices) {
		this.serviceLines = serviceLines;
		this.practices = practices;
	}

	/** Gives a new office the template's service lines, at its main site, and all the template's practices. */
	@Transactional
	public void seedFromTemplate(NationalTemplate template, Site mainSite) {
		TenantContext.getRequired();
		int position = 0;
		for (ServiceLineSpec spec : template.serviceLines()) {
			ServiceLine line = new ServiceLine(spec.code(), mainSite, position++, spec.name());
			line.replaceHours(HoursSpec.weekly(spec.hours()));
			serviceLines.save(line);
		}
		template.practices().forEach(this::add);
	}

	/** Adds a practice at the end of the catalogue; its service line must exist. */
	@Transactional
	public Practice add(PracticeSpec spec) {
		TenantContext.getRequired();
		ServiceLine line = serviceLines.findByCode(spec.serviceLine())
			.orElseThrow(() -> new IllegalArgumentException("Unknown service line " + spec.serviceLine()));
		return practices.save(new Practice(spec, line, (int) practices.count()));
	}

	/** Keeps active only the practices with the given codes. */
	@Transactional
	public void offerOnly(List<String> codes) {
		TenantContext.getRequired();
		for (Practice practice : practices.findAll()) {
			if (codes.contains(practice.getCode())) {
				practice.enable();
			}
			else {
				practice.disable();
			}
		}
	}
}
