// The exported site's page script: draws vega-lite charts with vega-embed from the specs embedded
// in the page, replacing each chart's static SVG/PNG once the interactive chart is drawn.
// Without scripts, or if drawing fails, the static image stays.
(function () {
  "use strict";

  function drawVegaLite(figure) {
    var specElement = figure.querySelector("script.vega-spec");
    var target = figure.querySelector(".vega-target");
    var fallback = figure.querySelector(".chart-fallback");
    var caption = figure.querySelector("figcaption");
    if (!specElement || !target || typeof window.vegaEmbed !== "function") return;
    var spec = JSON.parse(specElement.textContent);
    window
      .vegaEmbed(target, spec, { actions: false, renderer: "svg" })
      .then(function () {
        var svg = target.querySelector("svg");
        if (svg && caption) {
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", caption.textContent);
        }
        if (fallback) fallback.hidden = true;
        figure.classList.add("drawn");
      })
      .catch(function (error) {
        figure.classList.add("failed");
        console.warn("chart not drawn, showing its static image:", error);
      });
  }

  function drawPlotlyJson(figure) {
    var specElement = figure.querySelector("script.plotly-spec");
    var target = figure.querySelector(".plotly-target");
    if (!specElement || !target || !window.Plotly) return;
    var fig = JSON.parse(specElement.textContent);
    window.Plotly.newPlot(target, fig.data || [], fig.layout || {}, fig.config || {});
  }

  // The table of contents starts folded on screens too narrow for the sidebar.
  var toc = document.querySelector(".toc details");
  if (toc && window.matchMedia("(max-width: 68rem)").matches) toc.open = false;

  document.querySelectorAll("figure.output-vegalite").forEach(drawVegaLite);
  document.querySelectorAll("figure.output-plotly").forEach(drawPlotlyJson);
})();
