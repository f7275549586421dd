package ru.eschool.identity.web;

import java.time.Instant;

/** An active session as the profile lists it (its id is never shown). */
public record SessionRow(Instant created, Instant lastAccess, boolean current) {
}
