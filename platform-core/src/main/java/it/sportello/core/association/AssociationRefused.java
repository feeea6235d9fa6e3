package it.sportello.core.association;

/** A request about an association that cannot be carried out; the code names the message for the person. */
public class AssociationRefused extends RuntimeException {

	private final String code;

	public AssociationRefused(String code) {
		super(code, null, false, false);
		this.code = code;
	}

	public String getCode() {
		return code;
	}
}
