// Web push for the notification settings page: registers the service worker, subscribes with the
// server's VAPID key and sends the subscription to /notifications/push (CSRF header from hx-headers).
(function () {
  var b = document.getElementById('push-on'), out = document.getElementById('push-status');
  if (!b) return;
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) { b.disabled = true; return; }
  function bytes(s) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    var raw = atob(s), a = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) a[i] = raw.charCodeAt(i);
    return a;
  }
  b.addEventListener('click', function () {
    navigator.serviceWorker.register('/js/sw.js').then(function (reg) {
      return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(b.dataset.pushKey) });
    }).then(function (sub) {
      var h = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
      h['Content-Type'] = 'application/json';
      return fetch('/notifications/push', { method: 'POST', headers: h, body: JSON.stringify(sub.toJSON()), credentials: 'same-origin' });
    }).then(function (r) { out.textContent = r.ok ? b.dataset.pushDone : b.dataset.pushFailed; })
      .catch(function () { out.textContent = b.dataset.pushFailed; });
  });
})();
