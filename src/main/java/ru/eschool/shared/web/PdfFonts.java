package ru.eschool.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;

/**
 * DejaVu Sans for the PDFs we print (letters, report cards): the PDF base fonts have no Cyrillic,
 * so the font is embedded (only the glyphs used). Loaded once from {@code fonts/}.
 */
public final class PdfFonts {

	private static volatile BaseFont regular;
	private static volatile BaseFont bold;

	private PdfFonts() {
	}

	public static BaseFont regular() {
		BaseFont f = regular;
		if (f == null) {
			f = load("fonts/DejaVuSans.ttf");
			regular = f;
		}
		return f;
	}

	public static BaseFont bold() {
		BaseFont f = bold;
		if (f == null) {
			f = load("fonts/DejaVuSans-Bold.ttf");
			bold = f;
		}
		return f;
	}

	private static BaseFont load(String file) {
		try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException(file + " missing");
			}
			return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
