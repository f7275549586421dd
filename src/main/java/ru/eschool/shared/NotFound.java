package ru.eschool.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Nothing here for this actor (HTTP 404). Also used when a record exists but lies outside the
 * actor's scope, so that ids of other schools' people cannot be probed.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	public NotFound() {
		super("not found", null, false, false);
	}
}
