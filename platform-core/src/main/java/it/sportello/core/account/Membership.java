package it.sportello.core.account;

import it.sportello.core.tenancy.SchemaNames;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role an account holds: on the platform, in one Questura (staff), or in one association. */
@Entity
@Table(schema = SchemaNames.PLATFORM, name = "membership")
public class Membership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long accountId;

	@Enumerated(EnumType.STRING)
	private Role role;

	private String tenantSlug;

	private Long associationId;

	protected Membership() {
	}

	private Membership(long accountId, Role role, String tenantSlug, Long associationId) {
		this.accountId = accountId;
		this.role = role;
		this.tenantSlug = tenantSlug;
		this.associationId = associationId;
	}

	public static Membership platformAdmin(long accountId) {
		return new Membership(accountId, Role.PLATFORM_ADMIN, null, null);
	}

	public static Membership citizen(long accountId) {
		return new Membership(accountId, Role.CITIZEN, null, null);
	}

	/** Staff of one Questura: an admin or an operator. */
	public static Membership staff(long accountId, Role role, String tenantSlug) {
		if (!role.isStaff()) {
			throw new IllegalArgumentException(role + " is not a staff role");
		}
		return new Membership(accountId, role, tenantSlug, null);
	}

	public static Membership associationMember(long accountId, long associationId) {
		return new Membership(accountId, Role.ASSOCIATION_MEMBER, null, associationId);
	}

	/** An admin of the association: invites its members, chooses its plan. */
	public static Membership associationAdmin(long accountId, long associationId) {
		return new Membership(accountId, Role.ASSOCIATION_ADMIN, null, associationId);
	}

	public Long getId() {
		return id;
	}

	public Long getAccountId() {
		return accountId;
	}

	public Role getRole() {
		return role;
	}

	/** The Questura of a staff role, else null. */
	public String getTenantSlug() {
		return tenantSlug;
	}

	public Long getAssociationId() {
		return associationId;
	}
}
