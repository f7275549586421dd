package ru.eschool.identity.web;

import java.time.Instant;

/** A linked identity as the profile lists it. */
public record LinkRow(long id, String provider, Instant linkedAt, boolean canUnlink) {
}
