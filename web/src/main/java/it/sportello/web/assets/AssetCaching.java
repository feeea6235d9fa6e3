package it.sportello.web.assets;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ContentVersionStrategy;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.UrlPathHelper;

/**
 * How long browsers keep the static assets: a year, never asking again, under the URL that carries the hash of the
 * current content (what the pages link to); the same file under its plain URL is checked again on every use, so an
 * old link never shows stale content.
 */
@Configuration(proxyBeanMethods = false)
class AssetCaching implements WebMvcConfigurer, HandlerInterceptor {

	static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** Revalidated with Last-Modified: a 304 costs a few bytes. */
	static final CacheControl UNVERSIONED = CacheControl.noCache();

	/** Reads the hash out of a file name the way the resource chain writes it ({@code sportello-<md5>.css}). */
	private static final ContentVersionStrategy HASHES = new ContentVersionStrategy();

	private final ObjectProvider<ResourceUrlProvider> urls;

	AssetCaching(ObjectProvider<ResourceUrlProvider> urls) {
		this.urls = urls;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	/**
	 * Runs before the resource handler, which leaves Cache-Control alone when {@code spring.web.resources.cache} is
	 * not set; Spring Security's no-store is not written over a Cache-Control already there.
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof ResourceHttpRequestHandler) {
			CacheControl cache = isCurrentVersion(UrlPathHelper.defaultInstance.getLookupPathForRequest(request))
					? VERSIONED : UNVERSIONED;
			response.setHeader(HttpHeaders.CACHE_CONTROL, cache.getHeaderValue());
		}
		return true;
	}

	/** The path names a hash, and it is the hash the pages link to today (an old or made-up one is not). */
	private boolean isCurrentVersion(String path) {
		String version = HASHES.extractVersion(path);
		if (version == null || version.isEmpty()) {
			return false;
		}
		ResourceUrlProvider provider = urls.getIfAvailable();
		return provider != null && path.equals(provider.getForLookupPath(HASHES.removeVersion(path, version)));
	}
}
