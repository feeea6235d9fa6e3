package it.sportello.web.booking;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import it.sportello.core.account.Accounts;
import it.sportello.core.booking.BookablePractices;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.person.PersonIdentity.DocumentType;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.i18n.Choice;
import it.sportello.web.i18n.Countries;
import it.sportello.web.i18n.Languages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The journey's details step: the holder, how to reach them and any minor children applying with them (a row added or
 * taken out re-shows the form). An association's member fills in their client's details.
 */
@Controller
@RequestMapping("/q/{slug}/book/{practiceId}")
class JourneyDetailsController {

	private final BookablePractices practices;

	private final Accounts accounts;

	private final OfficeProfiles profiles;

	private final MessageSource messages;

	private final Countries countries;

	private final Languages languages;

	JourneyDetailsController(BookablePractices practices, Accounts accounts, OfficeProfiles profiles,
			MessageSource messages, Countries countries, Languages languages) {
		this.practices = practices;
		this.accounts = accounts;
		this.profiles = profiles;
		this.messages = messages;
		this.countries = countries;
		this.languages = languages;
	}

	@GetMapping
	String details(Tenant questura, Booker booker, @PathVariable long practiceId, HttpSession session, Model model) {
		Practice practice = booker.practice(practices, practiceId);
		Journey journey = Journey.of(session, questura.getSlug(), practiceId);
		return detailsPage(questura, booker, practice, journey != null ? journey.details() : newForm(booker), model);
	}

	@PostMapping
	String giveDetails(Tenant questura, Booker booker, @PathVariable long practiceId,
			@ModelAttribute("form") PersonForm form, BindingResult errors,
			@RequestParam(required = false) String addChild, @RequestParam(required = false) Integer removeChild,
			HttpSession session, HttpServletResponse response, Model model) {
		Practice practice = booker.practice(practices, practiceId);
		if (addChild != null) {
			form.addChild();
			return detailsPage(questura, booker, practice, form, model);
		}
		if (removeChild != null) {
			form.removeChild(removeChild);
			return detailsPage(questura, booker, practice, form, model);
		}
		form.validate(errors, LocalDate.now(profiles.getRequired().getTimeZone()),
				practice.getKind() == PracticeKind.PICK_UP, booker.forClient() ? languages.codes() : null);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return detailsPage(questura, booker, practice, form, model);
		}
		Journey.start(session, questura.getSlug(), practiceId, form);
		return Journey.redirect(questura, practiceId, "when");
	}

	private String detailsPage(Tenant questura, Booker booker, Practice practice, PersonForm form, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("documentTypes", Arrays.stream(DocumentType.values())
			.map(type -> new Choice(type.name(), messages.getMessage("person.documentType." + type.name(), null, locale)))
			.toList());
		model.addAttribute("countries", countries.all(locale));
		model.addAttribute("questura", questura);
		model.addAttribute("practice", practice);
		model.addAttribute("form", form);
		model.addAttribute("maxChildren", PersonForm.MAX_CHILDREN);
		// an association's member fills in their client's data: the page speaks of the client
		model.addAttribute("association", booker.association());
		model.addAttribute("clientLanguages", languages.supported());
		return "booking/details";
	}

	/** A citizen's form starts with their name and address; a client's, empty (not the member's). */
	private PersonForm newForm(Booker booker) {
		PersonForm form = new PersonForm();
		if (!booker.forClient()) {
			form.setFullName(booker.person().getDisplayName());
			accounts.findById(booker.person().getAccountId()).ifPresent(account -> form.setEmail(account.getEmail()));
		}
		return form;
	}
}
