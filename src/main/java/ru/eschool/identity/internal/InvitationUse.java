package ru.eschool.identity.internal;

/** Marks an invitation used; implemented next to {@link ru.eschool.identity.Invitations}. */
public interface InvitationUse {

	boolean markUsed(long invitationId, long accountId);
}
