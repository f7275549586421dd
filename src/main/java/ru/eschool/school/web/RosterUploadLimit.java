package ru.eschool.school.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the servlet's multipart limit fails before any controller runs; for the roster
 * import it goes back to the upload page with a message instead of an error page. Elsewhere the
 * exception goes on to the default handling (413).
 */
@ControllerAdvice
class RosterUploadLimit {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooBig(MaxUploadSizeExceededException e, HttpServletRequest request) {
		if (request.getRequestURI().startsWith("/admin/import")) {
			return "redirect:/admin/import?tooBig=1";
		}
		throw e;
	}
}
