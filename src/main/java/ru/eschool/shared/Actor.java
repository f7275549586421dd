package ru.eschool.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The person behind the current request, in the role they have chosen. Every query for people's
 * data takes an actor and is scoped by it: institution and relation.
 */
public record Actor(long accountId, String login, String displayName, RoleGrant active, List<RoleGrant> grants) {

	public Role role() {
		return active.role();
	}

	public boolean is(Role role) {
		return active.role() == role;
	}

	/** The institution the active role belongs to; fails for a regional admin. */
	public long institutionId() {
		Long id = active.institutionId();
		if (id == null) {
			throw new Forbidden();
		}
		return id;
	}

	public @Nullable Long institutionIdOrNull() {
		return active.institutionId();
	}

	/** The person record (student, guardian or staff) the active role acts as. */
	public long personId() {
		Long id = active.personId();
		if (id == null) {
			throw new Forbidden();
		}
		return id;
	}

	/** Refuses with 403 unless the active role is one of the given. */
	public Actor require(Role... roles) {
		for (Role r : roles) {
			if (active.role() == r) {
				return this;
			}
		}
		throw new Forbidden();
	}
}
