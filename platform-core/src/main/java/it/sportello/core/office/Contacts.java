package it.sportello.core.office;

import jakarta.persistence.Embeddable;

/** How the public reaches an office. Any of them may be missing. */
@Embeddable
public record Contacts(String phone, String email, String pec, String website) {
}
