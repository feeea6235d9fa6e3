package it.sportello.web.association;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import it.sportello.core.association.AssociationOffices.Office;

/**
 * The CSV page's example for one Questura: the header and one row that books there as it stands (one of its practices,
 * days from tomorrow), so that a member who copies it sees a booking, or why there is no free time.
 * @param questura the Questura's name
 * @param lines the file's lines, the header first
 */
record ClientCsvExample(String questura, List<String> lines) {

	static final String HEADER = "full_name;document_type;document_country;document_number;codice_fiscale;practice;from;to;"
			+ "email;phone;language";

	/** How far the example looks, within the longest span a row may ask for. */
	static final int DAYS = 60;

	/** The example for the Questura, if it has a practice a row can book. */
	static Optional<ClientCsvExample> of(Office office, LocalDate today) {
		return office.practices().stream().filter(p -> !p.pickUp()).findFirst().map(practice -> new ClientCsvExample(
				office.questura().getName(), List.of(HEADER, "Fatou Sow;PASSPORT;SN;X1234567;;" + practice.code() + ";"
						+ today.plusDays(1) + ";" + today.plusDays(DAYS) + ";;;fr")));
	}
}
