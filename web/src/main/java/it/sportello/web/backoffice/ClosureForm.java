package it.sportello.web.backoffice;

import java.time.LocalDate;

import it.sportello.admin.closure.ClosureRefused;
import it.sportello.admin.closure.HitBookings;
import it.sportello.core.calendar.DayChange;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * A closure or reduction as the admin asks for it: the day, the service line (none for the whole office), close or
 * reduce (to how many counters), the reason, and what to do with the bookings it hits. The page shows one reason at a
 * time, the first of: the day, the reason, the reduction.
 */
class ClosureForm {

	@NotNull(message = "{backoffice.closures.day.invalid}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate day;

	private Long line;

	private String kind = "close";

	private Integer counters;

	@NotBlank(message = "{backoffice.reason.required}")
	@Size(max = 300, message = "{backoffice.reason.required}")
	private String reason;

	private String then = "move";

	/** A reduction names its service line and the counters left open, from 0 to 50; a closure needs neither. */
	@AssertTrue(message = "{backoffice.closures.reduce.invalid}")
	boolean isReductionComplete() {
		return isClose() || (line != null && counters != null && counters >= 0 && counters <= 50);
	}

	/** Why the change cannot be made as typed (a day before today is past), or null. */
	String problem(Errors errors, LocalDate today) {
		if (errors.hasFieldErrors("day") || day.isBefore(today)) {
			return "backoffice.closures.day.invalid";
		}
		if (errors.hasFieldErrors("reason")) {
			return "backoffice.reason.required";
		}
		return errors.hasErrors() ? "backoffice.closures.reduce.invalid" : null;
	}

	/** Why the office's calendar refuses the change. */
	static String problem(ClosureRefused refused) {
		return switch (refused.getReason()) {
			case PAST_DAY -> "backoffice.closures.day.invalid";
			case UNKNOWN_SERVICE_LINE -> "backoffice.closures.reduce.invalid";
			case ALREADY_CLOSED -> "backoffice.closures.already";
		};
	}

	/** The change asked for, once {@link #problem} found nothing wrong. */
	DayChange change() {
		return new DayChange(day, line, isClose() ? null : counters, reason.strip());
	}

	/** Moved unless asked otherwise (the page's choice left empty moves them). */
	HitBookings hitBookings() {
		return then == null || then.isEmpty() || "move".equals(then) ? HitBookings.MOVE : HitBookings.CANCEL;
	}

	private boolean isClose() {
		return !"reduce".equals(kind);
	}

	public LocalDate getDay() {
		return day;
	}

	public void setDay(LocalDate day) {
		this.day = day;
	}

	public Long getLine() {
		return line;
	}

	public void setLine(Long line) {
		this.line = line;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public Integer getCounters() {
		return counters;
	}

	public void setCounters(Integer counters) {
		this.counters = counters;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getThen() {
		return then;
	}

	public void setThen(String then) {
		this.then = then;
	}
}
