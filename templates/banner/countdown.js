// Ticks the server-rendered countdown every second and reloads when the next stage is revealed.
(function () {
  "use strict";
  var time = document.querySelector("[data-countdown]");
  var out = document.querySelector("[data-remaining]");
  if (!time || !out) {
    return;
  }
  var target = Date.parse(time.getAttribute("datetime"));
  if (isNaN(target)) {
    return;
  }
  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }
  function tick() {
    var left = Math.max(0, Math.floor((target - Date.now()) / 1000));
    if (left === 0) {
      window.location.reload();
      return;
    }
    var days = Math.floor(left / 86400);
    out.textContent = days + "d " + pad(Math.floor(left % 86400 / 3600)) + "h " + pad(Math.floor(left % 3600 / 60)) + "m "
      + pad(left % 60) + "s";
    window.setTimeout(tick, 1000 - (Date.now() % 1000));
  }
  tick();
}());
