package it.sportello.core.booking;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practices of the current Questura a channel may book online: the pages and the imports ask here, and the rule
 * itself is the schema's {@code may_book} function, which the {@code book} function and the draw's entries also call.
 */
@Service
public class BookablePractices {

	private final JdbcTemplate jdbc;

	private final Practices practices;

	BookablePractices(JdbcTemplate jdbc, Practices practices) {
		this.jdbc = jdbc;
		this.practices = practices;
	}

	/** The active practices the channel may book, in the catalogue's order. */
	@Transactional(readOnly = true)
	public List<Practice> of(Channel channel) {
		Set<Long> bookable = Set.copyOf(jdbc.queryForList(
				TenantSql.of("select id from {t}.practice where active and {t}.may_book(bookable_by, ?)"), Long.class,
				channel.name()));
		return practices.findByActiveTrueOrderByPosition().stream().filter(p -> bookable.contains(p.getId())).toList();
	}

	/** The practice, if it is active and the channel may book it. */
	@Transactional(readOnly = true)
	public Optional<Practice> find(Channel channel, long practiceId) {
		return practices.findById(practiceId).filter(p -> p.isActive() && mayBook(channel, p));
	}

	/** The practice with the code, if it is active and the channel may book it. */
	@Transactional(readOnly = true)
	public Optional<Practice> findByCode(Channel channel, String code) {
		return practices.findByCode(code).filter(p -> p.isActive() && mayBook(channel, p));
	}

	private boolean mayBook(Channel channel, Practice practice) {
		return Boolean.TRUE.equals(jdbc.queryForObject(TenantSql.of("select {t}.may_book(?, ?)"), Boolean.class,
				practice.getBookableBy().name(), channel.name()));
	}
}
