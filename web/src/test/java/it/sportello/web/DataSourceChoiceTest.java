package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.sportello.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** With spring.datasource.url set (here by the test support), the application uses it and starts no database. */
@WebTest
class DataSourceChoiceTest {

	@Autowired
	ApplicationContext context;

	@Test
	void aConfiguredDatasourceIsUsedAndNoEmbeddedServerStarts() {
		assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
		assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class)
			.extracting("jdbcUrl")
			.isEqualTo(TestDatabase.jdbcUrl());
	}
}
