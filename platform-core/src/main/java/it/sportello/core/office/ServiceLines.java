package it.sportello.core.office;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** The service lines of the current Questura. */
public interface ServiceLines extends ListCrudRepository<ServiceLine, Long> {

	List<ServiceLine> findAllByOrderByPosition();

	Optional<ServiceLine> findByCode(String code);
}
