package it.sportello.core.office;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import it.sportello.core.text.LocalizedText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A group of counters at one site that serves some practices, with its weekly opening hours. */
@Entity
public class ServiceLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	private Site site;

	private int position;

	@Embedded
	@EmbeddedColumnNaming("name_%s")
	private LocalizedText name;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "opening_hours", joinColumns = @JoinColumn(name = "service_line_id"))
	private List<OpeningHours> hours = new ArrayList<>();

	protected ServiceLine() {
	}

	public ServiceLine(String code, Site site, int position, LocalizedText name) {
		this.code = code;
		this.site = site;
		this.position = position;
		this.name = name;
	}

	/** Sets the weekly hours; the slots of the days already booked are the agenda's business, not this list's. */
	public void replaceHours(List<OpeningHours> weekly) {
		hours.clear();
		hours.addAll(weekly);
	}

	public void moveTo(Site newSite) {
		this.site = newSite;
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public Site getSite() {
		return site;
	}

	public int getPosition() {
		return position;
	}

	public LocalizedText getName() {
		return name;
	}

	/** The weekly hours, Monday first, earliest opening first. */
	public List<OpeningHours> getHours() {
		return hours.stream()
			.sorted(Comparator.comparing(OpeningHours::dayOfWeek).thenComparing(OpeningHours::opens))
			.toList();
	}
}
