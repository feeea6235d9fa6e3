// Draws the reports table as a chart where scripts run; the table stays the source and works without them.
(function () {
  var canvas = document.getElementById('chart');
  var rows = document.querySelectorAll('#periods tbody tr');
  if (!canvas || !window.Chart || rows.length === 0) {
    if (canvas) { canvas.hidden = true; }
    return;
  }
  var headers = document.querySelectorAll('#periods thead th');
  var labels = [], used = [], noShow = [];
  rows.forEach(function (row) {
    labels.push(row.querySelector('th').textContent);
    used.push(Number(row.dataset.used));
    noShow.push(Number(row.dataset.noshow));
  });
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: labels,
      datasets: [
        { label: headers[3].textContent + ' %', data: used, backgroundColor: '#0066cc' },
        { label: headers[4].textContent + ' %', data: noShow, backgroundColor: '#cc334d' }
      ]
    },
    options: { scales: { y: { min: 0, max: 100 } } }
  });
})();
