package it.sportello.core.catalogue;

/** What a practice is about, as the counters group their work. */
public enum PracticeKind {
	APPLICATION, RENEWAL, CONVERSION, PICK_UP, INFORMATION
}
