package it.sportello.web.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.List;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.web.qr.QrCode;
import org.springframework.stereotype.Component;

/**
 * The receipt as a PDF: the reference and its QR code, the day and time, the site's address, the persons and the
 * documents to bring. Set in DejaVu Sans, embedded, which has the Latin and the Arabic scripts, so every person's name
 * prints as they wrote it (an Arabic name shaped and right to left). A receipt for an Arabic reader is written in
 * Italian, the counter's language (their page view and e-mails are in Arabic).
 */
@Component
public class ReceiptPdf {

	static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";

	static final String BOLD_FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

	private final AppointmentTexts texts;

	private final BaseFont regular;

	private final BaseFont bold;

	ReceiptPdf(AppointmentTexts texts) {
		this.texts = texts;
		this.regular = font(FONT);
		this.bold = font(BOLD_FONT);
	}

	/** The language the PDF is written in for a reader of the given one. */
	static Locale languageFor(Locale reader) {
		return "ar".equals(reader.getLanguage()) ? Locale.ITALIAN : reader;
	}

	public byte[] render(Appointment mine, Locale reader) {
		Locale locale = languageFor(reader);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 56, 56);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle(texts.message("receipt.title", locale) + " " + mine.booking().reference().value());
			document.open();
			Font title = new Font(bold, 18);
			Font heading = new Font(bold, 12);
			Font text = new Font(regular, 11);
			document.add(new Paragraph(mine.questura().getName(), title));
			document.add(new Paragraph(texts.message("receipt.title", locale), heading));
			Paragraph reference = new Paragraph(mine.booking().reference().value(), new Font(bold, 26));
			reference.setSpacingBefore(12);
			document.add(reference);
			Image qr = Image.getInstance(QrCode.png(mine.booking().reference().value()));
			qr.scaleAbsolute(150, 150);
			qr.setAlignment(Element.ALIGN_LEFT);
			document.add(qr);
			document.add(new Paragraph(texts.message("receipt.qr", locale), text));
			line(document, heading, text, texts.message("booking.when", locale), texts.when(mine, locale));
			line(document, heading, text, texts.message("booking.where", locale), texts.site(mine, locale));
			line(document, heading, text, texts.message("booking.practice", locale), texts.practice(mine, locale));
			Paragraph persons = new Paragraph(texts.message("booking.persons", locale), heading);
			persons.setSpacingBefore(8);
			document.add(persons);
			document.add(names(mine.booking().persons().stream().map(p -> p.fullName()).toList(), text));
			Paragraph bring = new Paragraph(texts.message("booking.documents", locale), heading);
			bring.setSpacingBefore(10);
			document.add(bring);
			List documents = new List(List.UNORDERED);
			texts.documents(mine, locale).forEach(d -> documents.add(new ListItem(d, text)));
			document.add(documents);
			Paragraph note = new Paragraph(texts.message("receipt.bringDocument", locale), text);
			note.setSpacingBefore(10);
			document.add(note);
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("The receipt could not be written", ex);
		}
		finally {
			if (document.isOpen()) {
				document.close();
			}
		}
		return out.toByteArray();
	}

	private static void line(Document document, Font heading, Font text, String label, String value) {
		Paragraph paragraph = new Paragraph(label, heading);
		paragraph.setSpacingBefore(8);
		document.add(paragraph);
		document.add(new Paragraph(value, text));
	}

	/** One name a line, each in its own direction: a right-to-left name is shaped and set from the right. */
	private static PdfPTable names(Collection<String> names, Font font) {
		PdfPTable table = new PdfPTable(1);
		table.setWidthPercentage(100);
		for (String name : names) {
			PdfPCell cell = new PdfPCell(new Phrase(name, font));
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setPadding(0);
			cell.setPaddingBottom(2);
			if (rightToLeft(name)) {
				cell.setRunDirection(PdfWriter.RUN_DIRECTION_RTL);
				cell.setHorizontalAlignment(Element.ALIGN_LEFT);
			}
			table.addCell(cell);
		}
		return table;
	}

	static boolean rightToLeft(String text) {
		return text.codePoints().map(Character::getDirectionality).anyMatch(d -> d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
				|| d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC);
	}

	private static BaseFont font(String path) {
		try (InputStream in = ReceiptPdf.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("The font " + path + " is missing from the class path");
			}
			return BaseFont.createFont(path.substring(path.lastIndexOf('/') + 1), BaseFont.IDENTITY_H, true, true,
					in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
