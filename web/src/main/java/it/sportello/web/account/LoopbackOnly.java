package it.sportello.web.account;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The development pages ({@code /dev/**}) show what Sportello would have sent people, tokens included: they answer only
 * a browser on the machine itself. A request from any other address, or one that came through a proxy (which would
 * make a remote browser look local), is told the page does not exist.
 */
final class LoopbackOnly {

	private LoopbackOnly() {
	}

	static void require(HttpServletRequest request) {
		if (!fromThisMachine(request)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	static boolean fromThisMachine(HttpServletRequest request) {
		if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
			return false;
		}
		try {
			// a literal address, as the servlet container gives it: no name is looked up
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException notAnAddress) {
			return false;
		}
	}
}
