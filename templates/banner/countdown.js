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
  // The units in the page's language, from the browser's CLDR data, as the server wrote them; a browser without
  // Intl's duration or unit formats keeps the server's minutes.
  var lang = document.documentElement.lang || "en";
  var format = null;
  try {
    if (window.Intl && Intl.DurationFormat) {
      var duration = new Intl.DurationFormat(lang, {style: "narrow", hoursDisplay: "always", minutesDisplay: "always",
        secondsDisplay: "always"});
      format = function (parts) { return duration.format(parts); };
    } else if (window.Intl && Intl.NumberFormat) {
      var units = {};
      ["day", "hour", "minute", "second"].forEach(function (unit) {
        units[unit] = new Intl.NumberFormat(lang, {style: "unit", unit: unit, unitDisplay: "narrow"});
      });
      format = function (parts) {
        return ["day", "hour", "minute", "second"].filter(function (unit) {
          return unit !== "day" || parts.days > 0;
        }).map(function (unit) {
          return units[unit].format(parts[unit + "s"]);
        }).join(" ");
      };
    }
    if (format) {
      format({days: 1, hours: 1, minutes: 1, seconds: 1}); // a browser that cannot keeps the server's text
    }
  } catch (e) {
    format = null;
  }
  function tick() {
    var left = Math.max(0, Math.floor((target - Date.now()) / 1000));
    if (left === 0) {
      window.location.reload();
      return;
    }
    if (format) {
      out.textContent = format({days: Math.floor(left / 86400), hours: Math.floor(left % 86400 / 3600),
        minutes: Math.floor(left % 3600 / 60), seconds: left % 60});
    }
    window.setTimeout(tick, 1000 - (Date.now() % 1000));
  }
  tick();
}());
