package it.sportello.core.office;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import it.sportello.core.text.LocalizedText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * Hours when some people may come without an appointment (Genova: asylum requests at 8:00). Shown to the public,
 * never bookable.
 */
@Entity
public class WalkInWindow {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	private Site site;

	private int position;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "walk_in_window_day", joinColumns = @JoinColumn(name = "walk_in_window_id"))
	@Column(name = "day_of_week")
	@Enumerated(EnumType.STRING)
	private Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);

	private LocalTime opens;

	private LocalTime closes;

	@Embedded
	@EmbeddedColumnNaming("description_%s")
	private LocalizedText description;

	protected WalkInWindow() {
	}

	public WalkInWindow(Site site, int position, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
			LocalizedText description) {
		if (days.isEmpty() || !closes.isAfter(opens)) {
			throw new IllegalArgumentException("A walk-in window needs days and must close after it opens");
		}
		this.site = site;
		this.position = position;
		this.days = EnumSet.copyOf(days);
		this.opens = opens;
		this.closes = closes;
		this.description = description;
	}

	public Long getId() {
		return id;
	}

	public Site getSite() {
		return site;
	}

	public int getPosition() {
		return position;
	}

	/** The days, Monday first. */
	public SortedSet<DayOfWeek> getDays() {
		return new TreeSet<>(days);
	}

	public LocalTime getOpens() {
		return opens;
	}

	public LocalTime getCloses() {
		return closes;
	}

	public LocalizedText getDescription() {
		return description;
	}
}
