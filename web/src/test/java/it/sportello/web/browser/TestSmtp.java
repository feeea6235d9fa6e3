package it.sportello.web.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One GreenMail SMTP server for the test JVM, on a port chosen at start, which the application context of the
 * browser tests sends its mail to. A test may stop it (an outage) and start it again on the same port.
 */
final class TestSmtp {

	private static final int PORT = freePort();

	private static GreenMail server = started();

	private TestSmtp() {
	}

	static int port() {
		return PORT;
	}

	static synchronized void stop() {
		server.stop();
	}

	static synchronized void start() {
		server = started();
	}

	/** The mails received so far for the address. */
	static synchronized List<MimeMessage> to(String address) {
		return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail started() {
		GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
