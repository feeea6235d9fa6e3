package it.sportello.core.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate a pooled connection whose schema is the tenant's, and puts it back on the platform schema before
 * it returns to the pool, so a connection never carries one Questura's schema into another's work.
 */
class SchemaPerTenantConnections implements MultiTenantConnectionProvider<String> {

	private final transient DataSource dataSource;

	SchemaPerTenantConnections(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Connection getAnyConnection() throws SQLException {
		return dataSource.getConnection();
	}

	@Override
	public void releaseAnyConnection(Connection connection) throws SQLException {
		connection.close();
	}

	@Override
	public Connection getConnection(String schema) throws SQLException {
		Connection connection = getAnyConnection();
		try {
			connection.setSchema(SchemaNames.requireKnownSchema(schema));
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	@Override
	public void releaseConnection(String schema, Connection connection) throws SQLException {
		try {
			connection.setSchema(SchemaNames.PLATFORM);
		}
		finally {
			connection.close();
		}
	}

	@Override
	public boolean supportsAggressiveRelease() {
		return false;
	}

	@Override
	public boolean isUnwrappableAs(Class<?> type) {
		return type.isInstance(this);
	}

	@Override
	public <T> T unwrap(Class<T> type) {
		return type.cast(this);
	}
}
