package it.sportello.web.receipt;

import java.util.Locale;

import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.web.qr.QrCode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The files of a booking's receipt as answers to a request: the PDF and the calendar entry to download, the QR code
 * to show on the receipt's page.
 */
@Component
public class ReceiptFiles {

	private final ReceiptPdf pdf;

	private final AppointmentTexts texts;

	ReceiptFiles(ReceiptPdf pdf, AppointmentTexts texts) {
		this.pdf = pdf;
		this.texts = texts;
	}

	/** The receipt as a PDF for a reader of the language. */
	public ResponseEntity<byte[]> pdf(Appointment booking, Locale reader) {
		return file(pdf.render(booking, reader), MediaType.APPLICATION_PDF_VALUE,
				"sportello-" + booking.booking().reference().value() + ".pdf", true);
	}

	/** The QR code of the reference, as the counter's scanner reads it. */
	public ResponseEntity<byte[]> qrCode(Appointment booking) {
		return file(QrCode.png(booking.booking().reference().value()), MediaType.IMAGE_PNG_VALUE, "qr.png", false);
	}

	/** The calendar entry in the language. */
	public ResponseEntity<byte[]> calendarEntry(Appointment booking, Locale locale) {
		return file(texts.calendarEntry(booking, locale), CalendarEntry.CONTENT_TYPE,
				"sportello-" + booking.booking().reference().value() + ".ics", true);
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
