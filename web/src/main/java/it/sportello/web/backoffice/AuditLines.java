package it.sportello.web.backoffice;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog.RecordedEvent;
import it.sportello.web.i18n.DisplayFormats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words audit events for a reader ({@link AuditLine}): the action's label ({@code audit.action.*}), who did it by
 * name, and the particulars from the event's facts ({@code audit.detail.*}, days and times in the office's zone).
 * Events recorded before facts were kept are worded from their English detail where its form is known, else shown
 * as recorded. Called by the audit fragment, which the booking page and the audit page share.
 */
@Component("auditLines")
class AuditLines {

	/** What the booking function wrote before facts: "slot 2143 at 2026-11-30 07:30:00+00". */
	private static final Pattern OLD_BOOKED = Pattern.compile("slot (\\d+) at (.+)");

	/** What a move wrote before facts: "2026-11-30T07:30:00Z -> 2026-12-02T07:30:00Z: reason". */
	private static final Pattern OLD_MOVED = Pattern.compile("(\\S+) -> (\\S+?)(?:: (.*))?", Pattern.DOTALL);

	/** What a member of staff looked at, as {@code AuditLog.looked} callers name it. */
	private static final Pattern VIEWED = Pattern
		.compile("(booking page|audit search|reports export)(?: (\\S+)\\.\\.(\\S+))?");

	private static final Map<String, String> VIEWED_KEYS = Map.of("booking page", "audit.viewed.booking",
			"audit search", "audit.viewed.search", "reports export", "audit.viewed.export");

	private final MessageSource messages;

	private final DisplayFormats formats;

	private final ActorNames actors;

	AuditLines(MessageSource messages, DisplayFormats formats, ActorNames actors) {
		this.messages = messages;
		this.formats = formats;
		this.actors = actors;
	}

	/**
	 * The events worded for the reader, in the order given. Public because the audit fragment calls it, and SpEL calls
	 * only public methods.
	 */
	public List<AuditLine> of(List<RecordedEvent> events, ZoneId zone, Locale locale) {
		Map<String, String> names = actors.of(events.stream().map(e -> e.entry().actor()).toList(), locale);
		return events.stream().map(e -> line(e, names, zone, locale)).toList();
	}

	private AuditLine line(RecordedEvent event, Map<String, String> names, ZoneId zone, Locale locale) {
		AuditEntry entry = event.entry();
		String action = entry.action();
		Worded worded = entry.facts() != null
				? new Worded(detail(action, entry.facts().values().toArray(), zone, locale), entry.detail())
				: older(entry, zone, locale);
		return new AuditLine(formats.dateTime(event.occurredAt(), zone, locale), action,
				messages.getMessage("audit.action." + action, null, action, locale), entry.actor(),
				names.get(entry.actor()),
				entry.channel() == null ? null
						: messages.getMessage("backoffice.channel." + entry.channel(), null, entry.channel(), locale),
				entry.bookingReference(), worded.summary(), worded.note());
	}

	/** An event recorded before facts were kept, or a view (whose detail names what was read). */
	private Worded older(AuditEntry entry, ZoneId zone, Locale locale) {
		String detail = entry.detail();
		Recognised known = detail == null ? null : recognise(entry.action(), detail);
		return known == null ? new Worded(null, detail)
				: new Worded(worded(known.key(), known.facts(), zone, locale), known.note());
	}

	/** The message, facts and note an older detail stands for, if its form is known; null if not. */
	private static Recognised recognise(String action, String detail) {
		Matcher booked = OLD_BOOKED.matcher(detail);
		Matcher moved = OLD_MOVED.matcher(detail);
		Matcher viewed = VIEWED.matcher(detail);
		return switch (action) {
			case "BOOKED" -> booked.matches() && instant(booked.group(2)) != null
					? new Recognised("audit.detail.BOOKED", new Object[] { instant(booked.group(2)) }, null) : null;
			case "MOVED" -> moved.matches() ? new Recognised("audit.detail.MOVED",
					new Object[] { moved.group(1), moved.group(2) }, moved.group(3)) : null;
			case "CHECK_IN_REFUSED" -> new Recognised("audit.detail.CHECK_IN_REFUSED", new Object[0], null);
			case "VIEWED" -> viewed.matches() ? new Recognised(VIEWED_KEYS.get(viewed.group(1)),
					new Object[] { viewed.group(2), viewed.group(3) }, null) : null;
			default -> null;
		};
	}

	private String detail(String action, Object[] facts, ZoneId zone, Locale locale) {
		return worded("audit.detail." + action, facts, zone, locale);
	}

	/**
	 * The message with the facts as its arguments, days and instants formatted for the reader; null if the message
	 * does not exist. Always a MessageFormat pattern (apostrophes doubled), with or without arguments.
	 */
	private String worded(String key, Object[] facts, ZoneId zone, Locale locale) {
		String pattern = messages.getMessage(key, null, null, locale);
		if (pattern == null) {
			return null;
		}
		Object[] shown = new Object[facts.length];
		for (int i = 0; i < facts.length; i++) {
			shown[i] = shown(facts[i] == null ? null : facts[i].toString(), zone, locale);
		}
		return new MessageFormat(pattern, locale).format(shown);
	}

	private String shown(String fact, ZoneId zone, Locale locale) {
		if (fact == null) {
			return "";
		}
		try {
			return formats.dateTime(Instant.parse(fact), zone, locale);
		}
		catch (DateTimeParseException notAnInstant) {
			try {
				return formats.date(LocalDate.parse(fact), locale);
			}
			catch (DateTimeParseException notADay) {
				return fact;
			}
		}
	}

	/** A timestamptz as PostgreSQL writes it as text: "2026-11-30 07:30:00+00". */
	private static Instant instant(String postgres) {
		try {
			return OffsetDateTime.parse(postgres.strip().replace(' ', 'T').replaceAll("([+-]\\d\\d)$", "$1:00"))
				.toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private record Worded(String summary, String note) {
	}

	private record Recognised(String key, Object[] facts, String note) {
	}
}
