package it.sportello.core.office;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/** The walk-in windows of the current Questura. */
public interface WalkInWindows extends ListCrudRepository<WalkInWindow, Long> {

	List<WalkInWindow> findAllByOrderByPosition();
}
