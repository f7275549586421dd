package ru.eschool.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The one way forms report errors: a map from field name to a message in the user's language,
 * rendered next to the field by the {@code tag/field.jte} template. Errors not tied to a field
 * are under the key {@code ""}.
 */
@Component
public final class FormErrors {

	private static volatile MessageSource messages;

	FormErrors(MessageSource messageSource) {
		messages = messageSource;
	}

	public static Map<String, String> of(BindingResult result) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ObjectError e : result.getAllErrors()) {
			String key = e instanceof FieldError f ? f.getField() : "";
			errors.putIfAbsent(key, messages.getMessage(e, LocaleContextHolder.getLocale()));
		}
		return errors;
	}
}
