// The exported site's page script: draws the vega-lite and plotly charts from the JSON specs embedded
// in the page (never from a notebook's own script), replacing each chart's static image once drawn.
// Without scripts, or if drawing fails, the static image stays. Specs come from notebooks, so the
// chart libraries get a loader that refuses every URL: a chart never makes a request elsewhere.
// Also: regions that scroll sideways (code, wide tables) become keyboard-focusable, with a name.
(function () {
  "use strict";

  function refuse(uri) {
    return Promise.reject(
      new Error("the exported site loads nothing: " + String(uri).slice(0, 80)),
    );
  }

  /** vega's loader with every load and link refused; only checked data: images may show. */
  function safeLoader() {
    var loader = window.vega.loader();
    loader.load = refuse;
    loader.sanitize = function (uri, options) {
      var context = options && options.context;
      if (context === "image" && /^data:image\/(png|jpeg|gif|webp);base64,/i.test(uri))
        return Promise.resolve({ href: uri });
      return refuse(uri);
    };
    return loader;
  }

  function drawVegaLite(figure) {
    var specElement = figure.querySelector("script.vega-spec");
    var target = figure.querySelector(".vega-target");
    var fallback = figure.querySelector(".chart-fallback");
    var caption = figure.querySelector("figcaption");
    if (!specElement || !target || typeof window.vegaEmbed !== "function") return;
    var spec = JSON.parse(specElement.textContent);
    delete spec.usermeta; // vega-embed would take embed options (a loader, a patch) from it
    window
      .vegaEmbed(target, spec, { actions: false, renderer: "svg", loader: safeLoader() })
      .then(function () {
        var svg = target.querySelector("svg");
        // The chart is one image named by its description: the roles vega gives its containers
        // and marks (unnamed graphics objects by the hundred) are removed.
        [target].concat(Array.from(target.querySelectorAll("[role]"))).forEach(function (el) {
          el.removeAttribute("role");
          el.removeAttribute("aria-roledescription");
          el.removeAttribute("aria-label");
        });
        if (svg && caption) {
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", caption.textContent);
        }
        if (fallback) fallback.hidden = true;
        figure.classList.add("drawn");
        markScrollable();
      })
      .catch(function (error) {
        figure.classList.add("failed");
        console.warn("chart not drawn, showing its static image:", error);
      });
  }

  function drawPlotlyJson(figure) {
    var specElement = figure.querySelector("script.plotly-spec");
    var target = figure.querySelector(".plotly-target");
    var fallback = figure.querySelector(".chart-fallback");
    if (!specElement || !target || !window.Plotly || typeof window.Plotly.newPlot !== "function")
      return;
    var fig = JSON.parse(specElement.textContent);
    var config = { displaylogo: false, responsive: true, showLink: false, showSendToCloud: false };
    window.Plotly.newPlot(target, fig.data || [], fig.layout || {}, config).then(
      function () {
        if (fallback) fallback.hidden = true;
        figure.classList.add("drawn");
        markScrollable();
      },
      function (error) {
        figure.classList.add("failed");
        console.warn("chart not drawn, showing its static image:", error);
      },
    );
  }

  /** A region wider than its box gets tabindex=0, the role region and a name unique on the page. */
  var scrollers = [];
  function markScrollable() {
    scrollers.forEach(function (entry) {
      var el = entry.element;
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", entry.label);
      } else if (!scrolls && el.getAttribute("role") === "region") {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
      }
    });
  }
  var SCROLLABLE = [
    ["pre.code-block", "Code"],
    [".output-html", "Output"],
    ["pre.output-stream, pre.output-text, pre.output-error", "Output text"],
    [".katex-display", "Formula"],
    [".output-chart, .output-image-wrap", "Chart"],
    [".table-scroll", "Table"],
  ];
  // A wide table in prose scrolls inside a box of its own (the table keeps its table layout).
  document.querySelectorAll(".markdown-cell table").forEach(function (table) {
    var wrap = document.createElement("div");
    wrap.className = "table-scroll";
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
  });
  SCROLLABLE.forEach(function (pair) {
    document.querySelectorAll(pair[0]).forEach(function (element, i) {
      scrollers.push({ element: element, label: pair[1] + " " + (i + 1) + " (scrolls sideways)" });
    });
  });

  // The table of contents starts folded on screens too narrow for the sidebar.
  var toc = document.querySelector(".toc details");
  if (toc && window.matchMedia("(max-width: 68rem)").matches) toc.open = false;

  // Charts are drawn one per task after the page has loaded, so that a page with many charts shows
  // its text (and the charts' static images) at once and stays responsive while they are drawn.
  var charts = [];
  document.querySelectorAll("figure.output-vegalite").forEach(function (figure) {
    charts.push(function () {
      drawVegaLite(figure);
    });
  });
  document.querySelectorAll("figure.output-plotly").forEach(function (figure) {
    charts.push(function () {
      drawPlotlyJson(figure);
    });
  });
  function drawNext() {
    var draw = charts.shift();
    if (!draw) return markScrollable();
    try {
      draw();
    } finally {
      setTimeout(drawNext, 0);
    }
  }
  markScrollable();
  window.addEventListener("resize", markScrollable);
  if (document.readyState === "complete") setTimeout(drawNext, 0);
  else
    window.addEventListener("load", function () {
      setTimeout(drawNext, 0);
    });
})();
