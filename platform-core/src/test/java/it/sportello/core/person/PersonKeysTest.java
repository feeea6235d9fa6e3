package it.sportello.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.core.person.PersonIdentity.DocumentType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PersonKeysTest {

	static final String SECRET = "a-secret-of-the-platform-at-least-32-chars";

	PersonKeys keys = new PersonKeys(new PersonKeys.Properties(SECRET), new MockEnvironment());

	@Test
	void theSameDocumentTypedDifferentlyGivesTheSameKey() {
		assertThat(keys.of(new PersonIdentity.Document(DocumentType.PASSPORT, "sn", "ab 123-456")))
			.isEqualTo(keys.of(new PersonIdentity.Document(DocumentType.PASSPORT, "SN", "AB123456")));
		assertThat(keys.of(new PersonIdentity.TaxCode("rssmra85t10a562s")))
			.isEqualTo(keys.of(new PersonIdentity.TaxCode("RSSMRA85T10A562S")));
	}

	@Test
	void anotherTypeCountryOrNumberIsAnotherPerson() {
		PersonKey passport = keys.of(new PersonIdentity.Document(DocumentType.PASSPORT, "SN", "AB123456"));

		assertThat(keys.of(new PersonIdentity.Document(DocumentType.IDENTITY_CARD, "SN", "AB123456"))).isNotEqualTo(passport);
		assertThat(keys.of(new PersonIdentity.Document(DocumentType.PASSPORT, "ML", "AB123456"))).isNotEqualTo(passport);
		assertThat(keys.of(new PersonIdentity.Document(DocumentType.PASSPORT, "SN", "AB123457"))).isNotEqualTo(passport);
	}

	@Test
	void theKeyDependsOnTheSecretAndShowsNoNumber() {
		PersonIdentity identity = new PersonIdentity.TaxCode("RSSMRA85T10A562S");
		PersonKeys other = new PersonKeys(new PersonKeys.Properties(SECRET + "-other"), new MockEnvironment());

		assertThat(keys.of(identity)).isNotEqualTo(other.of(identity));
		assertThat(keys.of(identity).value()).hasSize(64).doesNotContain("RSSMRA");
	}

	@Test
	void productionRefusesTheDevelopmentSecretAndShortSecrets() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");

		assertThatThrownBy(() -> new PersonKeys(new PersonKeys.Properties(PersonKeys.DEVELOPMENT_SECRET), prod))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new PersonKeys(new PersonKeys.Properties("short"), new MockEnvironment()))
			.isInstanceOf(IllegalStateException.class);
	}
}
