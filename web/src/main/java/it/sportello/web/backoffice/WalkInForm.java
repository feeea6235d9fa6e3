package it.sportello.web.backoffice;

import static it.sportello.web.input.FormValues.enumValue;
import static it.sportello.web.input.FormValues.text;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import it.sportello.core.office.Site;
import it.sportello.core.office.WalkInWindow;
import it.sportello.core.text.LocalizedText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/** A walk-in window of a site: the week days, from when to when, and for whom (a short description). */
class WalkInForm {

	@NotNull(message = "{backoffice.walkIn.invalid}")
	private Long site;

	@NotNull(message = "{backoffice.walkIn.invalid}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
	private LocalTime opens;

	@NotNull(message = "{backoffice.walkIn.invalid}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
	private LocalTime closes;

	/** The days ticked; a value that is no day of the week is left out. */
	private List<String> days = List.of();

	@NotBlank(message = "{backoffice.walkIn.invalid}")
	private String description;

	@AssertTrue(message = "{backoffice.walkIn.invalid}")
	boolean isClosingAfterOpening() {
		return opens == null || closes == null || closes.isAfter(opens);
	}

	@AssertTrue(message = "{backoffice.walkIn.invalid}")
	boolean isOnSomeDay() {
		return !weekDays().isEmpty();
	}

	/** The window, on the site chosen and listed at the position given. */
	WalkInWindow window(Site chosen, int position) {
		return new WalkInWindow(chosen, position, EnumSet.copyOf(weekDays()), opens, closes,
				LocalizedText.italian(text(description)));
	}

	private Set<DayOfWeek> weekDays() {
		return days.stream().map(d -> enumValue(DayOfWeek.class, d)).filter(Objects::nonNull).collect(Collectors.toSet());
	}

	public Long getSite() {
		return site;
	}

	public void setSite(Long site) {
		this.site = site;
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

	public List<String> getDays() {
		return days;
	}

	public void setDays(List<String> days) {
		this.days = days == null ? List.of() : days;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}
}
