package ru.eschool.school.web;

import java.time.LocalDate;

/** One invitation letter: everything printed on it (role and about are already localized). */
public record InvitationLetter(String school, String person, String role, String about, String code,
		LocalDate expiresOn) {

	public String expires() {
		return LetterPdf.DATE.format(expiresOn);
	}
}
