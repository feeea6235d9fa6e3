package it.sportello.web.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.web.SignIn;
import it.sportello.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A browser keeps the stylesheets, scripts and fonts a year without asking again, because the pages link to them under
 * URLs that carry the hash of their content; the pages of signed-in people are never stored.
 */
@WebTest
class AssetCachingTest {

	private static final Set<String> A_YEAR = Set.of("public", "max-age=31536000", "immutable");

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"");

	private static final Pattern FONT = Pattern.compile("url\\(\"(/webjars/[^\"]+\\.woff2)\"\\)");

	private static final Pattern HASHED = Pattern.compile(".+-[0-9a-f]{32}\\.[a-z0-9]+");

	@Autowired
	MockMvc mvc;

	@Test
	void theOfficePageLinksItsAssetsUnderHashedUrlsKeptAYear() throws Exception {
		List<String> assets = linked(ASSET, mvc.perform(get("/q/genova")).andReturn().getResponse().getContentAsString());

		assertThat(assets).hasSize(3).allMatch(url -> HASHED.matcher(url).matches(), "carries a content hash")
			.anyMatch(url -> url.startsWith("/webjars/bootstrap-italia/2.17.0/dist/css/bootstrap-italia.min-"));
		for (String url : assets) {
			assertThat(cacheControl(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()))
				.as(url).isEqualTo(A_YEAR);
		}
	}

	@Test
	void thePagesLoadNoWebFont() throws Exception {
		String page = mvc.perform(get("/q/genova")).andReturn().getResponse().getContentAsString();

		for (String stylesheet : linked(ASSET, page).stream().filter(url -> url.contains(".css")).toList()) {
			// the system's sans-serif: no font file to fetch on a phone (see sportello.css)
			assertThat(linked(FONT, mvc.perform(get(stylesheet)).andReturn().getResponse().getContentAsString()))
				.as(stylesheet).isEmpty();
		}
	}

	@Test
	void anUnhashedUrlStillAnswersButIsCheckedAgainEachTime() throws Exception {
		MockHttpServletResponse plain = mvc.perform(get("/css/sportello.css")).andExpect(status().isOk()).andReturn().getResponse();

		assertThat(plain.getContentAsString()).contains(".language-switch");
		assertThat(plain.getHeader("Cache-Control")).isEqualTo("no-cache");
		mvc.perform(get("/webjars/bootstrap-italia/dist/css/bootstrap-italia.min.css"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-cache"));
		// a hash that is not the content's (an old build's, or made up) is never promised for a year
		mvc.perform(get("/css/sportello-0123456789abcdef0123456789abcdef.css")).andExpect(status().isNotFound());
	}

	@Test
	void theCitizensOwnPagesAreNeverStored() throws Exception {
		MockHttpSession citizen = SignIn.demo(mvc, "cittadino@demo.sportello.it");

		MockHttpServletResponse me = mvc.perform(get("/me").session(citizen)).andExpect(status().isOk()).andReturn().getResponse();

		assertThat(me.getHeader("Cache-Control")).contains("no-store");
		String stylesheet = linked(ASSET, me.getContentAsString()).get(0);
		assertThat(cacheControl(mvc.perform(get(stylesheet).session(citizen)).andReturn().getResponse())).isEqualTo(A_YEAR);
	}

	private static List<String> linked(Pattern link, String text) {
		List<String> urls = new ArrayList<>();
		Matcher found = link.matcher(text);
		while (found.find()) {
			urls.add(found.group(1));
		}
		return urls;
	}

	private static Set<String> cacheControl(MockHttpServletResponse response) {
		String value = response.getHeader("Cache-Control");
		return value == null ? Set.of() : Set.of(value.split(",\\s*"));
	}
}
