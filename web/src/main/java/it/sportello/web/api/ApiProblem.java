package it.sportello.web.api;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, answered as a problem (RFC 9457) with its {@code code} and a {@code message} in the
 * caller's language.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient MessageSourceResolvable text;

	/** A problem whose code names its message too. */
	public ApiProblem(HttpStatus status, String code) {
		this(status, code, new DefaultMessageSourceResolvable(new String[] { code }, code));
	}

	/** A problem with a message of its own: a message code with its arguments, or a text for callers who write code. */
	public ApiProblem(HttpStatus status, String code, MessageSourceResolvable text) {
		super(code, null, false, false);
		this.status = status;
		this.code = code;
		this.text = text;
	}

	HttpStatus status() {
		return status;
	}

	String code() {
		return code;
	}

	MessageSourceResolvable text() {
		return text;
	}
}
