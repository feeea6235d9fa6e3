package it.sportello.web.backoffice;

import java.util.List;
import java.util.stream.Collectors;

import it.sportello.core.catalogue.BookableBy;
import it.sportello.core.catalogue.Catalogue;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.text.LocalizedText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A Questura admin's practice catalogue: the list, offering a practice or not, and a practice's page to revise it or
 * add a new one. A practice written wrong is refused with a message and a 422; nothing half-done is kept.
 */
@Controller
@RequestMapping("/q/{slug}/admin/catalogue")
class CatalogueController {

	private final Practices practices;

	private final Catalogue catalogue;

	private final ServiceLines serviceLines;

	CatalogueController(Practices practices, Catalogue catalogue, ServiceLines serviceLines) {
		this.practices = practices;
		this.catalogue = catalogue;
		this.serviceLines = serviceLines;
	}

	@GetMapping
	String catalogue(Tenant questura, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("practices", practices.findAllByOrderByPosition());
		return "backoffice/catalogue";
	}

	@PostMapping("/{id}/active")
	String offer(Tenant questura, @PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		Practice practice = practice(id);
		if (active) {
			practice.enable();
		}
		else {
			practice.disable();
		}
		practices.save(practice);
		return Answers.saved(redirect, questura, "catalogue");
	}

	@GetMapping("/{id}")
	String practicePage(Tenant questura, @PathVariable long id, Model model) {
		return page(questura, practice(id), model);
	}

	@GetMapping("/new")
	String newPracticePage(Tenant questura, Model model) {
		return page(questura, null, model);
	}

	@PostMapping("/new")
	String add(Tenant questura, @Validated({ Default.class, PracticeForm.New.class }) PracticeForm form,
			BindingResult errors, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		ServiceLine line = line(form);
		String problem = form.problem(errors, line != null,
				form.code() != null && practices.findByCode(form.code()).isPresent());
		if (problem != null) {
			return Answers.refused(response, model, problem, () -> page(questura, null, model));
		}
		catalogue.add(form.spec(line));
		return Answers.saved(redirect, questura, "catalogue");
	}

	@PostMapping("/{id}")
	@Transactional
	String revise(Tenant questura, @PathVariable long id, @Valid PracticeForm form, BindingResult errors,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Practice practice = practice(id);
		ServiceLine line = line(form);
		String problem = form.problem(errors, line != null, false);
		if (problem != null) {
			return Answers.refused(response, model, problem, () -> page(questura, practice, model));
		}
		List<LocalizedText> documents = form.documents();
		practice.revise(form.names(), form.description(), documents.isEmpty() ? practice.getDocuments() : documents,
				form.getDuration(), line, form.getBookableBy());
		practices.save(practice);
		return Answers.saved(redirect, questura, "catalogue");
	}

	private String page(Tenant questura, Practice practice, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("practice", practice);
		model.addAttribute("documentsText", practice == null ? ""
				: practice.getDocuments().stream().map(LocalizedText::it).collect(Collectors.joining("\n")));
		model.addAttribute("lines", serviceLines.findAllByOrderByPosition());
		model.addAttribute("kinds", PracticeKind.values());
		model.addAttribute("bookableBy", BookableBy.values());
		return "backoffice/practice";
	}

	/** The service line chosen, if it exists here. */
	private ServiceLine line(PracticeForm form) {
		return form.getServiceLine() == null ? null : serviceLines.findById(form.getServiceLine()).orElse(null);
	}

	private Practice practice(long id) {
		return practices.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
