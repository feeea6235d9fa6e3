package it.sportello.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The developers' map, docs/architecture.md, names every feature package of the code and no other: a package added,
 * renamed or removed without its row fails the build, so the map a newcomer reads is the tree as it stands.
 */
class ArchitectureMapTest {

	/** A row of the map's package tables: {@code | `core.booking` | ...}. */
	private static final Pattern ROW = Pattern.compile("^\\|\\s*`((?:core|admin|billing|infra|web)\\.[a-z0-9]+)`\\s*\\|",
			Pattern.MULTILINE);

	@Test
	void theMapNamesEveryFeaturePackageAndNoOther() throws IOException {
		Path map = Path.of("").toAbsolutePath().getParent().resolve("docs/architecture.md");
		Set<String> mapped = new TreeSet<>();
		Matcher row = ROW.matcher(Files.readString(map));
		while (row.find()) {
			mapped.add(row.group(1));
		}

		Set<String> inCode = new TreeSet<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.withImportOption(location -> !location.contains("-tests.jar"))
			.importPackages("it.sportello")) {
			String[] parts = type.getPackageName().split("\\.");
			if (parts.length >= 4) {
				inCode.add(parts[2] + "." + parts[3]);
			}
		}

		assertThat(mapped).as("the feature packages docs/architecture.md maps").isEqualTo(inCode);
	}
}
