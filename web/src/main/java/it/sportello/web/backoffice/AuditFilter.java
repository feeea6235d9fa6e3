package it.sportello.web.backoffice;

import static it.sportello.web.input.FormValues.date;
import static it.sportello.web.input.FormValues.text;

import java.time.LocalDate;

import it.sportello.core.booking.BookingReference;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.DocumentType;
import it.sportello.web.booking.IdentityFields;
import org.springframework.validation.Errors;

/**
 * The audit page's filter, kept as typed to show it again: a booking reference, who acted, a day, and a person by
 * codice fiscale or document. A filter that is not well formed is no filter, except a person, which is refused.
 */
class AuditFilter extends IdentityFields {

	private String reference;

	private String actor;

	private String day;

	AuditFilter() {
		setDocumentType(DocumentType.PASSPORT.name());
	}

	/** The booking's reference as the log records it, or null. */
	String booking() {
		return BookingReference.parse(reference).map(BookingReference::value).orElse(null);
	}

	String byActor() {
		return text(actor);
	}

	LocalDate onDay() {
		return date(day);
	}

	/** The person searched for, or null when none is given or, with the error recorded, when not well formed. */
	PersonIdentity person(Errors errors) {
		try {
			return text(getCodiceFiscale()) != null ? new PersonIdentity.TaxCode(getCodiceFiscale())
					: text(getDocumentNumber()) != null ? new PersonIdentity.Document(
							DocumentType.valueOf(getDocumentType()), getDocumentCountry(), getDocumentNumber()) : null;
		}
		catch (IllegalArgumentException ex) {
			errors.reject("backoffice.audit.person.invalid");
			return null;
		}
	}

	public String getReference() {
		return reference;
	}

	public void setReference(String reference) {
		this.reference = reference;
	}

	public String getActor() {
		return actor;
	}

	public void setActor(String actor) {
		this.actor = actor;
	}

	public String getDay() {
		return day;
	}

	public void setDay(String day) {
		this.day = day;
	}
}
