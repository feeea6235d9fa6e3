package it.sportello.core.testsupport;

import java.util.concurrent.atomic.AtomicLong;

import it.sportello.core.booking.PersonDetails;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.DocumentType;

/** People for tests: each call a new person, by passport unless said otherwise; each account a new number. */
public final class People {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private People() {
	}

	public static PersonDetails anyone() {
		return new PersonDetails("Persona " + SEQUENCE.incrementAndGet(), passport(), false);
	}

	public static PersonDetails minorChild() {
		return new PersonDetails("Minore " + SEQUENCE.incrementAndGet(), passport(), true);
	}

	public static PersonIdentity.Document passport() {
		return new PersonIdentity.Document(DocumentType.PASSPORT, "MA", "P" + SEQUENCE.incrementAndGet());
	}

	public static long newAccount() {
		return SEQUENCE.incrementAndGet();
	}
}
