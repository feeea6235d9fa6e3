package it.sportello.core.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The recovery codes of the accounts' second factors. */
interface RecoveryCodes extends ListCrudRepository<RecoveryCode, Long> {

	Optional<RecoveryCode> findByAccountIdAndCodeHash(long accountId, String codeHash);

	@Modifying
	@Query("delete from RecoveryCode c where c.accountId = ?1")
	void deleteByAccountId(long accountId);
}
