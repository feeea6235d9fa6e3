package it.sportello.core.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The national catalogue every new Questura starts from: the practice list of the 2019 notice with its texts in
 * Italian, English, French and Arabic, and the two service lines it needs.
 */
public record NationalTemplate(List<ServiceLineSpec> serviceLines, List<PracticeSpec> practices) {

	private static final String RESOURCE = "/catalogue/national-template.yml";

	/** Reads the template shipped with the application. */
	public static NationalTemplate load() {
		return CatalogueFiles.read(RESOURCE, NationalTemplate.class);
	}

	public Optional<ServiceLineSpec> serviceLine(String code) {
		return serviceLines.stream().filter(line -> line.code().equals(code)).findFirst();
	}

	/** Reads the YAML catalogue files (the template, the demo offices). */
	public static final class CatalogueFiles {

		private static final YAMLMapper MAPPER = YAMLMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();

		private CatalogueFiles() {
		}

		public static <T> T read(String resource, Class<T> type) {
			try (InputStream in = NationalTemplate.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("Missing catalogue file " + resource);
				}
				return MAPPER.readValue(in, type);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}
}
