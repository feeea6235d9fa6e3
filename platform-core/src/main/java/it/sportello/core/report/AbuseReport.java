package it.sportello.core.report;

import java.util.ArrayList;
import java.util.List;

import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current Questura's signs of place trading over the last days: accounts, associations and client addresses that
 * cancel and book again soon after (the reseller's trick of handing a place over), person keys booked through many
 * accounts, and accounts or addresses that book for many different persons.
 */
@Component
public class AbuseReport {

	/** How many days the report looks back. */
	public static final int DAYS = 90;

	private final JdbcTemplate jdbc;

	AbuseReport(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Findings find() {
		List<Finding> rebooks = jdbc.query(TenantSql.of("select case when c.association_id is not null then"
				+ " 'association:' || c.association_id else 'account:' || c.account_id end who, count(distinct c.id) n"
				+ " from {t}.booking c join {t}.booking r on r.id <> c.id and r.created_at >= c.updated_at"
				+ " and r.created_at < c.updated_at + interval '60 minutes' and (r.account_id = c.account_id"
				+ " or r.association_id = c.association_id) where c.status = 'CANCELLED' and c.channel <> 'OFFICE'"
				+ " and c.updated_at > now() - make_interval(days => ?) group by who having count(distinct c.id) >= 2"
				+ " order by n desc limit 50"), (rs, n) -> new Finding(rs.getString(1), rs.getInt(2)), DAYS);
		List<Finding> keysThroughAccounts = jdbc.query(TenantSql.of("select left(k, 12), count(distinct a) n from ("
				+ " select bp.person_key k, b.account_id a from {t}.booking_person bp join {t}.booking b on b.id ="
				+ " bp.booking_id where b.account_id is not null and b.created_at > now() - make_interval(days => ?)"
				+ " union all select holder_key, account_id from {t}.release_entry where account_id is not null"
				+ " and created_at > now() - make_interval(days => ?)) t group by k having count(distinct a) >= 3"
				+ " order by n desc limit 50"), (rs, n) -> new Finding(rs.getString(1) + "…", rs.getInt(2)), DAYS, DAYS);
		List<Finding> accountsWithManyKeys = jdbc.query(TenantSql.of("select 'account:' || a, count(distinct k) n from ("
				+ " select b.account_id a, bp.person_key k from {t}.booking_person bp join {t}.booking b"
				+ " on b.id = bp.booking_id where b.channel = 'CITIZEN' and not bp.minor"
				+ " and b.created_at > now() - make_interval(days => ?) union all select account_id, holder_key"
				+ " from {t}.release_entry where channel = 'CITIZEN' and created_at > now() - make_interval(days => ?)) t"
				+ " group by a having count(distinct k) >= 3 order by n desc limit 50"),
				(rs, n) -> new Finding(rs.getString(1), rs.getInt(2)), DAYS, DAYS);
		String slug = TenantContext.getRequired().id().slug();
		List<Finding> addressesWithManyKeys = jdbc.query(TenantSql.of("select 'address:' || o.address,"
				+ " count(distinct bp.person_key) n from platform.request_origin o join {t}.booking b on b.reference ="
				+ " o.booking_reference join {t}.booking_person bp on bp.booking_id = b.id and not bp.minor"
				+ " where o.tenant_slug = ? and o.created_at > now() - make_interval(days => ?) group by o.address"
				+ " having count(distinct bp.person_key) >= 3 order by n desc limit 50"),
				(rs, n) -> new Finding(rs.getString(1), rs.getInt(2)), slug, DAYS);
		List<Finding> addressesThatRebook = jdbc.query(TenantSql.of("select 'address:' || oc.address,"
				+ " count(distinct c.id) n from {t}.booking c join platform.request_origin oc on oc.tenant_slug = ?"
				+ " and oc.booking_reference = c.reference join platform.request_origin orb on orb.tenant_slug = ?"
				+ " and orb.address = oc.address and orb.booking_reference <> c.reference and orb.created_at >= c.updated_at"
				+ " and orb.created_at < c.updated_at + interval '60 minutes' where c.status = 'CANCELLED'"
				+ " and c.updated_at > now() - make_interval(days => ?) group by oc.address having count(distinct c.id) >= 2"
				+ " order by n desc limit 50"), (rs, n) -> new Finding(rs.getString(1), rs.getInt(2)), slug, slug, DAYS);
		List<Finding> cancelAndRebook = new ArrayList<>(rebooks);
		cancelAndRebook.addAll(addressesThatRebook);
		List<Finding> manyKeys = new ArrayList<>(accountsWithManyKeys);
		manyKeys.addAll(addressesWithManyKeys);
		return new Findings(cancelAndRebook, keysThroughAccounts, manyKeys);
	}

	/**
	 * What the report found.
	 * @param cancelAndRebook who cancelled and booked again within the hour, and how many times
	 * @param personKeysThroughManyAccounts the start of a person key (never the person's document) and through how many
	 *     accounts it was booked or entered
	 * @param accountsWithManyPersons citizen accounts, and client addresses, and how many adult persons they booked for
	 */
	public record Findings(List<Finding> cancelAndRebook, List<Finding> personKeysThroughManyAccounts,
			List<Finding> accountsWithManyPersons) {
	}

	/** Who and how many times. */
	public record Finding(String who, int count) {
	}
}
