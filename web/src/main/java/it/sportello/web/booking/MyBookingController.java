package it.sportello.web.booking;

import it.sportello.web.qr.QrCode;

import it.sportello.web.receipt.AppointmentTexts;

import it.sportello.web.receipt.ReceiptPdf;

import it.sportello.web.receipt.CalendarEntry;

import it.sportello.web.calendar.SlotCalendar;

import it.sportello.core.account.AccountBookings;

import java.util.Locale;

import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's booking: its receipt (page, PDF, QR code, calendar entry), moving it, cancelling it, and
 * the office's messages. The booking is the account's own, found from its claim; there is none to name in the URL.
 */
@Controller
@RequestMapping("/me/booking")
class MyBookingController {

	private final AccountBookings myBookings;

	private final SlotCalendar calendar;

	private final BookingService bookings;

	private final AppointmentTexts texts;

	private final ReceiptPdf pdf;

	private final it.sportello.core.tenancy.Tenants tenants;

	private final it.sportello.core.booking.WaitingList waitingList;

	private final it.sportello.core.booking.ConfirmOrRelease confirmations;

	MyBookingController(AccountBookings myBookings, SlotCalendar calendar, BookingService bookings, AppointmentTexts texts, ReceiptPdf pdf, it.sportello.core.tenancy.Tenants tenants,
			it.sportello.core.booking.WaitingList waitingList, it.sportello.core.booking.ConfirmOrRelease confirmations) {
		this.confirmations = confirmations;
		this.tenants = tenants;
		this.waitingList = waitingList;
		this.myBookings = myBookings;
		this.calendar = calendar;
		this.bookings = bookings;
		this.texts = texts;
		this.pdf = pdf;
	}

	@GetMapping("/receipt")
	String receipt(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		model.addAttribute("mine", mine(user));
		return "booking/receipt";
	}

	@GetMapping("/receipt.pdf")
	ResponseEntity<byte[]> receiptPdf(@AuthenticationPrincipal SportelloPrincipal user, Locale locale) {
		Appointment mine = mine(user);
		return file(pdf.render(mine, locale), MediaType.APPLICATION_PDF_VALUE,
				"sportello-" + mine.booking().reference().value() + ".pdf", true);
	}

	@GetMapping("/qr.png")
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal SportelloPrincipal user) {
		return file(QrCode.png(mine(user).booking().reference().value()), MediaType.IMAGE_PNG_VALUE, "qr.png", false);
	}

	@GetMapping("/appointment.ics")
	ResponseEntity<byte[]> calendarEntry(@AuthenticationPrincipal SportelloPrincipal user, Locale locale) {
		Appointment mine = mine(user);
		return file(texts.calendarEntry(mine, locale), CalendarEntry.CONTENT_TYPE,
				"sportello-" + mine.booking().reference().value() + ".ics", true);
	}

	@GetMapping("/move")
	String movePage(@AuthenticationPrincipal SportelloPrincipal user, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day, Model model) {
		return movePage(mine(user), month, day, model);
	}

	@PostMapping("/move")
	String move(@AuthenticationPrincipal SportelloPrincipal user, @RequestParam(required = false) Long slotId,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Appointment mine = mine(user);
		if (slotId == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", "journey.slot.required");
			return movePage(mine, month, day, model);
		}
		try {
			myBookings.inQuestura(mine, () -> {
				bookings.move(mine.booking().reference(), slotId, Channel.CITIZEN, user.actor(),
						null);
				return null;
			});
		}
		catch (BookingRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problem", refused.getCode());
			return movePage(mine, month, day, model);
		}
		redirect.addFlashAttribute("done", "me.booking.moved");
		return "redirect:/me";
	}

	@GetMapping("/cancel")
	String cancelPage(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		model.addAttribute("mine", mine(user));
		return "booking/cancel";
	}

	@PostMapping("/cancel")
	String cancel(@AuthenticationPrincipal SportelloPrincipal user, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Appointment mine = mine(user);
		try {
			myBookings.inQuestura(mine, () -> {
				bookings.cancel(mine.booking().reference(), Channel.CITIZEN, user.actor(), null);
				return null;
			});
		}
		catch (BookingRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("mine", mine);
			model.addAttribute("problem", refused.getCode());
			return "booking/cancel";
		}
		redirect.addFlashAttribute("done", "me.booking.cancelled");
		return "redirect:/me";
	}

	@GetMapping("/confirm")
	String confirmPage(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		model.addAttribute("mine", mine(user));
		return "booking/confirm-booking";
	}

	@PostMapping("/confirm")
	String confirm(@AuthenticationPrincipal SportelloPrincipal user, RedirectAttributes redirect) {
		Appointment mine = mine(user);
		try {
			myBookings.inQuestura(mine, () -> {
				confirmations.confirm(mine.booking().reference(), user.actor());
				return null;
			});
			redirect.addFlashAttribute("done", "me.confirm.done");
		}
		catch (BookingRefused refused) {
			redirect.addFlashAttribute("offerProblem", refused.getCode());
		}
		return "redirect:/me";
	}

	@PostMapping("/offers/{slug}/{offerId}/accept")
	String accept(@PathVariable String slug, @PathVariable long offerId, @AuthenticationPrincipal SportelloPrincipal user,
			RedirectAttributes redirect) {
		it.sportello.core.tenancy.Tenant tenant = tenants.findActive(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			it.sportello.core.tenancy.TenantContext.callAs(tenant.asCurrent(),
					() -> waitingList.accept(offerId, user.getAccountId()));
			redirect.addFlashAttribute("done", "me.offer.accepted");
		}
		catch (BookingRefused refused) {
			redirect.addFlashAttribute("done", null);
			redirect.addFlashAttribute("offerProblem", refused.getReason() == BookingRefused.Reason.UNKNOWN_BOOKING
					? "me.offer.gone" : refused.getCode());
		}
		return "redirect:/me";
	}

	private String movePage(Appointment mine, String month, String day, Model model) {
		model.addAttribute("mine", mine);
		model.addAttribute("calendar", myBookings.inQuestura(mine,
				() -> calendar.show(mine.booking().practiceId(), month, day, LocaleContextHolder.getLocale())));
		model.addAttribute("base", "/me/booking/move");
		return "booking/move";
	}

	/** The account's active booking; a person without one finds nothing here. */
	private Appointment mine(SportelloPrincipal user) {
		return myBookings.current(user.getAccountId())
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
