package it.sportello.web.booking;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import it.sportello.core.booking.PersonDetails;
import it.sportello.core.person.PersonIdentity.InvalidIdentity;
import org.springframework.validation.Errors;

/**
 * What the form asks of each person who comes: name, codice fiscale or identity document, nationality and date of
 * birth. The holder's form and each child's share it.
 */
class PersonFields extends IdentityFields {

	static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private String fullName;

	private String nationality;

	private String birthDate;

	/** Checks the fields, each error under its own field (with the prefix of a child's row). */
	void validate(Errors errors, String prefix, LocalDate today, boolean minor) {
		if (blank(fullName)) {
			errors.rejectValue(prefix + "fullName", "person.fullName.required");
		}
		else if (fullName.strip().length() > 200) {
			errors.rejectValue(prefix + "fullName", "person.fullName.tooLong");
		}
		if (TAX_CODE.equals(getIdKind())) {
			if (blank(getCodiceFiscale())) {
				errors.rejectValue(prefix + "codiceFiscale", "person.codiceFiscale.required");
			}
			else {
				identityOrReject(errors, prefix);
			}
		}
		else if (DOCUMENT.equals(getIdKind())) {
			if (documentType() == null) {
				errors.rejectValue(prefix + "documentType", "person.document.type.required");
			}
			else {
				identityOrReject(errors, prefix);
			}
		}
		else {
			errors.rejectValue(prefix + "idKind", "person.idKind.required");
		}
		if (nationality == null || !COUNTRIES.contains(nationality)) {
			errors.rejectValue(prefix + "nationality", "person.nationality.required");
		}
		LocalDate born = birthDay();
		if (born == null || born.isAfter(today) || born.isBefore(today.minusYears(120))) {
			errors.rejectValue(prefix + "birthDate", "person.birthDate.invalid");
		}
		else if (minor && Period.between(born, today).getYears() >= 18) {
			errors.rejectValue(prefix + "birthDate", "person.birthDate.notMinor");
		}
		else if (!minor && Period.between(born, today).getYears() < 18) {
			errors.rejectValue(prefix + "birthDate", "person.birthDate.notAdult");
		}
	}

	private void identityOrReject(Errors errors, String prefix) {
		try {
			identity();
		}
		catch (InvalidIdentity ex) {
			String field = switch (ex.getCode()) {
				case "person.document.country.invalid" -> "documentCountry";
				case "person.document.number.invalid" -> "documentNumber";
				case "person.document.type.required" -> "documentType";
				default -> "codiceFiscale";
			};
			errors.rejectValue(prefix + field, ex.getCode());
		}
	}

	PersonDetails details(boolean minor) {
		return new PersonDetails(fullName.strip(), identity(), minor, nationality, birthDay());
	}

	LocalDate birthDay() {
		try {
			return blank(birthDate) ? null : LocalDate.parse(birthDate.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public String getFullName() {
		return fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getNationality() {
		return nationality;
	}

	public void setNationality(String nationality) {
		this.nationality = nationality;
	}

	public String getBirthDate() {
		return birthDate;
	}

	public void setBirthDate(String birthDate) {
		this.birthDate = birthDate;
	}
}
