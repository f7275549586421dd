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
