package it.sportello.core.tenancy;

import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A few connections beside the application's pool, to the same database with the same settings, for work that must
 * not take (or hold) the requests' connections: the change listener, the rate limits' buckets. Empty when the
 * application's data source is not a Hikari pool with a URL; then that work uses the application's pool.
 */
public final class SidePools {

	private SidePools() {
	}

	/** A pool of {@code size} connections named {@code name}, each starting with {@code initSql} (or none). */
	public static Optional<HikariDataSource> beside(DataSource dataSource, String name, int size, String initSql) {
		if (!(dataSource instanceof HikariDataSource pool) || pool.getJdbcUrl() == null) {
			return Optional.empty();
		}
		HikariDataSource side = new HikariDataSource();
		side.setPoolName(name);
		side.setJdbcUrl(pool.getJdbcUrl());
		side.setUsername(pool.getUsername());
		side.setPassword(pool.getPassword());
		side.setDataSourceProperties(pool.getDataSourceProperties());
		side.setConnectionTimeout(pool.getConnectionTimeout());
		side.setMaximumPoolSize(size);
		side.setMinimumIdle(1);
		side.setConnectionInitSql(initSql);
		return Optional.of(side);
	}
}
