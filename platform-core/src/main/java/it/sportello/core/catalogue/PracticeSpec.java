package it.sportello.core.catalogue;

import java.util.List;

import it.sportello.core.text.LocalizedText;

/** A practice as written in the national template or an office's own catalogue, before it is stored. */
public record PracticeSpec(String code, PracticeKind kind, String serviceLine, int durationMinutes,
		BookableBy bookableBy, LocalizedText name, LocalizedText description, List<LocalizedText> documents) {

	public PracticeSpec {
		documents = documents == null ? List.of() : List.copyOf(documents);
	}
}
