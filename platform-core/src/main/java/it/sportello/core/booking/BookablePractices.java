package it.sportello.core.booking;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import it.sportello.core.catalogue.Practice;
import it.sportello.core.cache.ReadCaches;
import it.sportello.core.catalogue.OfficeDirectory;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The practices of the current Questura a channel may book online: the pages and the imports ask here, and the rule
 * itself is the schema's {@code may_book} function, which the {@code book} function and the draw's entries also call.
 * Read from this node's read cache, like the catalogue it filters: the booking itself asks {@code may_book} again.
 */
@Service
public class BookablePractices {

	private final JdbcTemplate jdbc;

	private final OfficeDirectory directory;

	private final ReadCaches caches;

	BookablePractices(JdbcTemplate jdbc, OfficeDirectory directory, ReadCaches caches) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.caches = caches;
	}

	/** The active practices the channel may book, in the catalogue's order. */
	public List<Practice> of(Channel channel) {
		List<Practice> active = directory.activePractices();
		Set<Long> bookable = caches.office("bookable", channel, () -> Set.copyOf(jdbc.queryForList(
				TenantSql.of("select id from {t}.practice where active and {t}.may_book(bookable_by, ?)"), Long.class,
				channel.name())));
		return active.stream().filter(p -> bookable.contains(p.getId())).toList();
	}

	/** The practice, if it is active and the channel may book it. */
	public Optional<Practice> find(Channel channel, long practiceId) {
		return of(channel).stream().filter(p -> p.getId() == practiceId).findFirst();
	}

	/** The practice with the code, if it is active and the channel may book it. */
	public Optional<Practice> findByCode(Channel channel, String code) {
		return of(channel).stream().filter(p -> p.getCode().equals(code)).findFirst();
	}
}
