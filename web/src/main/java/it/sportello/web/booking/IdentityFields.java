package it.sportello.web.booking;

import java.io.Serializable;

import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.DocumentType;

/**
 * How a person is identified in a form: a codice fiscale, or an identity document by type, issuing country and
 * number. The booking journey's persons and the counter's check-in share it.
 */
public class IdentityFields implements Serializable {

	/** The person shows a codice fiscale. */
	public static final String TAX_CODE = "CF";

	/** The person shows an identity document. */
	public static final String DOCUMENT = "DOC";

	private String idKind = TAX_CODE;

	private String codiceFiscale;

	private String documentType;

	private String documentCountry;

	private String documentNumber;

	/** The identity, once the fields are valid; an identity that is not well formed throws its reason. */
	public PersonIdentity identity() {
		return TAX_CODE.equals(idKind) ? new PersonIdentity.TaxCode(codiceFiscale)
				: new PersonIdentity.Document(documentType(), documentCountry, documentNumber);
	}

	DocumentType documentType() {
		try {
			return documentType == null ? null : DocumentType.valueOf(documentType);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public String getIdKind() {
		return idKind;
	}

	public void setIdKind(String idKind) {
		this.idKind = idKind;
	}

	public String getCodiceFiscale() {
		return codiceFiscale;
	}

	public void setCodiceFiscale(String codiceFiscale) {
		this.codiceFiscale = codiceFiscale;
	}

	public String getDocumentType() {
		return documentType;
	}

	public void setDocumentType(String documentType) {
		this.documentType = documentType;
	}

	public String getDocumentCountry() {
		return documentCountry;
	}

	public void setDocumentCountry(String documentCountry) {
		this.documentCountry = documentCountry;
	}

	public String getDocumentNumber() {
		return documentNumber;
	}

	public void setDocumentNumber(String documentNumber) {
		this.documentNumber = documentNumber;
	}

}
