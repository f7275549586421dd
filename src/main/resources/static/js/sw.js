// The service worker of web push: shows each notification and opens its page on a click.
self.addEventListener('push', function (e) {
  var d = {};
  try { d = e.data ? e.data.json() : {}; } catch (x) { d = {}; }
  e.waitUntil(self.registration.showNotification(d.title || '', { body: d.body || '', data: { url: d.url || '/notifications' } }));
});
self.addEventListener('notificationclick', function (e) {
  e.notification.close();
  e.waitUntil(self.clients.openWindow(e.notification.data.url));
});
