package ru.eschool.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The actor may not do this (HTTP 403). */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class Forbidden extends RuntimeException {

	public Forbidden() {
		super("forbidden", null, false, false);
	}
}
