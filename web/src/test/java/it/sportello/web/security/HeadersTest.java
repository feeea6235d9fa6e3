package it.sportello.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import it.sportello.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The headers every page carries: a Content-Security-Policy that allows only the application's own scripts and styles
 * (which the templates meet: no inline script, style or event handler), the referrer and permissions policies, and
 * redirects that never take their address from the request's Host header.
 */
@WebTest
class HeadersTest {

	private static final Pattern INLINE = Pattern.compile(
			"\\sstyle=|<style|<script(?![^>]*\\s(th:)?src=)|\\son[a-z]+=|th:style|javascript:", Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvc mvc;

	@Test
	void pagesAllowOnlyTheApplicationsOwnScriptsAndStyles() throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/q/genova")).andExpect(status().isOk()).andReturn().getResponse();

		String policy = page.getHeader("Content-Security-Policy");
		assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
				"frame-ancestors 'none'", "form-action 'self'")
			.doesNotContain("unsafe-inline", "unsafe-eval", "nonce-");
		assertThat(page.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(page.getHeader("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
		assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void noTemplateHasAnInlineScriptStyleOrHandler() throws Exception {
		List<String> inline = new ArrayList<>();
		for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
			String text = template.getContentAsString(StandardCharsets.UTF_8);
			String[] lines = text.split("\n");
			for (int i = 0; i < lines.length; i++) {
				if (INLINE.matcher(lines[i]).find()) {
					inline.add(template.getFilename() + ":" + (i + 1) + " " + lines[i].strip());
				}
			}
		}
		assertThat(inline).isEmpty();
	}

	@Test
	void redirectsAreRelativeWhateverTheHostHeaderSays() throws Exception {
		mvc.perform(get("/me").with(request -> {
			request.setServerName("evil.example");
			request.addHeader("Host", "evil.example");
			return request;
		})).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/login"));
		mvc.perform(get("/q/genova/admin").with(request -> {
			request.setServerName("evil.example");
			request.setServerPort(8443);
			request.setScheme("https");
			return request;
		})).andExpect(header().string("Location", "/login"));
	}
}
