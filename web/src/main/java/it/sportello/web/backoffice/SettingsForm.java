package it.sportello.web.backoffice;

import java.time.LocalTime;
import java.time.MonthDay;

import it.sportello.core.office.Contacts;
import it.sportello.core.office.OfficeProfile;
import it.sportello.core.text.LocalizedText;
import it.sportello.web.input.FormValues;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The office's own settings as its admin edits them: contacts, patron day, public notice, release of the slots. */
class SettingsForm {

	@Size(max = 40, message = "{backoffice.settings.contact.invalid}")
	private String phone;

	@Email(message = "{backoffice.settings.contact.invalid}")
	@Size(max = 200, message = "{backoffice.settings.contact.invalid}")
	private String email;

	@Email(message = "{backoffice.settings.contact.invalid}")
	@Size(max = 200, message = "{backoffice.settings.contact.invalid}")
	private String pec;

	/** A web address the office page links to: http or https only (never a script the link would run). */
	@Size(max = 300, message = "{backoffice.settings.contact.invalid}")
	@Pattern(regexp = "\\s*|\\s*https?://\\S+\\s*", flags = Pattern.Flag.CASE_INSENSITIVE,
			message = "{backoffice.settings.contact.invalid}")
	private String website;

	@NotBlank(message = "{onboarding.patronDay.invalid}")
	private String patronDay;

	private String noticeIt;

	private String noticeEn;

	private String noticeFr;

	private String noticeAr;

	@NotNull(message = "{backoffice.settings.release.invalid}")
	@Min(value = 1, message = "{backoffice.settings.release.invalid}")
	@Max(value = 120, message = "{backoffice.settings.release.invalid}")
	private Integer releaseDaysAhead = 14;

	@NotNull(message = "{backoffice.settings.release.invalid}")
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime releaseTime = LocalTime.of(14, 0);

	@NotNull(message = "{backoffice.settings.release.invalid}")
	@Min(value = 0, message = "{backoffice.settings.release.invalid}")
	@Max(value = 3600, message = "{backoffice.settings.release.invalid}")
	private Integer drawWindowSeconds = 60;

	@NotNull(message = "{backoffice.settings.release.invalid}")
	@Min(value = 0, message = "{backoffice.settings.release.invalid}")
	@Max(value = 100, message = "{backoffice.settings.release.invalid}")
	private Integer associationSharePercent = 30;

	/** The form showing the settings in force. */
	static SettingsForm of(OfficeProfile profile) {
		SettingsForm form = new SettingsForm();
		Contacts contacts = profile.getContacts();
		if (contacts != null) {
			form.phone = contacts.phone();
			form.email = contacts.email();
			form.pec = contacts.pec();
			form.website = contacts.website();
		}
		form.patronDay = FormValues.dayOfYear(profile.getPatronSaintDay());
		LocalizedText notice = profile.getNotice();
		if (notice != null) {
			form.noticeIt = notice.it();
			form.noticeEn = notice.en();
			form.noticeFr = notice.fr();
			form.noticeAr = notice.ar();
		}
		if (profile.getReleaseDaysAhead() != null) {
			form.releaseDaysAhead = profile.getReleaseDaysAhead();
			form.releaseTime = profile.getReleaseTime();
		}
		form.drawWindowSeconds = profile.getDrawWindowSeconds();
		form.associationSharePercent = profile.getAssociationSharePercent();
		return form;
	}

	/** The patron day as typed ("24/6"), or null when it is no day of the year. */
	MonthDay patronSaintDay() {
		return FormValues.dayOfYear(patronDay);
	}

	Contacts contacts() {
		return new Contacts(FormValues.text(phone), FormValues.text(email), FormValues.text(pec), FormValues.text(website));
	}

	/** The public notice, or null when the Italian text, which every notice has, is empty. */
	LocalizedText notice() {
		return FormValues.text(noticeIt) == null ? null
				: new LocalizedText(FormValues.text(noticeIt), FormValues.text(noticeEn), FormValues.text(noticeFr), FormValues.text(noticeAr));
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPec() {
		return pec;
	}

	public void setPec(String pec) {
		this.pec = pec;
	}

	public String getWebsite() {
		return website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public String getPatronDay() {
		return patronDay;
	}

	public void setPatronDay(String patronDay) {
		this.patronDay = patronDay;
	}

	public String getNoticeIt() {
		return noticeIt;
	}

	public void setNoticeIt(String noticeIt) {
		this.noticeIt = noticeIt;
	}

	public String getNoticeEn() {
		return noticeEn;
	}

	public void setNoticeEn(String noticeEn) {
		this.noticeEn = noticeEn;
	}

	public String getNoticeFr() {
		return noticeFr;
	}

	public void setNoticeFr(String noticeFr) {
		this.noticeFr = noticeFr;
	}

	public String getNoticeAr() {
		return noticeAr;
	}

	public void setNoticeAr(String noticeAr) {
		this.noticeAr = noticeAr;
	}

	public Integer getReleaseDaysAhead() {
		return releaseDaysAhead;
	}

	public void setReleaseDaysAhead(Integer releaseDaysAhead) {
		this.releaseDaysAhead = releaseDaysAhead;
	}

	public LocalTime getReleaseTime() {
		return releaseTime;
	}

	public void setReleaseTime(LocalTime releaseTime) {
		this.releaseTime = releaseTime;
	}

	public Integer getDrawWindowSeconds() {
		return drawWindowSeconds;
	}

	public void setDrawWindowSeconds(Integer drawWindowSeconds) {
		this.drawWindowSeconds = drawWindowSeconds;
	}

	public Integer getAssociationSharePercent() {
		return associationSharePercent;
	}

	public void setAssociationSharePercent(Integer associationSharePercent) {
		this.associationSharePercent = associationSharePercent;
	}
}
