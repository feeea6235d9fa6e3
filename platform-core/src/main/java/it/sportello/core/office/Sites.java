package it.sportello.core.office;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** The sites of the current Questura. */
public interface Sites extends ListCrudRepository<Site, Long> {

	List<Site> findAllByOrderByPosition();

	Optional<Site> findByCode(String code);
}
