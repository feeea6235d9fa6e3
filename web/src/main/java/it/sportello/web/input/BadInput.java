package it.sportello.web.input;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Input the database cannot take (a value longer than its column, a NUL or another character PostgreSQL refuses) is
 * the person's to correct, not our fault: a 422 with a message in their language, never a 500; on the API a problem.
 * An API body whose value is not one of a field's allowed values is a 400 that names them.
 */
@ControllerAdvice
class BadInput {

	private final MessageSource messages;

	BadInput(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ParameterCheck.Refused.class)
	Object parameterRefused(HttpServletRequest request, Locale locale) {
		return refusal(request, locale);
	}

	@ExceptionHandler(DataAccessException.class)
	Object dataTheDatabaseRefused(DataAccessException failure, HttpServletRequest request, Locale locale)
			throws DataAccessException {
		if (!isBadData(failure)) {
			throw failure;
		}
		return refusal(request, locale);
	}

	private Object refusal(HttpServletRequest request, Locale locale) {
		String text = messages.getMessage("error.input.text", null, locale);
		if (isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, text);
			problem.setProperty("code", "INVALID_INPUT");
			return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error/422");
		page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		return page;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException failure, Locale locale) {
		String text = messages.getMessage("error.input.body", null, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text);
		problem.setProperty("code", "UNREADABLE_BODY");
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
					&& invalid.getTargetType().isEnum()) {
				String field = invalid.getPath().isEmpty() ? "?" : invalid.getPath()
					.stream()
					.map(reference -> reference.getPropertyName() == null ? "[" + reference.getIndex() + "]"
							: reference.getPropertyName())
					.reduce((a, b) -> a + "." + b)
					.orElse("?");
				String allowed = String.join(", ", Arrays.stream(invalid.getTargetType().getEnumConstants())
					.map(String::valueOf)
					.toList());
				problem.setDetail(messages.getMessage("error.input.allowed", new Object[] { field, allowed }, locale));
				problem.setProperty("code", "NOT_ALLOWED_VALUE");
				problem.setProperty("field", field);
				problem.setProperty("allowed", allowed.split(", "));
				break;
			}
		}
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** SQL state class 22, "data exception": too long, a character the database refuses, a value out of range. */
	static boolean isBadData(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}
