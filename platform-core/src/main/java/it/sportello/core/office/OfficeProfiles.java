package it.sportello.core.office;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The office profile of the current Questura (one row per schema). */
public interface OfficeProfiles extends Repository<OfficeProfile, Short> {

	OfficeProfile save(OfficeProfile profile);

	Optional<OfficeProfile> findById(Short id);

	default OfficeProfile getRequired() {
		return findById(OfficeProfile.SINGLE_ROW)
			.orElseThrow(() -> new IllegalStateException("The office has no profile"));
	}
}
