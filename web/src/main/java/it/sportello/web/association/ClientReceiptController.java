package it.sportello.web.association;

import it.sportello.core.association.AssociationMemberships;

import java.util.Locale;

import it.sportello.core.association.Association;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.tenancy.Tenants;
import it.sportello.web.receipt.AppointmentTexts;
import it.sportello.core.account.AccountBookings;
import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.web.qr.QrCode;
import it.sportello.web.receipt.ReceiptPdf;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

	private final AssociationMemberships associationOf;

	private final Tenants tenants;

	private final AccountBookings appointments;

	private final ReceiptPdf pdf;

	private final AppointmentTexts texts;

	ClientReceiptController(AssociationMemberships associationOf, Tenants tenants, AccountBookings appointments, ReceiptPdf pdf,
			AppointmentTexts texts) {
		this.associationOf = associationOf;
		this.tenants = tenants;
		this.appointments = appointments;
		this.pdf = pdf;
		this.texts = texts;
	}

	@GetMapping("/receipt")
	String receipt(@PathVariable String slug, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		Appointment booking = own(slug, reference, user);
		model.addAttribute("mine", booking);
		model.addAttribute("receiptBase", base(booking));
		model.addAttribute("receiptBack", "/association/bookings");
		model.addAttribute("receiptBackLabel", "association.bookings");
		return "booking/receipt";
	}

	@GetMapping("/receipt.pdf")
	ResponseEntity<byte[]> receiptPdf(@PathVariable String slug, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal user) {
		Appointment booking = own(slug, reference, user);
		return file(pdf.render(booking, clientLanguage(booking)), MediaType.APPLICATION_PDF_VALUE,
				"sportello-" + booking.booking().reference().value() + ".pdf", true);
	}

	@GetMapping("/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable String slug, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal user) {
		Appointment booking = own(slug, reference, user);
		return file(QrCode.png(booking.booking().reference().value()), MediaType.IMAGE_PNG_VALUE, "qr.png", false);
	}

	@GetMapping("/appointment.ics")
	ResponseEntity<byte[]> calendarEntry(@PathVariable String slug, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal user) {
		Appointment booking = own(slug, reference, user);
		return file(texts.calendarEntry(booking, clientLanguage(booking)), "text/calendar; charset=UTF-8",
				"sportello-" + booking.booking().reference().value() + ".ics", true);
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
	private Appointment own(String slug, String reference, SportelloPrincipal user) {
		Association association = associationOf.accredited(user.getAccountId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		return tenants.findActive(slug)
			.flatMap(tenant -> BookingReference.parse(reference).flatMap(ref -> appointments.appointment(tenant, ref)))
			.filter(a -> Long.valueOf(association.id()).equals(a.booking().associationId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static ResponseEntity<byte[]> file(byte[] content, String type, String name, boolean download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(download ? ContentDisposition.attachment() : ContentDisposition.inline()).filename(name).build()
						.toString())
			.body(content);
	}
}
