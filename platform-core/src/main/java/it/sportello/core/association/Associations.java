package it.sportello.core.association;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The associations of the platform: their sign-up, the platform admin's decision, and their plan and entitlement,
 * which billing (Stripe, or the platform admin by hand) sets. The quota itself is enforced where bookings are made.
 */
@Component
public class Associations {

	private static final String COLUMNS = "id, name, tax_number, pec, status, decision_reason, plan_code, quota,"
			+ " active_bookings, entitlement, grace_until, stripe_customer_id, stripe_subscription_id";

	private final JdbcTemplate jdbc;

	private final Memberships memberships;

	Associations(JdbcTemplate jdbc, Memberships memberships) {
		this.jdbc = jdbc;
		this.memberships = memberships;
	}

	/**
	 * Registers an association waiting for accreditation; the account that signs it up becomes its admin.
	 * @throws AssociationRefused when the tax number or the PEC is not valid, or the tax number is registered already
	 */
	@Transactional
	public Association register(String name, String taxNumber, String pec, long adminAccountId) {
		String checked = TaxNumber.checked(taxNumber);
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			throw new AssociationRefused("association.name.required");
		}
		if (checked == null) {
			throw new AssociationRefused("association.taxNumber.invalid");
		}
		if (pec == null || !pec.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}")) {
			throw new AssociationRefused("association.pec.invalid");
		}
		if (byTaxNumber(checked).isPresent()) {
			throw new AssociationRefused("association.taxNumber.taken");
		}
		long id = jdbc.queryForObject("insert into platform.association (name, tax_number, pec, status)"
				+ " values (?, ?, ?, 'PENDING') returning id", Long.class, name.strip(), checked, pec.strip());
		memberships.save(Membership.associationAdmin(adminAccountId, id));
		return find(id).orElseThrow();
	}

	public void approve(long id) {
		decide(id, AssociationStatus.APPROVED, null);
	}

	public void reject(long id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new AssociationRefused("association.reason.required");
		}
		decide(id, AssociationStatus.REJECTED, reason.strip());
	}

	/** The platform admin grants a plan by hand (paid by bank transfer, or free under a protocol). */
	public void grantPlan(long id, String planCode, int quota) {
		jdbc.update("update platform.association set plan_code = ?, quota = ?, entitlement = 'ACTIVE', grace_until = null"
				+ " where id = ?", planCode, quota, id);
	}

	/** Billing's view of the subscription, applied as it is now. */
	public void entitle(long id, String planCode, int quota, Entitlement entitlement, Instant graceUntil,
			String stripeSubscriptionId) {
		jdbc.update("update platform.association set plan_code = ?, quota = ?, entitlement = ?, grace_until = ?,"
				+ " stripe_subscription_id = ? where id = ?", planCode, quota, entitlement.name(),
				graceUntil == null ? null : Timestamp.from(graceUntil), stripeSubscriptionId, id);
	}

	public void linkStripeCustomer(long id, String customerId) {
		jdbc.update("update platform.association set stripe_customer_id = ? where id = ?", customerId, id);
	}

	public Optional<Association> find(long id) {
		return jdbc.query("select " + COLUMNS + " from platform.association where id = ?", this::row, id).stream()
			.findFirst();
	}

	/** The association, if it is accredited: only then may it book for its clients. */
	public Optional<Association> accredited(long id) {
		return find(id).filter(a -> a.status() == AssociationStatus.APPROVED);
	}

	public Optional<Association> byStripeCustomer(String customerId) {
		return jdbc.query("select " + COLUMNS + " from platform.association where stripe_customer_id = ?", this::row,
				customerId).stream().findFirst();
	}

	public List<Association> all() {
		return jdbc.query("select " + COLUMNS + " from platform.association order by status desc, name", this::row);
	}

	/** Whether the current Questura lets only some associations book, and which. */
	public Protocol protocolHere() {
		boolean restricted = Boolean.TRUE.equals(jdbc.queryForObject(
				TenantSql.of("select associations_restricted from {t}.office_profile"), Boolean.class));
		List<Long> allowed = jdbc.queryForList(
				TenantSql.of("select association_id from {t}.allowed_association"), Long.class);
		return new Protocol(restricted, allowed);
	}

	/** Sets the current Questura's protocol: everybody accredited, or only the associations listed. */
	@Transactional
	public void changeProtocolHere(boolean restricted, List<Long> allowed) {
		jdbc.update(TenantSql.of("update {t}.office_profile set associations_restricted = ?"),
				restricted);
		jdbc.update(TenantSql.of("delete from {t}.allowed_association"));
		for (Long id : allowed) {
			jdbc.update(TenantSql.of("insert into {t}.allowed_association (association_id)"
					+ " values (?) on conflict do nothing"), id);
		}
	}

	/**
	 * A Questura's protocol with the associations.
	 * @param restricted whether only the listed associations may book there
	 */
	public record Protocol(boolean restricted, List<Long> allowed) {
	}

	private Optional<Association> byTaxNumber(String taxNumber) {
		return jdbc.query("select " + COLUMNS + " from platform.association where tax_number = ?", this::row, taxNumber)
			.stream()
			.findFirst();
	}

	private void decide(long id, AssociationStatus status, String reason) {
		int changed = jdbc.update("update platform.association set status = ?, decision_reason = ? where id = ?"
				+ " and status = 'PENDING'", status.name(), reason, id);
		if (changed == 0) {
			throw new AssociationRefused("association.alreadyDecided");
		}
	}

	private Association row(ResultSet rs, int n) throws SQLException {
		Timestamp grace = rs.getTimestamp(11);
		return new Association(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				AssociationStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
				Entitlement.valueOf(rs.getString(10)), grace == null ? null : grace.toInstant(), rs.getString(12),
				rs.getString(13));
	}
}
