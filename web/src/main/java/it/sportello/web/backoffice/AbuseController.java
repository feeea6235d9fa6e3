package it.sportello.web.backoffice;

import java.util.ArrayList;
import java.util.List;

import it.sportello.core.report.AbuseReport;
import it.sportello.core.report.AbuseReport.Findings;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The abuse report: for a Questura's admins, and for the platform admin across every Questura. */
@Controller
class AbuseController {

	private final AbuseReport report;

	private final Tenants tenants;

	AbuseController(AbuseReport report, Tenants tenants) {
		this.report = report;
		this.tenants = tenants;
	}

	@GetMapping("/q/{slug}/admin/abuse")
	String questura(Tenant questura, Model model) {
		model.addAttribute("reports", List.of(new Section(questura.getName(), report.find())));
		model.addAttribute("days", AbuseReport.DAYS);
		return "backoffice/abuse";
	}

	@GetMapping("/admin/abuse")
	String platform(Model model) {
		List<Section> sections = new ArrayList<>();
		for (Tenant tenant : tenants.findAllActive()) {
			sections.add(new Section(tenant.getName(), TenantContext.callAs(tenant.asCurrent(), report::find)));
		}
		model.addAttribute("reports", sections);
		model.addAttribute("days", AbuseReport.DAYS);
		return "backoffice/abuse";
	}

	/** One Questura's findings. */
	record Section(String questura, Findings findings) {
	}
}
