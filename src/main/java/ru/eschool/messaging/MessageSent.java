package ru.eschool.messaging;

import java.util.List;

/**
 * A message was stored in a conversation. {@code recipientAccountIds} are the accounts that
 * should hear of it (every participant but the sender).
 */
public record MessageSent(long messageId, long conversationId, long senderAccountId, String senderName,
		List<Long> recipientAccountIds, String preview) {
}
