package it.sportello.core.catalogue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** The practice catalogue of the current Questura. */
public interface Practices extends ListCrudRepository<Practice, Long> {

	List<Practice> findAllByOrderByPosition();

	List<Practice> findByActiveTrueOrderByPosition();

	Optional<Practice> findByCode(String code);
}
