package it.sportello.web.backoffice;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import it.sportello.core.office.OpeningHours;
import it.sportello.core.office.ServiceLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The weekly hours of one service line as its admin edits them: a row per opening (a day may have a morning and an
 * afternoon), a row without times for a closed day, and a last row, without a day, to add an opening. A row left
 * without times is no opening: clearing a row's times closes that opening.
 */
class HoursForm {

	@Valid
	private List<Row> openings = new ArrayList<>();

	/** The form showing the hours in force. */
	static HoursForm of(ServiceLine line) {
		HoursForm form = new HoursForm();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<OpeningHours> ofDay = line.getHours().stream().filter(h -> h.dayOfWeek() == day).toList();
			if (ofDay.isEmpty()) {
				form.openings.add(Row.closed(day));
			}
			ofDay.forEach(hours -> form.openings.add(Row.of(hours)));
		}
		return form.withRowToAdd();
	}

	/** This form with a last row to add an opening, if it has none (a form sent back keeps the rows it was sent with). */
	HoursForm withRowToAdd() {
		if (openings.isEmpty() || openings.get(openings.size() - 1).getDay() != null) {
			openings.add(Row.closed(null));
		}
		return this;
	}

	/**
	 * Rejects what each field alone cannot tell: an opening without its day, its two times, its length or its
	 * counters; a closing not after the opening; a span too short for one appointment; two openings of a day that
	 * overlap. A form with no rows at all is not this form, and changes nothing.
	 * @param dayName the day's name in the admin's language, for the messages
	 */
	void check(Errors errors, Function<DayOfWeek, Object> dayName) {
		if (openings.isEmpty()) {
			errors.reject("backoffice.hours.empty");
			return;
		}
		for (int i = 0; i < openings.size(); i++) {
			Row row = openings.get(i);
			if (row.isBlank()) {
				continue;
			}
			String at = "openings[" + i + "].";
			Object[] day = { dayName.apply(row.getDay()) };
			if (row.getDay() == null) {
				reject(errors, at + "day", "backoffice.hours.day.required", day);
			}
			if (row.getOpens() == null || row.getCloses() == null) {
				reject(errors, at + (row.getOpens() == null ? "opens" : "closes"), "backoffice.hours.time.required", day);
			}
			else if (!row.getCloses().isAfter(row.getOpens())) {
				reject(errors, at + "closes", "backoffice.hours.closes.beforeOpens", day);
			}
			else if (row.getSlotMinutes() != null
					&& row.getOpens().plusMinutes(row.getSlotMinutes()).isAfter(row.getCloses())) {
				reject(errors, at + "slotMinutes", "backoffice.hours.tooShort", day);
			}
			if (row.getSlotMinutes() == null) {
				reject(errors, at + "slotMinutes", "backoffice.hours.slotMinutes.range", day);
			}
			if (row.getCounters() == null) {
				reject(errors, at + "counters", "backoffice.hours.counters.range", day);
			}
			for (int j = 0; j < i; j++) {
				if (row.overlaps(openings.get(j))) {
					reject(errors, at + "opens", "backoffice.hours.overlap", day);
					break;
				}
			}
		}
	}

	/** One message a field: a value the binder could not read already has its own. */
	private static void reject(Errors errors, String field, String code, Object[] args) {
		if (!errors.hasFieldErrors(field)) {
			errors.rejectValue(field, code, args, null);
		}
	}

	/** The weekly hours the form asks for, once {@link #check} found nothing wrong. */
	List<OpeningHours> weekly() {
		return openings.stream()
			.filter(row -> !row.isBlank())
			.map(row -> new OpeningHours(row.getDay(), row.getOpens(), row.getCloses(), row.getSlotMinutes(),
					row.getCounters()))
			.toList();
	}

	public List<Row> getOpenings() {
		return openings;
	}

	public void setOpenings(List<Row> openings) {
		this.openings = openings;
	}

	/** One opening of a day: from when to when, the length of an appointment and the counters working. */
	static class Row {

		private DayOfWeek day;

		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime opens;

		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime closes;

		@Min(value = 5, message = "{backoffice.hours.slotMinutes.range}")
		@Max(value = 240, message = "{backoffice.hours.slotMinutes.range}")
		private Integer slotMinutes;

		@Min(value = 1, message = "{backoffice.hours.counters.range}")
		@Max(value = 50, message = "{backoffice.hours.counters.range}")
		private Integer counters;

		static Row closed(DayOfWeek day) {
			Row row = new Row();
			row.day = day;
			return row;
		}

		static Row of(OpeningHours hours) {
			Row row = closed(hours.dayOfWeek());
			row.opens = hours.opens();
			row.closes = hours.closes();
			row.slotMinutes = hours.slotMinutes();
			row.counters = hours.counters();
			return row;
		}

		/** No times given: not an opening, whatever the other fields say. */
		boolean isBlank() {
			return opens == null && closes == null;
		}

		boolean overlaps(Row other) {
			return day != null && day == other.day && !isBlank() && !other.isBlank() && opens != null && closes != null
					&& other.opens != null && other.closes != null && opens.isBefore(other.closes)
					&& other.opens.isBefore(closes);
		}

		public DayOfWeek getDay() {
			return day;
		}

		public void setDay(DayOfWeek day) {
			this.day = day;
		}

		public LocalTime getOpens() {
			return opens;
		}

		public void setOpens(LocalTime opens) {
			this.opens = opens;
		}

		public LocalTime getCloses() {
			return closes;
		}

		public void setCloses(LocalTime closes) {
			this.closes = closes;
		}

		public Integer getSlotMinutes() {
			return slotMinutes;
		}

		public void setSlotMinutes(Integer slotMinutes) {
			this.slotMinutes = slotMinutes;
		}

		public Integer getCounters() {
			return counters;
		}

		public void setCounters(Integer counters) {
			this.counters = counters;
		}
	}
}
