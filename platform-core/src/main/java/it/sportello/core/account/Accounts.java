package it.sportello.core.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The platform's accounts. */
public interface Accounts extends ListCrudRepository<Account, Long> {

	@Query("select a from Account a where lower(a.email) = lower(?1)")
	Optional<Account> findByEmail(String email);

	/** The account linked to the identity provider's subject; never one of the accounts not linked yet. */
	@Query("select a from Account a where a.oidcSubject = ?1 and a.oidcSubject is not null")
	Optional<Account> findByOidcSubject(String subject);
}
