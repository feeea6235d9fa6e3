package it.sportello.web.booking;

import java.util.Locale;

import it.sportello.core.account.AccountBookings;
import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.web.receipt.ReceiptFiles;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The receipt of the signed-in person's booking: its page, the PDF, the QR code and the calendar entry. The booking is
 * the account's own, found from its claim; there is none to name in the URL.
 */
@Controller
@RequestMapping("/me/booking")
class MyReceiptController {

	private final AccountBookings myBookings;

	private final ReceiptFiles files;

	MyReceiptController(AccountBookings myBookings, ReceiptFiles files) {
		this.myBookings = myBookings;
		this.files = files;
	}

	@GetMapping("/receipt")
	String receipt(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		model.addAttribute("mine", mine(myBookings, user));
		return "booking/receipt";
	}

	@GetMapping("/receipt.pdf")
	ResponseEntity<byte[]> receiptPdf(@AuthenticationPrincipal SportelloPrincipal user, Locale locale) {
		return files.pdf(mine(myBookings, user), locale);
	}

	@GetMapping("/qr.png")
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal SportelloPrincipal user) {
		return files.qrCode(mine(myBookings, user));
	}

	@GetMapping("/appointment.ics")
	ResponseEntity<byte[]> calendarEntry(@AuthenticationPrincipal SportelloPrincipal user, Locale locale) {
		return files.calendarEntry(mine(myBookings, user), locale);
	}

	/** The account's active booking; a person without one finds nothing here. */
	static Appointment mine(AccountBookings myBookings, SportelloPrincipal user) {
		return myBookings.current(user.getAccountId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
