package it.sportello.web.backoffice;

import it.sportello.admin.imports.ReadyListImport;
import it.sportello.core.imports.ImportReport;
import it.sportello.web.api.ApiProblem;
import it.sportello.web.security.ApiClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/q/{slug}/ready-list}: the Questura's own systems send the permits ready for pick-up as CSV, with
 * the Questura's API key; the answer is the report row by row. Sending the same file again changes nothing.
 */
@RestController
class ReadyListApiController {

	private final ReadyListImport readyList;

	ReadyListApiController(ReadyListImport readyList) {
		this.readyList = readyList;
	}

	@PostMapping(path = "/api/v1/q/{slug}/ready-list", consumes = { "text/csv", "text/plain" })
	ResponseEntity<ImportReport> upload(@PathVariable String slug, @RequestBody(required = false) String csv,
			@AuthenticationPrincipal ApiClient client) {
		if (csv == null || csv.isBlank()) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "import.file.required");
		}
		try {
			ImportReport report = readyList.importCsv(csv, client.actor());
			return ResponseEntity.status(HttpStatus.OK).body(report);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "import.file.invalid");
		}
	}
}
