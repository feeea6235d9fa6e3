package it.sportello.web.backoffice;

import it.sportello.core.booking.BookingView;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.calendar.SlotCalendar;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The page where staff choose a slot for a booking: to move it, or to convoke its persons to pick up. */
@Component
class SlotChoicePage {

	private final SlotCalendar calendar;

	private final OfficeProfiles profiles;

	SlotChoicePage(SlotCalendar calendar, OfficeProfiles profiles) {
		this.calendar = calendar;
		this.profiles = profiles;
	}

	/**
	 * The view of the action ({@code move} or {@code convoke}) for the booking, with the calendar of the practice's
	 * slots once a practice is known.
	 */
	String show(Tenant questura, BookingView booking, Long practiceId, String action, String month, String day,
			Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("booking", booking);
		model.addAttribute("zone", profiles.getRequired().getTimeZone());
		model.addAttribute("action", action);
		model.addAttribute("askReason", "move".equals(action));
		if (practiceId != null) {
			model.addAttribute("calendar", calendar.show(practiceId, month, day, LocaleContextHolder.getLocale()));
			model.addAttribute("base", "/q/" + questura.getSlug() + "/admin/bookings/" + booking.reference().value() + "/"
					+ action + ("convoke".equals(action) ? "?practice=" + practiceId : ""));
		}
		return "backoffice/" + action;
	}
}
