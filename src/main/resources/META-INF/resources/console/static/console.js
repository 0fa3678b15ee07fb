// The console's own script: htmx does the requests; this only keeps focus and errors where a keyboard or screen
// reader user finds them. No inline script anywhere (the Content-Security-Policy forbids it).
document.addEventListener('htmx:afterSwap', function (event) {
  // After a fragment is replaced, move focus to its first error, else leave it where it was.
  var error = event.detail.target.querySelector('[role="alert"], [aria-invalid="true"]');
  if (error) {
    if (!error.hasAttribute('tabindex') && error.getAttribute('role') === 'alert') {
      error.setAttribute('tabindex', '-1');
    }
    error.focus();
  }
});

document.addEventListener('htmx:responseError', function (event) {
  var status = event.detail.xhr.status;
  var box = document.getElementById('console-error');
  if (!box) {
    box = document.createElement('p');
    box.id = 'console-error';
    box.className = 'error banner-error';
    box.setAttribute('role', 'alert');
    document.getElementById('main').prepend(box);
  }
  box.textContent = status === 403
    ? 'Refused (403): your session may have changed, or your role does not allow this. Reload the page.'
    : 'The request failed (' + status + '). Nothing was changed; try again.';
});
