package ru.eschool.messaging;

/**
 * A recipient opened an announcement for the first time. Published synchronously inside the
 * reading transaction, like {@link ConversationRead}.
 */
public record AnnouncementRead(long accountId, long announcementId) {
}
