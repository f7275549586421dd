package ru.eschool.shared;

import org.jspecify.annotations.Nullable;

/**
 * One role an account holds, with the institution and the person record it acts as: a guardian
 * acts as a guardian record of one school, a teacher as a staff record. A regional admin has
 * neither.
 */
public record RoleGrant(long id, Role role, @Nullable Long institutionId, @Nullable Long personId,
		String institutionName) implements java.io.Serializable {
}
