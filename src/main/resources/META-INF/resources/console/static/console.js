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
    : status === 400 && refusal(event.detail.xhr)
      ? 'Refused: ' + refusal(event.detail.xhr) + ' Nothing was changed.'
      : 'The request failed (' + status + '). Nothing was changed; try again.';
});

// A problem document (RFC 9457) says which fields were refused and why, e.g. a control character pasted into a name.
function refusal(xhr) {
  if (!/^application\/problem\+json/.test(xhr.getResponseHeader('Content-Type') || '')) {
    return null;
  }
  try {
    var problem = JSON.parse(xhr.responseText);
    var fields = (problem.errors || []).map(function (e) { return e.field + ' ' + e.message + '.'; });
    return fields.length ? fields.join(' ') : problem.detail || null;
  } catch (e) {
    return null;
  }
}
