package it.sportello.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/**
 * What only the real server does, seen as a phone's browser sees it: text compressed with gzip when the browser asks,
 * and a session cookie only where a form needs one.
 */
class OverTheWireTest extends RunningServerTest {

	private static final Pattern STYLESHEET = Pattern.compile("href=\"(/webjars/bootstrap-italia/[^\"]+\\.css)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theDesignSystemsStylesheetTravelsCompressed() throws Exception {
		Matcher link = STYLESHEET.matcher(new String(get("/q/genova", "identity").body()));
		assertThat(link.find()).isTrue();

		HttpResponse<byte[]> plain = get(link.group(1), "identity");
		HttpResponse<byte[]> zipped = get(link.group(1), "gzip");

		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
		// 610 KB as it is, about 90 KB on the wire
		assertThat(zipped.body().length).isLessThan(plain.body().length / 5);
		assertThat(zipped.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
	}

	@Test
	void theOfficePageTravelsCompressedAndGivesNoSessionCookie() throws Exception {
		HttpResponse<byte[]> office = get("/q/genova", "gzip");
		HttpResponse<byte[]> home = get("/", "gzip");

		assertThat(office.statusCode()).isEqualTo(200);
		assertThat(office.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(new String(gunzip(office.body()))).contains("bootstrap-italia");
		assertThat(office.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
		assertThat(home.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
		// the control: the login form keeps its CSRF token in a session, so its answer does set the cookie
		assertThat(get("/login", "gzip").headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("JSESSIONID"));
	}

	private HttpResponse<byte[]> get(String path, String encoding) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Encoding", encoding).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}
}
