package it.sportello.core.account;

import java.time.Instant;
import java.util.Locale;

import it.sportello.core.tenancy.SchemaNames;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recovery code of a second factor, kept as its SHA-256; it opens the account once when the phone is lost. */
@Entity
@Table(schema = SchemaNames.PLATFORM, name = "recovery_code")
class RecoveryCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long accountId;

	private String codeHash;

	private Instant usedAt;

	protected RecoveryCode() {
	}

	RecoveryCode(long accountId, String code) {
		this.accountId = accountId;
		this.codeHash = Digests.sha256(normalise(code));
	}

	/** The code as it is hashed: what people type differs in case, spaces and hyphens only. */
	static String normalise(String code) {
		return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	/** Spends the code; a code already spent opens nothing. */
	boolean use(Instant now) {
		if (usedAt != null) {
			return false;
		}
		usedAt = now;
		return true;
	}
}
