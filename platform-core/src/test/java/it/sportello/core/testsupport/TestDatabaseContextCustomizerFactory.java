package it.sportello.core.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points every Spring test context at the JVM's one embedded PostgreSQL, with the scheduled jobs off and free places
 * read fresh (a test that books and then looks at the calendar sees its booking at once; the availability cache has
 * its own test, on a second application).
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new DatabaseCustomizer();
	}

	private record DatabaseCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
				org.springframework.test.context.MergedContextConfiguration mergedConfig) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("sportello-test-database",
						Map.of("spring.datasource.url", TestDatabase.jdbcUrl(), "spring.datasource.username",
								"postgres", "spring.datasource.password", "postgres", "spring.datasource.hikari.maximum-pool-size",
								"20")));
			// first, over the application's own application.yml: a test runs the jobs it tests by calling them
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("sportello-test-scheduling", Map.of("sportello.scheduling.enabled", "false",
						"sportello.read-cache.availability", "0s")));
		}
	}

}
