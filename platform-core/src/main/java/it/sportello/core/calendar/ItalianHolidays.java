package it.sportello.core.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.TreeSet;

/**
 * The national public holidays of Italy: the fixed days, Easter Monday, and from 2026 the feast of Saint Francis
 * (4 October, restored as a national holiday by law 151/2025). The comune's patron-saint day is the office's setting.
 */
public final class ItalianHolidays {

	/** The first year in which 4 October is a national holiday again. */
	static final int SAINT_FRANCIS_FROM = 2026;

	private ItalianHolidays() {
	}

	public static boolean isHoliday(LocalDate day) {
		return of(day.getYear()).contains(day);
	}

	/** The national holidays of a year, in order. */
	public static Set<LocalDate> of(int year) {
		Set<LocalDate> days = new TreeSet<>();
		days.add(LocalDate.of(year, Month.JANUARY, 1));
		days.add(LocalDate.of(year, Month.JANUARY, 6));
		LocalDate easter = easterSunday(year);
		days.add(easter);
		days.add(easter.plusDays(1));
		days.add(LocalDate.of(year, Month.APRIL, 25));
		days.add(LocalDate.of(year, Month.MAY, 1));
		days.add(LocalDate.of(year, Month.JUNE, 2));
		days.add(LocalDate.of(year, Month.AUGUST, 15));
		if (year >= SAINT_FRANCIS_FROM) {
			days.add(LocalDate.of(year, Month.OCTOBER, 4));
		}
		days.add(LocalDate.of(year, Month.NOVEMBER, 1));
		days.add(LocalDate.of(year, Month.DECEMBER, 8));
		days.add(LocalDate.of(year, Month.DECEMBER, 25));
		days.add(LocalDate.of(year, Month.DECEMBER, 26));
		return days;
	}

	/** Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
	static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}
}
