package ru.eschool.school.web;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

import ru.eschool.shared.web.I18n;
import ru.eschool.shared.web.PdfFonts;

/**
 * The invitation letters as a PDF, one page per person, in the user's language, in DejaVu Sans
 * ({@link PdfFonts}).
 */
final class LetterPdf {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private LetterPdf() {
	}

	static void write(List<InvitationLetter> letters, String registerUrl, OutputStream out) {
		Font small = new Font(font(false), 10);
		Font text = new Font(font(false), 12);
		Font heading = new Font(font(true), 18);
		Font name = new Font(font(true), 15);
		Font code = new Font(font(true), 30);
		Document doc = new Document(PageSize.A4, 60, 60, 60, 60);
		PdfWriter.getInstance(doc, out);
		doc.open();
		boolean first = true;
		for (InvitationLetter l : letters) {
			if (!first) {
				doc.newPage();
			}
			first = false;
			doc.add(new Paragraph(l.school(), small));
			Paragraph title = new Paragraph(I18n.t("people.letter.title"), heading);
			title.setSpacingBefore(12);
			title.setSpacingAfter(12);
			doc.add(title);
			doc.add(new Paragraph(l.person(), name));
			doc.add(new Paragraph(l.role() + " · " + l.about(), text));
			Paragraph codeLabel = new Paragraph(I18n.t("people.letter.code"), text);
			codeLabel.setSpacingBefore(18);
			doc.add(codeLabel);
			Paragraph codeLine = new Paragraph(l.code(), code);
			codeLine.setAlignment(Element.ALIGN_CENTER);
			codeLine.setSpacingBefore(8);
			codeLine.setSpacingAfter(8);
			doc.add(codeLine);
			doc.add(new Paragraph(I18n.t("people.letter.expires", DATE.format(l.expiresOn())), text));
			Paragraph steps = new Paragraph(I18n.t("people.letter.steps"), name);
			steps.setSpacingBefore(18);
			doc.add(steps);
			doc.add(new Paragraph("1. " + I18n.t("people.letter.step1", registerUrl), text));
			doc.add(new Paragraph("2. " + I18n.t("people.letter.step2"), text));
			doc.add(new Paragraph("3. " + I18n.t("people.letter.step3"), text));
			doc.add(new Paragraph("4. " + I18n.t("people.letter.step4"), text));
			Paragraph note = new Paragraph(I18n.t("people.letter.haveAccount"), small);
			note.setSpacingBefore(12);
			doc.add(note);
			doc.add(new Paragraph(I18n.t("people.letter.keep"), small));
		}
		if (letters.isEmpty()) {
			doc.add(new Paragraph(I18n.t("people.letters.none"), text));
		}
		doc.close();
	}

	private static BaseFont font(boolean isBold) {
		return isBold ? PdfFonts.bold() : PdfFonts.regular();
	}
}
