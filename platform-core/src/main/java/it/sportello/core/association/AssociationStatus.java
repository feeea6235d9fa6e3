package it.sportello.core.association;

/** Where an association's accreditation stands. */
public enum AssociationStatus {
	PENDING, APPROVED, REJECTED
}
