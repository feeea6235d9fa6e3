package it.sportello.web.booking;

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

/**
 * A booking the rules refuse (slot full, quota reached, person already booked, ...) is a 409 problem (RFC 9457) on
 * the API, with the refusal's {@code code} and its {@code message} in the caller's language. Pages handle a refusal
 * themselves, because each shows it on its own form with what the person typed.
 */
@RestControllerAdvice(annotations = RestController.class)
class BookingRefusedProblem {

	private final MessageSource messages;

	BookingRefusedProblem(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BookingRefused.class)
	ResponseEntity<ProblemDetail> refused(BookingRefused refused, Locale locale) {
		String text = messages.getMessage(refused.getCode(), null, refused.getCode(), locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text);
		problem.setProperty("code", refused.getCode());
		problem.setProperty("message", text);
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
