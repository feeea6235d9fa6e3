package it.sportello.core.catalogue;

/** Who may book a practice online. */
public enum BookableBy {
	CITIZENS, ASSOCIATIONS, BOTH
}
