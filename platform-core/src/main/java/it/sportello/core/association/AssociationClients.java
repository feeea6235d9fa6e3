package it.sportello.core.association;

import java.util.List;

import javax.sql.DataSource;

import it.sportello.core.person.PersonKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people an association books for: name, person key (never the document itself) and how to reach them. Kept
 * once per association and person, the latest contact winning.
 */
@Component
public class AssociationClients {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	AssociationClients(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	public void remember(long associationId, String fullName, PersonKey key, String email, String phone,
			String language) {
		transaction.executeWithoutResult(status -> {
			if (status.isNewTransaction()) {
				// the client list is the association's address book, written again by its next booking: its commit
				// need not wait for the disk, which a booking through the API would otherwise wait for twice
				jdbc.execute("set local synchronous_commit = off");
			}
			remembered(associationId, fullName, key, email, phone, language);
		});
	}

	private void remembered(long associationId, String fullName, PersonKey key, String email, String phone,
			String language) {
		jdbc.update("insert into platform.association_client (association_id, full_name, person_key, email, phone, language)"
				+ " values (?, ?, ?, ?, ?, ?) on conflict (association_id, person_key) do update set full_name ="
				+ " excluded.full_name, email = coalesce(excluded.email, association_client.email), phone ="
				+ " coalesce(excluded.phone, association_client.phone), language = excluded.language", associationId,
				fullName, key.value(), email, phone, language == null ? "it" : language);
	}

	/** The association's clients by name. */
	public List<Client> of(long associationId) {
		return jdbc.query("select full_name, email, phone, language from platform.association_client"
				+ " where association_id = ? order by full_name", (rs, n) -> new Client(rs.getString(1), rs.getString(2),
						rs.getString(3), rs.getString(4)), associationId);
	}

	/** A client as the association's pages show it. */
	public record Client(String fullName, String email, String phone, String language) {
	}
}
