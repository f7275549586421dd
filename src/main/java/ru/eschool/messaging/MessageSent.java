package ru.eschool.messaging;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A message was stored in a conversation. {@code recipientAccountIds} are the accounts that
 * should hear of it (every participant but the sender); {@code institutionId} is the school the
 * conversation belongs to (null only in events stored before it was added).
 */
public record MessageSent(long messageId, long conversationId, long senderAccountId, String senderName,
		List<Long> recipientAccountIds, String preview, @Nullable Long institutionId) {
}
