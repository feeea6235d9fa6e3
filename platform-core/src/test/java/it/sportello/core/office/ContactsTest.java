package it.sportello.core.office;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactsTest {

	@Test
	void aNumberTypedWithSpacesDialsItsDigitsInInternationalForm() {
		assertThat(phone("011 5588111").telUri()).isEqualTo("tel:+390115588111");
		assertThat(phone("(011) 558-81.11").telUri()).isEqualTo("tel:+390115588111");
	}

	@Test
	void aNumberAlreadyInternationalKeepsItsCountry() {
		assertThat(phone("+39 010 536 6111").telUri()).isEqualTo("tel:+390105366111");
		assertThat(phone("0039 010 5366111").telUri()).isEqualTo("tel:+390105366111");
	}

	@Test
	void aShortNumberIsDialledAsItIsAndNoNumberGivesNoLink() {
		assertThat(phone("1522").telUri()).isEqualTo("tel:1522");
		assertThat(phone(null).telUri()).isNull();
		assertThat(phone("  ").telUri()).isNull();
	}

	@Test
	void onlyAnHttpOrHttpsWebsiteBecomesALink() {
		assertThat(new Contacts(null, null, null, " https://questure.poliziadistato.it/Genova ").websiteUri())
			.isEqualTo("https://questure.poliziadistato.it/Genova");
		assertThat(new Contacts(null, null, null, "javascript:alert(1)").websiteUri()).isNull();
		assertThat(new Contacts(null, null, null, "data:text/html,x").websiteUri()).isNull();
		assertThat(new Contacts(null, null, null, null).websiteUri()).isNull();
	}

	private static Contacts phone(String phone) {
		return new Contacts(phone, null, null, null);
	}
}
