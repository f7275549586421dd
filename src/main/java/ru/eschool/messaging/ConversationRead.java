package ru.eschool.messaging;

/**
 * A person opened a conversation and its unread messages became read. Published synchronously
 * inside the reading transaction, so that the notification module can mark that conversation's
 * notifications read on the same page view.
 */
public record ConversationRead(long accountId, long conversationId) {
}
