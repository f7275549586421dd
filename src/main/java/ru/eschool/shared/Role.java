package ru.eschool.shared;

/** What a person does in the system. One account may hold several roles. */
public enum Role {
	STUDENT, GUARDIAN, TEACHER, SCHOOL_ADMIN, REGION_ADMIN;

	/** The key of the role's name in the message bundles. */
	public String messageKey() {
		return "role." + name();
	}

	public boolean isStaff() {
		return this == TEACHER || this == SCHOOL_ADMIN;
	}
}
