package it.sportello.infra.bench.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The bytes a browser moves for a page, compressed as it asks ({@code Accept-Encoding: gzip}), headers included: the
 * first view (the HTML, every stylesheet, script, image and sprite it references, and the first source of each
 * {@code @font-face} of those stylesheets, an upper bound since a browser fetches only the faces it draws), and the
 * repeat view (what the first view's {@code Cache-Control}, {@code ETag} and {@code Last-Modified} make it fetch again).
 */
final class PageWeight {

	private static final Pattern LINK = Pattern.compile("<link\\b[^>]*>");

	private static final Pattern LINK_FETCHED = Pattern.compile("\\brel=\"[^\"]*\\b(?:stylesheet|icon|preload)\\b");

	private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"#]+)");

	private static final Pattern SOURCE = Pattern.compile("<(?:script|img)\\b[^>]*\\bsrc=\"([^\"]+)\"|<use\\b[^>]*\\bhref=\"([^\"#]+)");

	private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{([^}]*)}");

	private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

	private final HttpClient client;

	PageWeight(HttpClient client) {
		this.client = client;
	}

	/** A resource as first fetched: its size on the wire and the headers that decide a repeat view. */
	record Fetched(URI uri, long bytes, String cacheControl, String etag, String lastModified) {
	}

	/** The first view and the repeat view of a page, in bytes. */
	record Weight(long first, long repeat, int resources) {

		long firstKb() {
			return Math.round(first / 1024.0);
		}

		long repeatKb() {
			return Math.round(repeat / 1024.0);
		}
	}

	Weight of(String page) throws IOException, InterruptedException {
		List<Fetched> fetched = new ArrayList<>();
		HttpResponse<byte[]> html = get(URI.create(page), null, null);
		fetched.add(fetched(html));
		Set<URI> assets = new LinkedHashSet<>();
		String text = text(html);
		Matcher links = LINK.matcher(text);
		while (links.find()) {
			Matcher href = HREF.matcher(links.group());
			if (LINK_FETCHED.matcher(links.group()).find() && href.find()) {
				add(assets, html.uri(), href.group(1));
			}
		}
		Matcher sources = SOURCE.matcher(text);
		while (sources.find()) {
			add(assets, html.uri(), sources.group(1) != null ? sources.group(1) : sources.group(2));
		}
		Set<URI> fonts = new LinkedHashSet<>();
		for (URI asset : assets) {
			HttpResponse<byte[]> response = get(asset, null, null);
			fetched.add(fetched(response));
			if (asset.getPath().endsWith(".css") && response.statusCode() == 200) {
				Matcher face = FONT_FACE.matcher(text(response));
				while (face.find()) {
					Matcher url = URL.matcher(face.group(1));
					if (url.find() && !url.group(1).startsWith("data:")) {
						fonts.add(asset.resolve(url.group(1)));
					}
				}
			}
		}
		for (URI font : fonts) {
			fetched.add(fetched(get(font, null, null)));
		}
		long first = fetched.stream().mapToLong(Fetched::bytes).sum();
		long repeat = 0;
		for (Fetched resource : fetched) {
			repeat += again(resource);
		}
		for (Fetched resource : fetched) {
			System.out.printf(Locale.ROOT, "http: page_resource bytes=%d cache_control=\"%s\" etag=%s %s%n",
					resource.bytes(), resource.cacheControl(), resource.etag() != null, resource.uri().getPath());
		}
		return new Weight(first, repeat, fetched.size());
	}

	private static void add(Set<URI> assets, URI page, String reference) {
		if (!reference.startsWith("data:")) {
			assets.add(page.resolve(reference.replace("&amp;", "&")));
		}
	}

	/** What a browser moves for a resource on the repeat view. */
	private long again(Fetched resource) throws IOException, InterruptedException {
		String cache = resource.cacheControl().toLowerCase(Locale.ROOT);
		Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(cache);
		if (!cache.contains("no-store") && !cache.contains("no-cache") && maxAge.find()
				&& Long.parseLong(maxAge.group(1)) > 0) {
			return 0;
		}
		if (cache.contains("no-store")) {
			return wire(get(resource.uri(), null, null));
		}
		return wire(get(resource.uri(), resource.etag(), resource.lastModified()));
	}

	private HttpResponse<byte[]> get(URI uri, String etag, String lastModified)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Accept-Encoding", "gzip")
			.header("Accept", "text/html,application/xhtml+xml,*/*")
			.timeout(Duration.ofSeconds(30));
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		if (lastModified != null) {
			request.header("If-Modified-Since", lastModified);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Fetched fetched(HttpResponse<byte[]> response) {
		if (response.statusCode() != 200) {
			System.out.println("http: page resource " + response.uri() + " answered " + response.statusCode());
		}
		return new Fetched(response.uri(), wire(response),
				String.join(", ", response.headers().allValues("Cache-Control")),
				response.headers().firstValue("ETag").orElse(null),
				response.headers().firstValue("Last-Modified").orElse(null));
	}

	/** The status line, the headers and the body as they crossed the wire. */
	private static long wire(HttpResponse<byte[]> response) {
		long headers = "HTTP/1.1 200 \r\n\r\n".length();
		for (var header : response.headers().map().entrySet()) {
			for (String value : header.getValue()) {
				headers += header.getKey().length() + 2 + value.length() + 2;
			}
		}
		return headers + response.body().length;
	}

	private static String text(HttpResponse<byte[]> response) throws IOException {
		byte[] body = response.body();
		if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
			try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
				body = in.readAllBytes();
			}
		}
		return new String(body, StandardCharsets.UTF_8);
	}
}
