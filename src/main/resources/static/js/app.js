// Small behaviours that need no framework. No inline script anywhere: the CSP forbids it.
document.addEventListener('change', function (e) {
  var el = e.target;
  if (el.matches && el.matches('[data-autosubmit]')) { el.form.submit(); }
});
document.addEventListener('click', function (e) {
  var el = e.target.closest && e.target.closest('[data-print]');
  if (el) { e.preventDefault(); window.print(); }
  var c = e.target.closest && e.target.closest('[data-confirm]');
  if (c && !window.confirm(c.getAttribute('data-confirm'))) { e.preventDefault(); }
});
document.documentElement.classList.add('js');
// A file input with data-max-bytes refuses a larger file before it is sent over a slow link.
document.addEventListener('change', function (e) {
  var el = e.target;
  if (el.matches && el.matches('input[type=file][data-max-bytes]')) {
    var big = false, max = +el.getAttribute('data-max-bytes');
    for (var i = 0; el.files && i < el.files.length; i++) { if (el.files[i].size > max) { big = true; } }
    el.setCustomValidity(big ? el.getAttribute('data-too-big') : '');
    el.reportValidity();
  }
});
// The journal grid: Enter saves a cell (htmx posts its form) and moves down to the next student.
document.addEventListener('keydown', function (e) {
  var el = e.target;
  if (e.key !== 'Enter' || !el.closest || !el.closest('.jg') || el.name !== 'v') { return; }
  var td = el.closest('td'), tr = td.parentElement.nextElementSibling;
  var next = tr && tr.children[td.cellIndex] && tr.children[td.cellIndex].querySelector('input[name=v]');
  if (next) { setTimeout(function () { next.focus(); next.select(); }, 0); }
});
// Tab saves a changed journal cell like Enter (htmx posts its form); the focus moves on as usual.
document.addEventListener('keydown', function (e) {
  var el = e.target;
  if (e.key !== 'Tab' || !el.closest || !el.closest('.jg') || el.name !== 'v' || !el.form) { return; }
  if (el.form.getAttribute('hx-post') === '/journal/cell' && el.value !== el.defaultValue) {
    if (el.form.requestSubmit) { el.form.requestSubmit(); } else { htmx.trigger(el.form, 'submit'); }
  }
});
