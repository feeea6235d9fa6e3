package it.sportello.core.tenancy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which schemas are behind their changelog: each schema's {@code databasechangelog}, read for all schemas in one
 * query, against the changesets the changelog holds now (id, author, file and checksum, as Liquibase records them). A
 * schema that holds every one of them needs no Liquibase run at start, which costs a lock, a parse and several round
 * trips per schema. The checksum is part of the comparison, so a {@code runOnChange} function file that was edited
 * leaves its schema behind and the new text is applied.
 */
final class AppliedChangeSets {

	private final JdbcTemplate jdbc;

	private final ResourceLoader resourceLoader;

	AppliedChangeSets(JdbcTemplate jdbc, ResourceLoader resourceLoader) {
		this.jdbc = jdbc;
		this.resourceLoader = resourceLoader;
	}

	/** The schemas, among those given with the changelog each is built from, that lack a changeset or hold an old one. */
	Set<String> schemasBehind(Map<String, String> changeLogBySchema) {
		if (changeLogBySchema.isEmpty()) {
			return Set.of();
		}
		Map<String, Set<String>> applied = appliedIn(changeLogBySchema.keySet());
		Map<String, Set<String>> expected = new HashMap<>();
		Set<String> behind = new LinkedHashSet<>();
		changeLogBySchema.forEach((schema, changeLog) -> {
			Set<String> now = expected.computeIfAbsent(changeLog, this::changeSetsOf);
			if (!applied.getOrDefault(schema, Set.of()).containsAll(now)) {
				behind.add(schema);
			}
		});
		return behind;
	}

	private Map<String, Set<String>> appliedIn(Set<String> schemas) {
		String union = schemas.stream()
			.map(SchemaNames::requireKnownSchema)
			.map(schema -> "select '" + schema + "' as schema_name, id, author, filename, md5sum from " + schema
					+ ".databasechangelog")
			.collect(Collectors.joining(" union all "));
		Map<String, Set<String>> applied = new HashMap<>();
		try {
			jdbc.query(union, row -> {
				applied.computeIfAbsent(row.getString(1), schema -> new HashSet<>())
					.add(key(row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
			});
		}
		catch (DataAccessException ex) {
			// a schema without a change log table (a new database, an onboarding cut short): Liquibase decides for all
			return Map.of();
		}
		return applied;
	}

	private Set<String> changeSetsOf(String changeLog) {
		ResourceAccessor resources = new SpringResourceAccessor(resourceLoader);
		try {
			return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources), () -> {
				DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance()
					.getParser(changeLog, resources)
					.parse(changeLog, new ChangeLogParameters(), resources);
				Set<String> keys = new HashSet<>();
				for (ChangeSet changeSet : parsed.getChangeSets()) {
					keys.add(key(changeSet.getId(), changeSet.getAuthor(), changeSet.getStoredFilePath(),
							changeSet.generateCheckSum(ChecksumVersion.latest()).toString()));
				}
				return keys;
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the changelog " + changeLog, ex);
		}
	}

	private static String key(String id, String author, String file, String checksum) {
		return id + '\u0000' + author + '\u0000' + file + '\u0000' + checksum;
	}
}
