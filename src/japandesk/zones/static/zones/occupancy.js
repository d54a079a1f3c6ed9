/* A zone's land over time: leased and available hectares as stacked bars, occupancy as a line. */
(function () {
  "use strict";
  var source = document.getElementById("occupancy-data");
  var canvas = document.getElementById("occupancy-chart");
  if (!source || !canvas || !window.Chart) { return; }
  var data = JSON.parse(source.textContent);
  var language = document.documentElement.lang || "en";
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels.map(function (iso) { return new Date(iso + "T00:00:00").toLocaleDateString(language); }),
      datasets: [
        { type: "bar", label: data.label_leased, data: data.leased, backgroundColor: "#0b5ed7", stack: "land", yAxisID: "y" },
        { type: "bar", label: data.label_available, data: data.available, backgroundColor: "#9ec5fe", stack: "land", yAxisID: "y" },
        { type: "line", label: data.label_occupancy, data: data.occupancy, borderColor: "#d7263d", backgroundColor: "#d7263d", yAxisID: "y1" }
      ]
    },
    options: {
      maintainAspectRatio: false,
      locale: language,
      scales: {
        y: { stacked: true, beginAtZero: true, title: { display: true, text: "ha" } },
        y1: { position: "right", min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: "%" } }
      }
    }
  });
})();
