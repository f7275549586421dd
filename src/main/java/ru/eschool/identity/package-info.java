/**
 * Accounts, credentials, roles, invitation codes, sign-in and its security. The module's API
 * is {@link ru.eschool.identity.Invitations} (issue codes for people of a school) and
 * {@link ru.eschool.identity.AccountDirectory} (who has an account).
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.identity;
