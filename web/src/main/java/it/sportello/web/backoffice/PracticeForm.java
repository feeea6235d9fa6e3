package it.sportello.web.backoffice;

import static it.sportello.web.input.FormValues.lines;
import static it.sportello.web.input.FormValues.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import it.sportello.core.catalogue.BookableBy;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.catalogue.PracticeSpec;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.text.LocalizedText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.Errors;

/**
 * A practice of the catalogue as its admin writes it: names in four languages, description, documents one a line,
 * length, service line and who may book it; a new practice also its code and kind. The fields are named as the page
 * names them ({@code name_it}, ...). The page shows one reason at a time: what every practice needs, then the code.
 */
class PracticeForm {

	/** The checks of a new practice only: its code and kind. */
	interface New {
	}

	private static final Set<String> NEW_ONLY = Set.of("code", "kind");

	@NotBlank(groups = New.class, message = "{backoffice.practice.code.invalid}")
	@Pattern(groups = New.class, regexp = "\\s*[A-Za-z0-9_-]{2,40}\\s*", message = "{backoffice.practice.code.invalid}")
	private String code;

	@NotNull(groups = New.class, message = "{backoffice.practice.code.invalid}")
	private PracticeKind kind;

	@NotBlank(message = "{backoffice.practice.invalid}")
	private String nameIt;

	private String nameEn;

	private String nameFr;

	private String nameAr;

	private String descriptionIt;

	private String documents;

	@NotNull(message = "{backoffice.practice.invalid}")
	@Min(value = 5, message = "{backoffice.practice.invalid}")
	@Max(value = 240, message = "{backoffice.practice.invalid}")
	private Integer duration;

	@NotNull(message = "{backoffice.practice.invalid}")
	private Long serviceLine;

	@NotNull(message = "{backoffice.practice.invalid}")
	private BookableBy bookableBy;

	/**
	 * Why the practice cannot be saved as typed, or null.
	 * @param lineFound whether the service line chosen exists here
	 * @param codeTaken whether another practice has the new one's code
	 */
	String problem(Errors errors, boolean lineFound, boolean codeTaken) {
		if (!lineFound || errors.getFieldErrors().stream().anyMatch(e -> !NEW_ONLY.contains(e.getField()))) {
			return "backoffice.practice.invalid";
		}
		return errors.hasErrors() || codeTaken ? "backoffice.practice.code.invalid" : null;
	}

	/** The new practice's code as the catalogue keeps it (upper case), or null. */
	String code() {
		return text(code) == null ? null : text(code).toUpperCase(Locale.ROOT);
	}

	LocalizedText names() {
		return new LocalizedText(text(nameIt), text(nameEn), text(nameFr), text(nameAr));
	}

	/** The description, or the Italian name when none is written. */
	LocalizedText description() {
		return LocalizedText.italian(text(descriptionIt) == null ? text(nameIt) : text(descriptionIt));
	}

	/** The documents to bring, one a line; none when the field is empty. */
	List<LocalizedText> documents() {
		return lines(documents).stream().map(LocalizedText::italian).toList();
	}

	/** The new practice, on the service line chosen. */
	PracticeSpec spec(ServiceLine line) {
		return new PracticeSpec(code(), kind, line.getCode(), duration, bookableBy, names(), description(), documents());
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public PracticeKind getKind() {
		return kind;
	}

	public void setKind(PracticeKind kind) {
		this.kind = kind;
	}

	public String getName_it() {
		return nameIt;
	}

	public void setName_it(String name) {
		this.nameIt = name;
	}

	public String getName_en() {
		return nameEn;
	}

	public void setName_en(String name) {
		this.nameEn = name;
	}

	public String getName_fr() {
		return nameFr;
	}

	public void setName_fr(String name) {
		this.nameFr = name;
	}

	public String getName_ar() {
		return nameAr;
	}

	public void setName_ar(String name) {
		this.nameAr = name;
	}

	public String getDescription_it() {
		return descriptionIt;
	}

	public void setDescription_it(String description) {
		this.descriptionIt = description;
	}

	public String getDocuments() {
		return documents;
	}

	public void setDocuments(String documents) {
		this.documents = documents;
	}

	public Integer getDuration() {
		return duration;
	}

	public void setDuration(Integer duration) {
		this.duration = duration;
	}

	public Long getServiceLine() {
		return serviceLine;
	}

	public void setServiceLine(Long serviceLine) {
		this.serviceLine = serviceLine;
	}

	public BookableBy getBookableBy() {
		return bookableBy;
	}

	public void setBookableBy(BookableBy bookableBy) {
		this.bookableBy = bookableBy;
	}
}
