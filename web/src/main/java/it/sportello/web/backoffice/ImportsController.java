package it.sportello.web.backoffice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import it.sportello.admin.imports.GoLiveImport;
import it.sportello.admin.imports.ReadyListImport;
import it.sportello.core.imports.ImportReport;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The office's CSV uploads: the permits ready for pick-up (operators and admins) and, when an office switches to
 * Sportello, the appointments given out in its old system (admins). Each answers with a report row by row.
 */
@Controller
@RequestMapping("/q/{slug}/admin")
class ImportsController {

	private static final long MAX_FILE = 5 * 1024 * 1024;

	private final ReadyListImport readyList;

	private final GoLiveImport goLive;

	ImportsController(ReadyListImport readyList, GoLiveImport goLive) {
		this.readyList = readyList;
		this.goLive = goLive;
	}

	@GetMapping("/ready-list")
	String readyListPage(Tenant questura, Model model) {
		return page(questura, "ready-list", model);
	}

	@PostMapping("/ready-list")
	String uploadReadyList(Tenant questura, @RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal SportelloPrincipal staff, HttpServletResponse response, Model model) {
		return upload(questura, "ready-list", file, response, model,
				content -> readyList.importCsv(content, staff.staffActor()));
	}

	@GetMapping("/import")
	String goLivePage(Tenant questura, Model model) {
		return page(questura, "import", model);
	}

	@PostMapping("/import")
	String uploadGoLive(Tenant questura, @RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal SportelloPrincipal staff, HttpServletResponse response, Model model) {
		return upload(questura, "import", file, response, model,
				content -> goLive.importCsv(content, staff.staffActor()));
	}

	private String upload(Tenant questura, String kind, MultipartFile file, HttpServletResponse response, Model model,
			Function<String, ImportReport> importer) {
		if (file == null || file.isEmpty() || file.getSize() > MAX_FILE) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", "import.file.required");
			return page(questura, kind, model);
		}
		try {
			model.addAttribute("report", importer.apply(new String(file.getBytes(), StandardCharsets.UTF_8)));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", "import.file.invalid");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return page(questura, kind, model);
	}

	private static String page(Tenant questura, String kind, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("kind", kind);
		return "backoffice/import";
	}
}
