package it.sportello.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodiceFiscaleTest {

	@ParameterizedTest
	@ValueSource(strings = { "RSSMRA85T10A562S", "MRTMTT25D09F205Z", "rssmra85t10a562s", "RSS MRA 85T10 A562S" })
	void acceptsAWellFormedCodeWithItsCheckCharacter(String code) {
		assertThat(CodiceFiscale.isValid(code)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "RSSMRA85T10A562A", "RSSMRA85T10A562", "RSSMRA85Z10A562S", "1234567890123456", "" })
	void refusesAWrongCheckCharacterOrForm(String code) {
		assertThat(CodiceFiscale.isValid(code)).isFalse();
	}

	@Test
	void anInvalidCodeCannotBecomeAnIdentity() {
		assertThatThrownBy(() -> new PersonIdentity.TaxCode("RSSMRA85T10A562A"))
			.isInstanceOf(PersonIdentity.InvalidIdentity.class)
			.extracting("code")
			.isEqualTo("person.codiceFiscale.invalid");
	}
}
