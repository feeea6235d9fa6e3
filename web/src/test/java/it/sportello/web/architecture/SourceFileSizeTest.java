package it.sportello.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A main source file over {@value #MOST_LINES} lines has grown a second job (the office controller reached 499 lines
 * and five features): split it by what it does before it grows further.
 */
class SourceFileSizeTest {

	static final int MOST_LINES = 330;

	private static final List<String> MODULES = List.of("platform-core", "tenant-admin", "billing", "infra", "web");

	@Test
	void noMainSourceFileIsLongerThanTheLimit() throws IOException {
		Path root = Path.of("").toAbsolutePath().getParent();
		List<String> tooLong = new ArrayList<>();
		for (String module : MODULES) {
			Path sources = root.resolve(module).resolve("src/main/java");
			assertThat(sources).as("the sources of %s", module).isDirectory();
			try (Stream<Path> files = Files.walk(sources)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					long lines = Files.readAllLines(file).size();
					if (lines > MOST_LINES) {
						tooLong.add(root.relativize(file) + " (" + lines + " lines)");
					}
				}
			}
		}
		assertThat(tooLong).as("main source files over %d lines", MOST_LINES).isEmpty();
	}
}
