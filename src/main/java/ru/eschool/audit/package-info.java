/**
 * The log of security events and of access to personal data: who (account), when, from which
 * address, what happened and how it ended. Other modules write through
 * {@link ru.eschool.audit.AuditLog}; a person reads their own recent entries.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.audit;
