package it.sportello.web.ratelimit;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from: the connection's, unless the connection is from a trusted proxy, in which case
 * the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy (anything left of it could have
 * been written by the client).
 */
final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request, List<String> trustedProxies) {
		String remote = request.getRemoteAddr();
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || !trustedProxies.contains(remote)) {
			return remote;
		}
		List<String> hops = Arrays.stream(forwarded.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
		for (int i = hops.size() - 1; i >= 0; i--) {
			if (!trustedProxies.contains(hops.get(i))) {
				return hops.get(i);
			}
		}
		return remote;
	}
}
