/**
 * Conversations between people who may talk, announcements to classes and schools, read
 * receipts. Publishes {@link ru.eschool.messaging.MessageSent} and
 * {@link ru.eschool.messaging.AnnouncementPublished} for the notification module.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.messaging;
