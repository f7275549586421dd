/**
 * Telling people what happened: the in-app notification centre, each person's preferences
 * (events, channels, quiet hours, daily digest), and delivery over e-mail (SMTP), SMS (SMPP 3.4)
 * and web push (VAPID), with retries, per-recipient order and dead letters. Listens to the
 * gradebook's, homework's, timetable's and messaging's events; publishes none.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.notification;
