package it.sportello.core.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Questura in the platform registry: its slug, name, schema and the database server that holds it. */
@Entity
@Table(schema = SchemaNames.PLATFORM, name = "tenant")
public class Tenant {

	/** The database key of the default server; a large tenant may later be moved to its own. */
	public static final String MAIN_DATABASE = "main";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	@Column(name = "schema_name")
	private String schema;

	private String databaseKey;

	@Enumerated(EnumType.STRING)
	private TenantStatus status;

	private Instant createdAt;

	protected Tenant() {
	}

	/** A new, active Questura whose schema has been created and migrated. */
	public static Tenant registered(String slug, String name, String schema, Instant createdAt) {
		return new Tenant(slug, name, schema, createdAt);
	}

	private Tenant(String slug, String name, String schema, Instant createdAt) {
		this.slug = slug;
		this.name = name;
		this.schema = SchemaNames.requireTenantSchema(schema);
		this.databaseKey = MAIN_DATABASE;
		this.status = TenantStatus.ACTIVE;
		this.createdAt = createdAt;
	}

	public void suspend() {
		this.status = TenantStatus.SUSPENDED;
	}

	public void reactivate() {
		this.status = TenantStatus.ACTIVE;
	}

	public boolean isActive() {
		return status == TenantStatus.ACTIVE;
	}

	public CurrentTenant asCurrent() {
		return new CurrentTenant(new TenantId(slug), schema);
	}

	public Long getId() {
		return id;
	}

	public TenantId getTenantId() {
		return new TenantId(slug);
	}

	public String getSlug() {
		return slug;
	}

	public String getName() {
		return name;
	}

	public String getSchema() {
		return schema;
	}

	public String getDatabaseKey() {
		return databaseKey;
	}

	public TenantStatus getStatus() {
		return status;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
