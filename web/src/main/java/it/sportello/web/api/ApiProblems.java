package it.sportello.web.api;

import java.util.Locale;

import it.sportello.core.booking.BookingRefused;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API answers what it refuses as a problem (RFC 9457, {@code application/problem+json}) with a {@code code} and
 * a {@code message}: an {@link ApiProblem} with its own, a booking the rules refuse (slot full, quota reached, person
 * already booked, ...) as a 409 with the refusal's code, a 403 or 404 with the status's name and reason. Pages handle a
 * refusal themselves, because each shows it on its own form with what the person typed.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> refused(ApiProblem refused, Locale locale) {
		return problem(refused.status(), refused.code(), messages.getMessage(refused.text(), locale));
	}

	@ExceptionHandler(BookingRefused.class)
	ResponseEntity<ProblemDetail> bookingRefused(BookingRefused refused, Locale locale) {
		return problem(HttpStatus.CONFLICT, refused.getCode(),
				messages.getMessage(refused.getCode(), null, refused.getCode(), locale));
	}

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<ProblemDetail> status(ResponseStatusException failure) {
		HttpStatus status = HttpStatus.valueOf(failure.getStatusCode().value());
		return problem(status, status.name(), failure.getReason() != null ? failure.getReason() : status.getReasonPhrase());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String text) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text);
		problem.setProperty("code", code);
		problem.setProperty("message", text);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
