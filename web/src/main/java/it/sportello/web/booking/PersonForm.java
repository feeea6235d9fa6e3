package it.sportello.web.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import it.sportello.core.booking.PersonDetails;
import it.sportello.core.person.PersonIdentity.InvalidIdentity;
import org.springframework.validation.Errors;

/** The journey's details step: the holder, how to reach them, any minor children applying too, the privacy notice. */
class PersonForm extends PersonFields {

	static final int MAX_CHILDREN = 6;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ]{5,19}");

	private String email;

	private String phone;

	private String practiceNumber;

	/** The language of the client's e-mails and receipt, when an association books for them. */
	private String language;

	private boolean privacy;

	private List<ChildForm> children = new ArrayList<>();

	/**
	 * Checks every field; a pick-up also needs the number of the application that is ready. The form an association
	 * fills in for its client differs: the e-mail is optional (as in its CSV and API), the client's language is one of
	 * those given, and the consent is the association's declaration.
	 * @param clientLanguages the languages a client may be written to in, when the form is a client's; else null
	 */
	void validate(Errors errors, LocalDate today, boolean pickUp, List<String> clientLanguages) {
		boolean client = clientLanguages != null;
		validate(errors, "", today, false);
		if (blank(email) ? !client
				: email.strip().length() > 200 || !EMAIL.matcher(email.strip()).matches()) {
			errors.rejectValue("email", "person.email.invalid");
		}
		if (!blank(phone) && !PHONE.matcher(phone.strip()).matches()) {
			errors.rejectValue("phone", "person.phone.invalid");
		}
		if (client && (language == null || !clientLanguages.contains(language))) {
			errors.rejectValue("language", "association.client.language.required");
		}
		if (pickUp && (blank(practiceNumber) || practiceNumber.strip().length() > 40)) {
			errors.rejectValue("practiceNumber", "journey.practiceNumber.required");
		}
		if (!privacy) {
			errors.rejectValue("privacy", client ? "association.client.privacy.required" : "journey.privacy.required");
		}
		if (children.size() > MAX_CHILDREN) {
			errors.reject("journey.children.tooMany");
		}
		for (int i = 0; i < children.size() && i < MAX_CHILDREN; i++) {
			children.get(i).validate(errors, "children[" + i + "].", today, true);
		}
		if (!errors.hasErrors() && !eachPersonOnce()) {
			errors.reject("journey.persons.duplicate");
		}
	}

	private boolean eachPersonOnce() {
		Set<String> seen = new HashSet<>();
		try {
			seen.add(identity().canonical());
			return children.stream().allMatch(child -> seen.add(child.identity().canonical()));
		}
		catch (InvalidIdentity ex) {
			return true;
		}
	}

	/** One more child row, up to the most a booking takes. */
	void addChild() {
		if (children.size() < MAX_CHILDREN) {
			children.add(new ChildForm());
		}
	}

	/** Takes out the child row at the index, if there is one. */
	void removeChild(int index) {
		if (index >= 0 && index < children.size()) {
			children.remove(index);
		}
	}

	/** The e-mail given, without surrounding spaces; null when none. */
	String contactEmail() {
		return blank(email) ? null : email.strip();
	}

	/** The phone given, without surrounding spaces; null when none. */
	String contactPhone() {
		return blank(phone) ? null : phone.strip();
	}

	/** The holder first, then the children; only once the form is valid. */
	List<PersonDetails> persons() {
		List<PersonDetails> persons = new ArrayList<>();
		persons.add(details(false));
		children.forEach(child -> persons.add(child.details(true)));
		return persons;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getPracticeNumber() {
		return practiceNumber;
	}

	public void setPracticeNumber(String practiceNumber) {
		this.practiceNumber = practiceNumber;
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public boolean isPrivacy() {
		return privacy;
	}

	public void setPrivacy(boolean privacy) {
		this.privacy = privacy;
	}

	public List<ChildForm> getChildren() {
		return children;
	}

	public void setChildren(List<ChildForm> children) {
		this.children = children;
	}

	/** A minor child applying with the holder. */
	static class ChildForm extends PersonFields {
	}
}
