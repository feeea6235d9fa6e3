package it.sportello.core.office;

import java.time.LocalTime;
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

	private Short releaseDaysAhead;

	private LocalTime releaseTime;

	private int drawWindowSeconds = 60;

	private int associationSharePercent = 30;

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

	/** The office's contacts and patron-saint day, as its admin sets them. */
	public void revise(Contacts contacts, MonthDay patronSaintDay) {
		this.contacts = contacts;
		this.patronMonth = (short) patronSaintDay.getMonthValue();
		this.patronDay = (short) patronSaintDay.getDayOfMonth();
	}

	/**
	 * When the slots of a day become bookable: so many days ahead, at that time. Kept here for the release rules of
	 * the fairness work; until then slots are bookable as soon as they exist.
	 */
	public void releaseSlots(int daysAhead, LocalTime at) {
		if (daysAhead < 1 || daysAhead > 120 || at == null) {
			throw new IllegalArgumentException("Slots are released 1 to 120 days ahead, at a time of day");
		}
		this.releaseDaysAhead = (short) daysAhead;
		this.releaseTime = at;
	}

	/**
	 * The draw at each release: requests in its first seconds are drawn, and associations win at most their share.
	 */
	public void drawReleases(int windowSeconds, int associationSharePercent) {
		if (windowSeconds < 0 || windowSeconds > 3600 || associationSharePercent < 0 || associationSharePercent > 100) {
			throw new IllegalArgumentException("A draw window is 0 to 3600 seconds, a share 0 to 100 percent");
		}
		this.drawWindowSeconds = windowSeconds;
		this.associationSharePercent = associationSharePercent;
	}

	public int getDrawWindowSeconds() {
		return drawWindowSeconds;
	}

	public int getAssociationSharePercent() {
		return associationSharePercent;
	}

	public Integer getReleaseDaysAhead() {
		return releaseDaysAhead == null ? null : releaseDaysAhead.intValue();
	}

	public LocalTime getReleaseTime() {
		return releaseTime;
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
