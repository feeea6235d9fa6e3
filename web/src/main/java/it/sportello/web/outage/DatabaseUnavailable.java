package it.sportello.web.outage;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import it.sportello.web.i18n.Languages;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A request that fails because the database cannot be reached is our fault but not a bug: it is answered 503 with
 * {@code Retry-After}, a page in the person's language or, on the API, a problem (RFC 9457). The pool gives up on a
 * connection within seconds (see the datasource's timeouts) and heals by itself when the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailable extends OncePerRequestFilter {

	/** Seconds a client is asked to wait: a restart of PostgreSQL takes a few. */
	static final String RETRY_AFTER = "10";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final DataSource database;

	private final Languages languages;

	DatabaseUnavailable(MessageSource messages, LocaleResolver localeResolver, DataSource database, Languages languages) {
		this.messages = messages;
		this.locales = localeResolver;
		this.database = database;
		this.languages = languages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException failure) {
			if (response.isCommitted() || !(unreachable(failure) || (fromTheDatabase(failure) && !answers()))) {
				throw failure;
			}
			log.warn("The database cannot be reached: {} {} answered 503 ({})", request.getMethod(),
					request.getRequestURI(), rootMessage(failure));
			response.resetBuffer();
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				problem(request, response);
			}
			else {
				request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, null);
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			}
		}
	}

	private void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = language(request);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"code\":\"UNAVAILABLE\","
					+ "\"detail\":\"" + json(messages.getMessage("error.unavailable.text", null, locale)) + "\"}");
	}

	/** The caller's language: ?lang= on the API as on the pages, else the locale resolver's answer. */
	private Locale language(HttpServletRequest request) {
		String lang = request.getParameter("lang");
		return languages.isSupported(lang) ? Locale.forLanguageTag(lang) : locales.resolveLocale(request);
	}

	/** Whether something in the chain of causes says the database could not be reached. */
	static boolean unreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			// a rollback that failed on a dead connection hides the failure that caused it
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& unreachable(rollback.getApplicationException())) {
				return true;
			}
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			// SQL state class 08: connection exception; 57P01-57P03: the server shut down or is starting
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a failure came from talking to the database. A crash can surface in ways no state names (a rollback on a
	 * connection the pool already closed): those are asked whether the database answers now.
	 */
	static boolean fromTheDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException || cause instanceof DataAccessException
					|| cause instanceof TransactionException) {
				return true;
			}
		}
		return false;
	}

	private boolean answers() {
		try (Connection connection = database.getConnection()) {
			return connection.isValid(1);
		}
		catch (SQLException | RuntimeException unreachable) {
			return false;
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}
