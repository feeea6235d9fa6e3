package it.sportello.core.office;

import java.time.MonthDay;
import java.time.ZoneId;

import it.sportello.core.text.LocalizedText;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.EmbeddedColumnNaming;

/** The settings of one Questura's office: time zone, the comune's patron-saint day, contacts, public notice. */
@Entity
public class OfficeProfile {

	static final short SINGLE_ROW = 1;

	@Id
	private Short id = SINGLE_ROW;

	private String timeZone;

	private short patronMonth;

	private short patronDay;

	@Embedded
	private Contacts contacts;

	@Embedded
	@EmbeddedColumnNaming("notice_%s")
	private LocalizedText notice;

	protected OfficeProfile() {
	}

	public OfficeProfile(ZoneId timeZone, MonthDay patronSaintDay, Contacts contacts) {
		this.timeZone = timeZone.getId();
		this.patronMonth = (short) patronSaintDay.getMonthValue();
		this.patronDay = (short) patronSaintDay.getDayOfMonth();
		this.contacts = contacts;
	}

	public void publishNotice(LocalizedText notice) {
		this.notice = notice;
	}

	public ZoneId getTimeZone() {
		return ZoneId.of(timeZone);
	}

	public MonthDay getPatronSaintDay() {
		return MonthDay.of(patronMonth, patronDay);
	}

	public Contacts getContacts() {
		// Hibernate reads an embedded value whose columns are all null as null
		return contacts == null ? new Contacts(null, null, null, null) : contacts;
	}

	/** The public notice, or null when the office has none. */
	public LocalizedText getNotice() {
		return notice;
	}
}
