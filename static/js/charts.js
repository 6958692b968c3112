/*
 * Samverkan charts: draw every Vega-Lite chart on the page.
 *
 * Contract (see samverkan/common/testing/README.md and templates/includes/chart_scripts.html):
 *
 *   {{ spec|json_script:"chart-ID" }}
 *   <figure class="sv-chart">
 *     <div class="sv-chart__canvas" data-vega-spec="chart-ID"></div>
 *     <figcaption class="govuk-body-s">title, source</figcaption>
 *   </figure>
 *   … and a govuk-table with the same numbers next to it.
 *
 * The spec is a Vega-Lite (or Vega) JSON object with inline data only. Rendering uses the
 * CSP-safe expression interpreter (no eval) and the SVG renderer, and no inline <style>
 * elements (our CSP is style-src 'self'). The canvas gets role="img" and an aria-label
 * (the spec's description, else its title, else the figure caption); screen-reader users
 * read the figures from the table.
 *
 * Loaded after vega, vega-lite, vega-embed and vega-interpreter (classic scripts, defer).
 */
(function () {
  "use strict";

  var lang = (document.documentElement.lang || "sv").slice(0, 2);

  var TEXT = {
    sv: { failed: "Diagrammet kunde inte ritas. Tabellen bredvid har samma siffror." },
    en: { failed: "The chart could not be drawn. The table beside it has the same figures." },
  };

  // d3-format / d3-time-format locales for Swedish (decimal comma, space as thousands
  // separator) so axis labels read like the tables.
  var SV_FORMAT = { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"] };
  var SV_TIME = {
    dateTime: "%A %e %B %Y %H:%M:%S",
    date: "%Y-%m-%d",
    time: "%H:%M:%S",
    periods: ["fm", "em"],
    days: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
    shortDays: ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
    months: [
      "januari", "februari", "mars", "april", "maj", "juni",
      "juli", "augusti", "september", "oktober", "november", "december",
    ],
    shortMonths: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  };

  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';

  function text(key) {
    return (TEXT[lang] || TEXT.en)[key];
  }

  function labelFor(el, spec) {
    var explicit = el.getAttribute("aria-label");
    if (explicit) return explicit;
    if (typeof spec.description === "string" && spec.description) return spec.description;
    var title = spec.title;
    if (title && typeof title === "object") title = title.text;
    if (Array.isArray(title)) title = title.join(" ");
    if (typeof title === "string" && title) return title;
    var figure = el.closest("figure");
    var caption = figure && figure.querySelector("figcaption");
    return caption ? caption.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function isSingleView(spec) {
    return !!(spec.mark || spec.layer) && !spec.facet && !spec.repeat;
  }

  function showFailure(el, error) {
    console.error("Samverkan chart failed:", el.getAttribute("data-vega-spec"), error);
    el.removeAttribute("role");
    el.removeAttribute("aria-label");
    var p = document.createElement("p");
    p.className = "govuk-body sv-chart__error";
    p.textContent = text("failed");
    el.replaceChildren(p);
  }

  function render(el) {
    if (el.getAttribute("data-sv-rendered")) return Promise.resolve();
    el.setAttribute("data-sv-rendered", "pending");
    var source = document.getElementById(el.getAttribute("data-vega-spec"));
    var spec;
    try {
      spec = JSON.parse(source.textContent);
    } catch (error) {
      showFailure(el, error);
      return Promise.resolve();
    }
    // Fill the column on any screen width (down to 320 px) unless the spec says otherwise.
    if (isSingleView(spec) && spec.width === undefined) spec.width = "container";
    var label = labelFor(el, spec);
    el.setAttribute("role", "img");
    el.setAttribute("aria-label", label);

    var options = {
      ast: true,
      expr: vegaInterpreter.expressionInterpreter,
      renderer: "svg",
      actions: false,
      defaultStyle: false, // no injected <style> element (CSP)
      tooltip: { disableDefaultStyle: true }, // tooltip styles live in samverkan.css
      config: {
        font: FONT,
        mark: { color: "#00616e" },
        axis: { labelFontSize: 12, titleFontSize: 13 },
        legend: { labelFontSize: 12, titleFontSize: 13 },
      },
    };
    if (lang === "sv") {
      options.formatLocale = SV_FORMAT;
      options.timeFormatLocale = SV_TIME;
    }
    return vegaEmbed(el, spec, options).then(
      function (result) {
        // The drawing is one image for assistive technology. Vega marks the container as
        // a "graphics-document" with English descriptions of every axis and mark; we
        // replace that with one label in the page's language, and the table beside the
        // chart is the accessible form of the same figures.
        el.setAttribute("role", "img");
        el.setAttribute("aria-label", label);
        el.removeAttribute("aria-roledescription");
        var svg = el.querySelector("svg");
        if (svg) svg.setAttribute("aria-hidden", "true");
        el.setAttribute("data-sv-rendered", "done");
        // A chart wider than its column scrolls in its box: keep it keyboard-reachable.
        if (window.Samverkan.watchScrollRegions) window.Samverkan.watchScrollRegions(el.parentNode);
        return result;
      },
      function (error) {
        el.setAttribute("data-sv-rendered", "failed");
        showFailure(el, error);
      }
    );
  }

  function renderCharts(root) {
    var scope = root || document;
    var elements = scope.querySelectorAll(".sv-chart__canvas[data-vega-spec]");
    return Promise.all(Array.prototype.map.call(elements, render));
  }

  window.Samverkan = window.Samverkan || {};
  window.Samverkan.renderCharts = renderCharts;

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      renderCharts();
    });
  } else {
    renderCharts();
  }
  // Content swapped in later (htmx) gets its charts drawn too.
  // Already drawn charts are skipped (data-sv-rendered), so scanning the page is cheap.
  document.addEventListener("htmx:after:swap", function () {
    renderCharts();
  });
})();
