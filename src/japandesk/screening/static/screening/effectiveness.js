// The effectiveness dashboard's trend chart: committed, due and realised capital by year.
(function () {
  "use strict";
  const source = document.getElementById("effectiveness-data");
  const canvas = document.getElementById("chart-trend");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const labels = data.labels;
  const language = document.documentElement.lang || "en";
  const compact = new Intl.NumberFormat(language, { notation: "compact", maximumFractionDigits: 1 });
  new Chart(canvas, {
    type: "line",
    data: {
      labels: data.years,
      datasets: [
        { label: labels.committed, data: data.committed, borderColor: "#6c757d", tension: 0.2 },
        { label: labels.due, data: data.due, borderColor: "#fd7e14", tension: 0.2 },
        { label: labels.realised, data: data.realised, borderColor: "#0d6efd", tension: 0.2 },
        { label: labels.japan, data: data.japan_realised, borderColor: "#dc3545", tension: 0.2 },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: { y: { ticks: { callback: (value) => compact.format(value) + " $" } } },
      plugins: { tooltip: { callbacks: { label: (item) => item.dataset.label + ": " + compact.format(item.parsed.y) + " $" } } },
    },
  });
})();
