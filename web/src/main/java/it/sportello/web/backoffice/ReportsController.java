package it.sportello.web.backoffice;

import static it.sportello.web.input.FormValues.date;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import it.sportello.core.audit.AuditLog;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.report.OfficeReports;
import it.sportello.core.report.OfficeReports.Period;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office's reports by day or week: capacity used, no-show rate, bookings by channel, and days to the first free
 * place per practice; as a table (with a chart where the browser runs scripts) and as CSV.
 */
@Controller
@RequestMapping("/q/{slug}/admin/reports")
class ReportsController {

	/** The longest span a report covers. */
	private static final int MAX_DAYS = 366;

	private final OfficeReports reports;

	private final OfficeProfiles profiles;

	private final AuditLog audit;

	ReportsController(OfficeReports reports, OfficeProfiles profiles, AuditLog audit) {
		this.audit = audit;
		this.reports = reports;
		this.profiles = profiles;
	}

	@GetMapping
	String reports(Tenant questura, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "day") String by, Model model) {
		Span span = span(from, to);
		model.addAttribute("questura", questura);
		model.addAttribute("span", span);
		model.addAttribute("by", "week".equals(by) ? "week" : "day");
		model.addAttribute("periods", reports.periods(span.from(), span.to(), "week".equals(by)));
		model.addAttribute("firstFree", reports.firstFree());
		return "backoffice/reports";
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "day") String by, @AuthenticationPrincipal SportelloPrincipal staff) {
		Span span = span(from, to);
		audit.looked(staff.staffActor(), "reports export " + span.from() + ".." + span.to(), null, null);
		StringBuilder csv = new StringBuilder(
				"period_start,capacity,booked,used_percent,served,no_show,no_show_percent,citizen,association,office\n");
		for (Period p : reports.periods(span.from(), span.to(), "week".equals(by))) {
			csv.append(String.join(",", List.of(p.start().toString(), "" + p.capacity(), "" + p.booked(),
					"" + p.usedPercent(), "" + p.served(), "" + p.noShow(), "" + p.noShowPercent(), "" + p.citizen(),
					"" + p.association(), "" + p.office())))
				.append('\n');
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("sportello-report-" + span.from() + "-" + span.to() + ".csv")
				.build()
				.toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The span asked for, else the last four weeks and the next two; never longer than a year, never backwards. */
	private Span span(String from, String to) {
		LocalDate today = LocalDate.now(profiles.getRequired().getTimeZone());
		LocalDate start = date(from);
		LocalDate end = date(to);
		start = start == null ? today.minusWeeks(4) : start;
		end = end == null || end.isBefore(start) ? start.plusWeeks(6) : end;
		return new Span(start, end.isAfter(start.plusDays(MAX_DAYS)) ? start.plusDays(MAX_DAYS) : end);
	}

	/** The days a report covers, both ends included. */
	record Span(LocalDate from, LocalDate to) {
	}
}
