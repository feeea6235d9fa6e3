package it.sportello.core.account;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The second factors of local accounts, one per account. */
interface SecondFactors extends ListCrudRepository<SecondFactor, Long> {

	/** The account's second factor, locked until the transaction ends, so that one code is never accepted twice. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select f from SecondFactor f where f.accountId = ?1")
	Optional<SecondFactor> lockByAccountId(long accountId);
}
