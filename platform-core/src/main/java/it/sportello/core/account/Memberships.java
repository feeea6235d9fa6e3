package it.sportello.core.account;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/** The roles accounts hold. */
public interface Memberships extends ListCrudRepository<Membership, Long> {

	List<Membership> findByAccountId(Long accountId);
}
