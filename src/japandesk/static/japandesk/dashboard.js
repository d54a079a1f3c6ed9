/* Japan Desk dashboard charts. The figures come from the page (json_script "dashboard-data");
 * the tables beside each chart carry the same figures for readers without charts.
 * Charts are drawn again whenever HTMX swaps the results region. */
(function () {
  "use strict";

  var charts = [];
  var palette = ["#0d6efd", "#d7263d", "#198754", "#fd7e14", "#6f42c1", "#20c997",
                 "#ffc107", "#0dcaf0", "#6c757d", "#d63384", "#6610f2", "#adb5bd", "#343a40"];

  function language() {
    return document.documentElement.lang || "en";
  }

  function formatter(digits) {
    return new Intl.NumberFormat(language(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  }

  function destroyAll() {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
  }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function baseOptions(unitDigits) {
    var fmt = formatter(unitDigits);
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion() ? false : { duration: 300 },
      locale: language(),
      plugins: {
        legend: { display: true, position: "bottom" },
        tooltip: {
          callbacks: {
            label: function (ctx) {
              var value = ctx.parsed.y !== undefined && ctx.chart.config.options.indexAxis !== "y" ? ctx.parsed.y : ctx.parsed.x;
              if (ctx.chart.config.type === "doughnut") { value = ctx.parsed; }
              return (ctx.dataset.label ? ctx.dataset.label + ": " : "") + fmt.format(value);
            }
          }
        }
      }
    };
  }

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas || typeof window.Chart === "undefined") { return; }
    charts.push(new window.Chart(canvas, config));
  }

  function barChart(id, data, label, horizontal) {
    if (!data || !data.labels.length) { return; }
    var options = baseOptions(2);
    options.indexAxis = horizontal ? "y" : "x";
    options.plugins.legend.display = false;
    options.scales = {};
    options.scales[horizontal ? "x" : "y"] = {
      beginAtZero: true,
      ticks: { callback: function (value) { return formatter(0).format(value); } }
    };
    draw(id, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{ label: label, data: data.capital, backgroundColor: palette.slice(0, data.labels.length) }]
      },
      options: options
    });
  }

  function doughnutChart(id, data, label) {
    if (!data || !data.labels.length) { return; }
    draw(id, {
      type: "doughnut",
      data: {
        labels: data.labels,
        datasets: [{ label: label, data: data.capital, backgroundColor: palette.slice(0, data.labels.length) }]
      },
      options: baseOptions(2)
    });
  }

  function seriesChart(id, series, labels) {
    if (!series || !series.labels.length) { return; }
    var options = baseOptions(2);
    options.interaction = { mode: "index", intersect: false };
    options.scales = {
      y: { beginAtZero: true, position: "left",
           ticks: { callback: function (value) { return formatter(0).format(value); } } },
      y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false },
            ticks: { callback: function (value) { return formatter(0).format(value); } } }
    };
    draw(id, {
      type: "bar",
      data: {
        labels: series.labels,
        datasets: [
          { type: "line", label: labels.registered, data: series.registered, borderColor: palette[0],
            backgroundColor: palette[0], yAxisID: "y", tension: 0.2, pointRadius: 2 },
          { type: "bar", label: labels.attracted, data: series.attracted, backgroundColor: palette[1], yAxisID: "y" },
          { type: "bar", label: labels.realised, data: series.realised, backgroundColor: palette[2], yAxisID: "y" },
          { type: "line", label: labels.projects, data: series.projects, borderColor: palette[3],
            backgroundColor: palette[3], yAxisID: "y1", borderDash: [4, 4], pointRadius: 2 }
        ]
      },
      options: options
    });
  }

  function render() {
    var source = document.getElementById("dashboard-data");
    destroyAll();
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var labels = data.labels || {};
    barChart("chart-origin", data.origin, labels.capital, true);
    barChart("chart-sector", data.sector, labels.capital, true);
    doughnutChart("chart-zone-kind", data.zone_kind, labels.capital);
    barChart("chart-zone", data.zone, labels.capital, true);
    seriesChart("chart-series", data.series, labels);
  }

  document.addEventListener("DOMContentLoaded", render);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail && event.detail.target && event.detail.target.id === "dashboard-results") { render(); }
  });
  document.addEventListener("htmx:historyRestore", render);
})();
