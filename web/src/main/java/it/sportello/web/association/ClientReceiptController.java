package it.sportello.web.association;

import java.util.Locale;

import it.sportello.core.account.AccountBookings;
import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.core.association.Association;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.tenancy.Tenants;
import it.sportello.web.receipt.ReceiptFiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The receipt of a booking the association made, to hand to its client: the citizen's receipt page with the reference
 * and its QR code, the PDF and the calendar entry, both in the client's language. Only the association's own bookings.
 */
@Controller
@RequestMapping("/association/bookings/{slug}/{reference}")
class ClientReceiptController {

	private final Tenants tenants;

	private final AccountBookings appointments;

	private final ReceiptFiles files;

	ClientReceiptController(Tenants tenants, AccountBookings appointments, ReceiptFiles files) {
		this.tenants = tenants;
		this.appointments = appointments;
		this.files = files;
	}

	@GetMapping("/receipt")
	String receipt(Association association, @PathVariable String slug, @PathVariable String reference, Model model) {
		Appointment booking = own(association, slug, reference);
		model.addAttribute("mine", booking);
		model.addAttribute("receiptBase", base(booking));
		model.addAttribute("receiptBack", "/association/bookings");
		model.addAttribute("receiptBackLabel", "association.bookings");
		return "booking/receipt";
	}

	@GetMapping("/receipt.pdf")
	ResponseEntity<byte[]> receiptPdf(Association association, @PathVariable String slug,
			@PathVariable String reference) {
		Appointment booking = own(association, slug, reference);
		return files.pdf(booking, clientLanguage(booking));
	}

	@GetMapping("/qr.png")
	ResponseEntity<byte[]> qr(Association association, @PathVariable String slug, @PathVariable String reference) {
		Appointment booking = own(association, slug, reference);
		return files.qrCode(booking);
	}

	@GetMapping("/appointment.ics")
	ResponseEntity<byte[]> calendarEntry(Association association, @PathVariable String slug,
			@PathVariable String reference) {
		Appointment booking = own(association, slug, reference);
		return files.calendarEntry(booking, clientLanguage(booking));
	}

	/** The receipt's own address, which its QR code, PDF and calendar links extend. */
	static String base(Appointment booking) {
		return "/association/bookings/" + booking.questura().getSlug() + "/" + booking.booking().reference().value();
	}

	/** What the client takes away is in the language the association gave for them, as their e-mails are. */
	private static Locale clientLanguage(Appointment booking) {
		return Locale.forLanguageTag(booking.booking().language());
	}

	/** A booking the member's association made at that Questura; any other is not found. */
	private Appointment own(Association association, String slug, String reference) {
		return tenants.findActive(slug)
			.flatMap(tenant -> BookingReference.parse(reference).flatMap(ref -> appointments.appointment(tenant, ref)))
			.filter(a -> Long.valueOf(association.id()).equals(a.booking().associationId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
