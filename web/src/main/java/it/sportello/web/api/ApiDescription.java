package it.sportello.web.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: a title and version, the API-key scheme ({@code X-Api-Key}) on
 * every operation that needs a caller, and every path parameter declared (a Questura's {@code slug} among them), so
 * that generated clients and Swagger UI know what to send.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	static final String API_KEY = "apiKey";

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	/** The operations anyone may call without a key: the public catalogue and free places of a Questura. */
	private static final Pattern PUBLIC = Pattern.compile("/api/v1/q/\\{slug}/practices(/.*)?");

	@Bean
	OpenApiCustomizer sportelloApiDescription() {
		return api -> {
			api.info(new Info().title("Sportello API")
				.version("v1")
				.description("Practices and free places of a Questura (public); bookings of an association's clients and "
						+ "the ready-for-pick-up list (with an API key: X-Api-Key: sk_...). Refusals are answered 409 with "
						+ "a code and a message in the caller's language (Accept-Language or ?lang=it|en|fr|ar)."));
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents()
				.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name("X-Api-Key")
					.description("A key of one Questura or one association, shown once when it is created"));
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> {
				List<String> variables = variables(path);
				for (Operation operation : item.readOperations()) {
					declare(operation, variables);
					if (!PUBLIC.matcher(path).matches()) {
						operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY)));
					}
				}
			});
		};
	}

	private static List<String> variables(String path) {
		Matcher matcher = PATH_VARIABLE.matcher(path);
		return matcher.results().map(found -> found.group(1)).toList();
	}

	/** Adds the path parameters an operation does not declare itself (a variable its method does not bind). */
	private static void declare(Operation operation, List<String> variables) {
		for (String variable : variables) {
			boolean declared = operation.getParameters() != null && operation.getParameters()
				.stream()
				.anyMatch(p -> "path".equals(p.getIn()) && variable.equals(p.getName()));
			if (!declared) {
				operation.addParametersItem(new Parameter().in("path")
					.name(variable)
					.required(true)
					.schema(new StringSchema())
					.description("slug".equals(variable) ? "The Questura's short name, for example genova" : null));
			}
		}
	}
}
