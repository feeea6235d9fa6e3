package it.sportello.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItalianHolidaysTest {

	@ParameterizedTest
	@CsvSource({ "2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
			"2038, 2038-04-25" })
	void easterFallsOnTheRightSunday(int year, LocalDate easter) {
		assertThat(ItalianHolidays.easterSunday(year)).isEqualTo(easter);
	}

	@Test
	void easterMondayIsAHoliday() {
		assertThat(ItalianHolidays.isHoliday(LocalDate.of(2026, 4, 6))).isTrue();
		assertThat(ItalianHolidays.isHoliday(LocalDate.of(2026, 4, 7))).isFalse();
	}

	@Test
	void saintFrancisIsANationalHolidayFrom2026() {
		assertThat(ItalianHolidays.isHoliday(LocalDate.of(2025, 10, 4))).isFalse();
		assertThat(ItalianHolidays.isHoliday(LocalDate.of(2026, 10, 4))).isTrue();
		assertThat(ItalianHolidays.isHoliday(LocalDate.of(2027, 10, 4))).isTrue();
	}

	@Test
	void theFixedHolidaysOfTheYear() {
		assertThat(ItalianHolidays.of(2027)).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 6),
				LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 4, 25), LocalDate.of(2027, 5, 1),
				LocalDate.of(2027, 6, 2), LocalDate.of(2027, 8, 15), LocalDate.of(2027, 10, 4), LocalDate.of(2027, 11, 1),
				LocalDate.of(2027, 12, 8), LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26));
	}
}
