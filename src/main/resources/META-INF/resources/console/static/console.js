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

// The session's CSRF token, which htmx sends from the body's hx-headers; the scripts below send it the same way.
function csrfHeaders() {
  var headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
  return { 'X-CSRF-Token': headers['X-CSRF-Token'] || '' };
}

function problemText(response) {
  return response.text().then(function (text) {
    try {
      var problem = JSON.parse(text);
      var fields = (problem.errors || []).map(function (e) { return e.field + ' ' + e.message + '.'; });
      return (problem.detail || problem.title || '') + (fields.length ? ' ' + fields.join(' ') : '');
    } catch (e) {
      return 'The request failed (' + response.status + ').';
    }
  });
}

function say(box, text, isError) {
  box.textContent = text;
  box.className = isError ? 'error' : '';
  box.setAttribute('role', isError ? 'alert' : 'status');
}

// A victim list file goes up in parts under the request size limit, then the import reads it on the server; the
// imports table on the page follows the reading.
var IMPORT_PART_BYTES = 900000;
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.id !== 'victim-import') {
    return;
  }
  event.preventDefault();
  var file = form.querySelector('input[type=file]').files[0];
  var status = document.getElementById('import-status');
  var progress = document.getElementById('import-progress');
  var button = form.querySelector('button[type=submit]');
  if (!file) {
    say(status, 'Choose a CSV file first.', true);
    return;
  }
  var base = form.getAttribute('data-imports');
  var mapping = {};
  ['phone', 'email', 'name', 'language'].forEach(function (field) {
    var value = form.querySelector('[name=' + field + ']').value.trim();
    if (value) {
      mapping[field] = value;
    }
  });
  var parts = Math.max(1, Math.ceil(file.size / IMPORT_PART_BYTES));
  var json = Object.assign({ 'Content-Type': 'application/json' }, csrfHeaders());
  var importId;
  button.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  say(status, 'Sending ' + file.name + '…', false);
  function fail(response) {
    return problemText(response).then(function (text) { throw new Error(text); });
  }
  function sendPart(n) {
    if (n > parts) {
      return Promise.resolve();
    }
    var slice = file.slice((n - 1) * IMPORT_PART_BYTES, Math.min(file.size, n * IMPORT_PART_BYTES));
    return fetch(base + '/' + importId + '/parts/' + n, {
      method: 'PUT',
      headers: Object.assign({ 'Content-Type': 'application/octet-stream' }, csrfHeaders()),
      body: slice
    }).then(function (response) {
      if (!response.ok) {
        return fail(response);
      }
      progress.value = n / parts;
      return sendPart(n + 1);
    });
  }
  fetch(base, { method: 'POST', headers: json, body: JSON.stringify({ mapping: mapping }) })
    .then(function (response) { return response.ok ? response.json() : fail(response); })
    .then(function (started) { importId = started.id; return sendPart(1); })
    .then(function () {
      return fetch(base + '/' + importId + '/complete', { method: 'POST', headers: json, body: JSON.stringify({ parts: parts }) });
    })
    .then(function (response) { return response.ok ? response.json() : fail(response); })
    .then(function () {
      say(status, file.name + ' sent; its rows are being read (see Imports).', false);
      form.reset();
      htmx.trigger(document.body, 'import-started');
    })
    .catch(function (error) {
      say(status, 'Not imported: ' + error.message, true);
      htmx.trigger(document.body, 'import-started');
    })
    .finally(function () {
      button.disabled = false;
      progress.hidden = true;
    });
});

// The list in the clear, saved as a file: the justification goes with the request and into the audit log.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.id !== 'victim-export') {
    return;
  }
  event.preventDefault();
  var status = document.getElementById('export-status');
  fetch(form.getAttribute('data-export'), {
    method: 'POST',
    headers: Object.assign({ 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/csv' }, csrfHeaders()),
    body: new URLSearchParams(new FormData(form))
  }).then(function (response) {
    if (!response.ok) {
      return problemText(response).then(function (text) { say(status, 'Not exported: ' + text, true); });
    }
    var name = (/filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '') || [])[1] || 'victims.csv';
    return response.blob().then(function (blob) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
      say(status, 'Exported as ' + name + '. Keep it only as long as you need it.', false);
    });
  }).catch(function () {
    say(status, 'Not exported: the service did not answer.', true);
  });
});
