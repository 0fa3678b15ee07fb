// Draws every <canvas data-chart="{type, unit, labels, datasets}"> with Chart.js. The data come escaped in an attribute, so
// no inline script is needed (the Content-Security-Policy allows none).
(function () {
  var palette = ['#0b4f9c', '#a4161a', '#1e6b34', '#8a4b00', '#5b2a86', '#00707a'];
  function draw() {
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var spec = JSON.parse(canvas.dataset.chart);
      if (!spec.type || canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = 'yes';
      spec.datasets.forEach(function (set, i) {
        set.borderColor = palette[i % palette.length];
        set.backgroundColor = palette[i % palette.length];
        set.tension = 0.2;
      });
      // Hours (statistics) as "12-07 15h", minutes (a campaign's report) as "12-07 15:42".
      var labels = spec.unit === 'minute'
        ? spec.labels.map(function (minute) { return minute.substring(5, 16).replace('T', ' '); })
        : spec.labels.map(function (hour) { return hour.substring(5, 13).replace('T', ' ') + 'h'; });
      new Chart(canvas, {
        type: spec.type,
        data: { labels: labels, datasets: spec.datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    });
  }
  // A report that refreshes itself (htmx) brings a new canvas each time.
  document.addEventListener('htmx:afterSwap', draw);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
