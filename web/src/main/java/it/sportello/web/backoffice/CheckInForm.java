package it.sportello.web.backoffice;

import it.sportello.core.booking.BookingReference;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.DocumentType;
import it.sportello.core.person.PersonIdentity.InvalidIdentity;
import it.sportello.web.booking.IdentityFields;
import org.springframework.validation.Errors;

/**
 * The counter's check-in: the booking reference (typed, or typed by a scanner reading the receipt's QR code) and the
 * document the person shows; the agenda's day and service line the operator was looking at, to stay on them; and
 * whether the operator confirmed checking in on a day that is not the appointment's.
 */
class CheckInForm extends IdentityFields {

	private String reference;

	private String date;

	private Long line;

	private boolean anotherDay;

	CheckInForm() {
		setIdKind(DOCUMENT);
		setDocumentType(DocumentType.PASSPORT.name());
	}

	/** The identity shown, or null with the errors recorded. */
	PersonIdentity identity(Errors errors) {
		try {
			return identity();
		}
		catch (InvalidIdentity ex) {
			errors.rejectValue(TAX_CODE.equals(getIdKind()) ? "codiceFiscale" : switch (ex.getCode()) {
				case "person.document.country.invalid" -> "documentCountry";
				case "person.document.type.required" -> "documentType";
				default -> "documentNumber";
			}, ex.getCode());
			return null;
		}
	}

	/** The reference, normalised, or null with the error recorded. */
	BookingReference reference(Errors errors) {
		return BookingReference.parse(reference).orElseGet(() -> {
			errors.rejectValue("reference", "backoffice.checkIn.reference.invalid");
			return null;
		});
	}

	public String getReference() {
		return reference;
	}

	public void setReference(String reference) {
		this.reference = reference;
	}

	public String getDate() {
		return date;
	}

	public void setDate(String date) {
		this.date = date;
	}

	public Long getLine() {
		return line;
	}

	public void setLine(Long line) {
		this.line = line;
	}

	public boolean isAnotherDay() {
		return anotherDay;
	}

	public void setAnotherDay(boolean anotherDay) {
		this.anotherDay = anotherDay;
	}
}
