package it.sportello.core.catalogue;

import java.util.ArrayList;
import java.util.List;

import it.sportello.core.office.ServiceLine;
import it.sportello.core.text.LocalizedText;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
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
import jakarta.persistence.OrderColumn;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A kind of appointment an office offers: its texts, the documents to bring, its counter and who may book it. */
@Entity
public class Practice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private int position;

	@Enumerated(EnumType.STRING)
	private PracticeKind kind;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	private ServiceLine serviceLine;

	private int durationMinutes;

	@Enumerated(EnumType.STRING)
	private BookableBy bookableBy;

	private boolean active = true;

	@Embedded
	@EmbeddedColumnNaming("name_%s")
	private LocalizedText name;

	@Embedded
	@EmbeddedColumnNaming("description_%s")
	private LocalizedText description;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "practice_document", joinColumns = @JoinColumn(name = "practice_id"))
	@OrderColumn(name = "position")
	// @EmbeddedColumnNaming does not reach the elements of a collection
	@AttributeOverrides({ @AttributeOverride(name = "it", column = @Column(name = "text_it")),
			@AttributeOverride(name = "en", column = @Column(name = "text_en")),
			@AttributeOverride(name = "fr", column = @Column(name = "text_fr")),
			@AttributeOverride(name = "ar", column = @Column(name = "text_ar")) })
	private List<LocalizedText> documents = new ArrayList<>();

	protected Practice() {
	}

	Practice(PracticeSpec spec, ServiceLine serviceLine, int position) {
		if (spec.durationMinutes() < 5) {
			throw new IllegalArgumentException("A practice lasts at least 5 minutes: " + spec.code());
		}
		this.code = spec.code();
		this.position = position;
		this.kind = spec.kind();
		this.serviceLine = serviceLine;
		this.durationMinutes = spec.durationMinutes();
		this.bookableBy = spec.bookableBy();
		this.name = spec.name();
		this.description = spec.description();
		this.documents.addAll(spec.documents());
	}

	/** The admin's revision of the practice: its texts, documents, length, counter and who may book it. */
	public void revise(LocalizedText name, LocalizedText description, List<LocalizedText> documents, int durationMinutes,
			ServiceLine serviceLine, BookableBy bookableBy) {
		if (durationMinutes < 5 || durationMinutes > 240) {
			throw new IllegalArgumentException("A practice lasts 5 to 240 minutes");
		}
		this.name = name;
		this.description = description;
		this.documents.clear();
		this.documents.addAll(documents);
		this.durationMinutes = durationMinutes;
		this.serviceLine = serviceLine;
		this.bookableBy = bookableBy;
	}

	public void disable() {
		this.active = false;
	}

	public void enable() {
		this.active = true;
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public int getPosition() {
		return position;
	}

	public PracticeKind getKind() {
		return kind;
	}

	public ServiceLine getServiceLine() {
		return serviceLine;
	}

	public int getDurationMinutes() {
		return durationMinutes;
	}

	public BookableBy getBookableBy() {
		return bookableBy;
	}

	public boolean isActive() {
		return active;
	}

	public LocalizedText getName() {
		return name;
	}

	public LocalizedText getDescription() {
		return description;
	}

	/** The documents to bring, in the office's order. */
	public List<LocalizedText> getDocuments() {
		return List.copyOf(documents);
	}
}
