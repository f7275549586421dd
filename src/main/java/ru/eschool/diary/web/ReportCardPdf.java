package ru.eschool.diary.web;

import java.io.OutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import ru.eschool.gradebook.MarkValue;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.shared.web.Formats;
import ru.eschool.shared.web.I18n;
import ru.eschool.shared.web.PdfFonts;

/**
 * The report card (табель) of a study period: school, class, student, and per subject the period
 * mark (or the proposal, said to be not yet confirmed), the annual and final marks once set, and the
 * lessons missed, in the user's language.
 */
final class ReportCardPdf {

	private ReportCardPdf() {
	}

	static void write(Progress progress, OutputStream out) {
		StudyPeriod period = progress.period();
		Font small = new Font(PdfFonts.regular(), 9);
		Font text = new Font(PdfFonts.regular(), 11);
		Font head = new Font(PdfFonts.bold(), 11);
		Font title = new Font(PdfFonts.bold(), 16);
		Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
		PdfWriter.getInstance(doc, out);
		doc.open();
		doc.add(new Paragraph(progress.student().institutionName(), text));
		Paragraph heading = new Paragraph(I18n.t("diary.report.title", I18n.t(period.scheme().periodKey(), period.number())),
				title);
		heading.setSpacingBefore(10);
		doc.add(heading);
		doc.add(new Paragraph(I18n.t("diary.report.dates", Formats.date(period.startsOn()), Formats.date(period.endsOn())),
				small));
		Paragraph who = new Paragraph(I18n.t("diary.report.student", progress.student().name().full(),
				progress.student().className()), text);
		who.setSpacingBefore(8);
		who.setSpacingAfter(12);
		doc.add(who);
		boolean anyYear = progress.subjects().stream().anyMatch(s -> s.annual() != null);
		boolean anyFinal = progress.subjects().stream().anyMatch(s -> s.fin() != null);
		java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of("diary.report.subject", "diary.report.mark"));
		java.util.List<Float> widths = new java.util.ArrayList<>(java.util.List.of(4f, 3f));
		if (anyYear) {
			keys.add("diary.report.annual");
			widths.add(2.5f);
		}
		if (anyFinal) {
			keys.add("diary.report.final");
			widths.add(2.5f);
		}
		keys.addAll(java.util.List.of("diary.report.absences", "diary.report.late"));
		widths.addAll(java.util.List.of(2.5f, 2.5f));
		float[] w = new float[widths.size()];
		for (int i = 0; i < w.length; i++) {
			w[i] = widths.get(i);
		}
		PdfPTable table = new PdfPTable(w);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String key : keys) {
			table.addCell(cell(I18n.t(key), head));
		}
		boolean anyProposal = false;
		for (SubjectLine s : progress.subjects()) {
			table.addCell(cell(s.name(), text));
			MarkValue proposed = s.record().proposed();
			if (s.periodMark() != null) {
				table.addCell(cell(s.periodMark().token(), head));
			}
			else if (proposed != null) {
				anyProposal = true;
				table.addCell(cell(I18n.t("diary.report.proposed", proposed.token()), text));
			}
			else {
				table.addCell(cell("—", text));
			}
			if (anyYear) {
				table.addCell(cell(s.annual() == null ? "—" : s.annual().token(), head));
			}
			if (anyFinal) {
				table.addCell(cell(s.fin() == null ? "—" : s.fin().token(), head));
			}
			table.addCell(cell(String.valueOf(s.record().absences()), text));
			table.addCell(cell(String.valueOf(s.record().late()), text));
		}
		doc.add(table);
		if (progress.subjects().isEmpty()) {
			doc.add(new Paragraph(I18n.t("diary.progress.none"), text));
		}
		if (anyProposal) {
			Paragraph note = new Paragraph(I18n.t("diary.report.proposedNote"), small);
			note.setSpacingBefore(8);
			doc.add(note);
		}
		doc.close();
	}

	private static PdfPCell cell(String s, Font font) {
		PdfPCell c = new PdfPCell(new Phrase(s, font));
		c.setPadding(4);
		return c;
	}
}
