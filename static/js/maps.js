/*
 * Samverkan maps: draw every GeoJSON map on the page with Leaflet, without tiles (offline).
 *
 * Contract (see samverkan/common/testing/README.md and templates/includes/map_scripts.html):
 *
 *   {{ feature_collection|json_script:"map-ID" }}
 *   <div class="sv-map" data-geojson="map-ID" data-value="PROPERTY" data-label="name"
 *        aria-label="What the map shows"></div>
 *   … and a govuk-table with the same figures next to it.
 *
 * Optional attributes: data-legend-title (legend heading; default: the value property
 * name), data-unit (appended to values, e.g. "per 100 000"), data-null-label (legend
 * text for features without a value; default "No value").
 *
 * Features are GeoJSON in EPSG:4326 with properties `name` (or whatever data-label
 * names), the value property (a number or null), optionally `href`, and optionally
 * `value_label`: the text shown instead of a missing value (e.g. "fewer than 5").
 * - Polygons/MultiPolygons are shaded by value in five equal-interval classes of a
 *   sequential palette (fewer when there are fewer distinct values); null or missing
 *   values are grey and dashed. A legend lists the classes.
 * - Points are circle markers in the same palette.
 * - Every feature has a tooltip "label: value" and is in the tab order, showing its
 *   tooltip and a yellow outline on focus. Features with `href` are links (role="link")
 *   followed on click, Enter or Space; the others are labelled images (role="img").
 * - The map fits the features' bounds. The map container itself is focusable (Leaflet's
 *   keyboard panning and zooming) and is a labelled region.
 * No inline style attributes are produced (CSP style-src 'self'): colours are SVG
 * presentation attributes or CSSOM properties.
 */
(function () {
  "use strict";

  var lang = (document.documentElement.lang || "sv").slice(0, 2);
  var TEXT = {
    sv: {
      noValue: "Värde saknas",
      zoomIn: "Zooma in",
      zoomOut: "Zooma ut",
      noFeatures: "Kartan har inga områden att visa.",
      failed: "Kartan kunde inte ritas. Tabellen bredvid har samma uppgifter.",
      region: "Karta",
    },
    en: {
      noValue: "No value",
      zoomIn: "Zoom in",
      zoomOut: "Zoom out",
      noFeatures: "The map has no areas to show.",
      failed: "The map could not be drawn. The table beside it has the same figures.",
      region: "Map",
    },
  };
  function text(key) {
    return (TEXT[lang] || TEXT.en)[key];
  }

  // Light to dark petrol (our brand colour family); the darkest classes pass 3:1 against
  // the white map background, and the outline (#0b0c0c) separates neighbouring areas.
  var PALETTE = ["#dcecee", "#a6cfd4", "#67a9b3", "#2b7f8b", "#00505a"];
  var NULL_FILL = "#bfc1c3";
  var OUTLINE = "#0b0c0c";
  var FOCUS_OUTLINE = "#ffdd00";

  var locale = lang === "sv" ? "sv-SE" : "en-GB";
  // Tooltips show up to two decimals, as the tables next to the maps do.
  var numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

  function isNumber(v) {
    return typeof v === "number" && isFinite(v);
  }

  function formatValue(value, unit) {
    if (!isNumber(value)) return text("noValue");
    return numberFormat.format(value) + (unit ? "\u00a0" + unit : "");
  }

  /* Equal-interval classes between the smallest and largest value.
   * Returns [{from, to, colour}] (at most 5); empty when there are no numbers. When every
   * value is a whole number (counts), class limits are whole numbers too: 3–9, 10–16 … */
  function classify(values) {
    var numbers = values.filter(isNumber);
    if (!numbers.length) return [];
    var min = Math.min.apply(null, numbers);
    var max = Math.max.apply(null, numbers);
    var whole = numbers.every(function (v) {
      return Math.floor(v) === v;
    });
    var n = Math.min(PALETTE.length, new Set(numbers).size);
    if (whole) n = Math.min(n, max - min + 1);
    if (n === 1) return [{ from: min, to: max, colour: PALETTE[PALETTE.length - 1] }];
    var step = (max - min) / n;
    var classes = [];
    var from = min;
    for (var i = 0; i < n; i++) {
      var to = i === n - 1 ? max : min + (i + 1) * step;
      if (whole && i < n - 1) to = Math.max(from, Math.floor(to));
      // Spread the colours over the whole palette so the first class is light and the
      // last dark, whatever the number of classes.
      classes.push({ from: from, to: to, colour: PALETTE[Math.round((i * (PALETTE.length - 1)) / (n - 1))] });
      from = whole ? to + 1 : to;
    }
    return classes;
  }

  function colourFor(value, classes) {
    if (!isNumber(value) || !classes.length) return null;
    for (var i = 0; i < classes.length; i++) {
      if (value <= classes[i].to) return classes[i].colour;
    }
    return classes[classes.length - 1].colour;
  }

  /* A formatter for the legend with as few decimals (1–4) as keep every class limit
   * distinct: rates of 0.02–0.14 would otherwise all read "0,1". */
  function legendFormat(classes) {
    var limits = classes.length ? [classes[0].from] : [];
    classes.forEach(function (cls) {
      limits.push(cls.to);
    });
    var format;
    for (var digits = 1; digits <= 4; digits++) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      var shown = limits.map(function (v) {
        return format.format(v);
      });
      if (new Set(shown).size === new Set(limits).size) break;
    }
    return function (value, unit) {
      return format.format(value) + (unit ? "\u00a0" + unit : "");
    };
  }

  function legendControl(classes, title, unit, hasNull, nullLabel) {
    var formatLimit = legendFormat(classes);
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "sv-map__legend");
      L.DomEvent.disableClickPropagation(box);
      var heading = L.DomUtil.create("p", "sv-map__legend-title", box);
      heading.textContent = title;
      var list = L.DomUtil.create("ul", "sv-map__legend-list", box);
      classes.forEach(function (cls) {
        var item = L.DomUtil.create("li", "sv-map__legend-item", list);
        var swatch = L.DomUtil.create("span", "sv-map__swatch", item);
        swatch.setAttribute("aria-hidden", "true");
        swatch.style.backgroundColor = cls.colour; // CSSOM: allowed by the CSP
        var label = L.DomUtil.create("span", "", item);
        label.textContent =
          cls.from === cls.to
            ? formatLimit(cls.from, unit)
            : formatLimit(cls.from, "") + "\u2013" + formatLimit(cls.to, unit);
      });
      if (hasNull) {
        var item = L.DomUtil.create("li", "sv-map__legend-item", list);
        var swatch = L.DomUtil.create("span", "sv-map__swatch sv-map__swatch--null", item);
        swatch.setAttribute("aria-hidden", "true");
        L.DomUtil.create("span", "", item).textContent = nullLabel || text("noValue");
      }
      return box;
    };
    return control;
  }

  // The text for a feature's value: the number, or its own value_label when it has none.
  function valueText(value, unit, valueLabel) {
    if (!isNumber(value) && valueLabel) return String(valueLabel);
    return formatValue(value, unit);
  }

  function tooltipContent(label, value, unit, valueLabel) {
    var node = document.createElement("span");
    var strong = document.createElement("strong");
    strong.textContent = label;
    node.appendChild(strong);
    node.appendChild(document.createTextNode(": " + valueText(value, unit, valueLabel)));
    return node;
  }

  /* Put a feature in the tab order with its label; links also open on Enter or Space.
   * Every feature is focusable (not only links) so keyboard users get the same
   * tooltip as mouse users; Leaflet's tooltip focus listeners make Chromium focus them
   * anyway, and explicit tabindex makes all browsers agree. */
  function makeAccessible(layer, feature, description) {
    var el = layer.getElement && layer.getElement();
    if (!el) return;
    var href = feature.properties && feature.properties.href;
    el.setAttribute("aria-label", description);
    el.setAttribute("role", href ? "link" : "img");
    el.setAttribute("tabindex", "0");
    el.addEventListener("focus", function () {
      // (No bringToFront: moving the focused element in the DOM would drop its focus.)
      layer.setStyle({ color: FOCUS_OUTLINE, weight: 4 });
      layer.openTooltip();
    });
    el.addEventListener("blur", function () {
      layer.setStyle({ color: OUTLINE, weight: layer.options.svBaseWeight });
      layer.closeTooltip();
    });
    if (href) {
      el.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          event.stopPropagation();
          window.location.assign(href);
        }
      });
    }
  }

  function showMessage(el, message) {
    var p = document.createElement("p");
    p.className = "govuk-body sv-map__message";
    p.textContent = message;
    el.replaceChildren(p);
    el.classList.add("sv-map--empty");
  }

  function draw(el) {
    if (el.getAttribute("data-sv-rendered")) return;
    el.setAttribute("data-sv-rendered", "pending");
    var collection;
    try {
      collection = JSON.parse(document.getElementById(el.getAttribute("data-geojson")).textContent);
    } catch (error) {
      console.error("Samverkan map failed:", el.getAttribute("data-geojson"), error);
      showMessage(el, text("failed"));
      el.setAttribute("data-sv-rendered", "failed");
      return;
    }
    var features = (collection && collection.features) || [];
    if (!features.length) {
      showMessage(el, text("noFeatures"));
      el.setAttribute("data-sv-rendered", "done");
      return;
    }
    var valueKey = el.getAttribute("data-value") || "value";
    var labelKey = el.getAttribute("data-label") || "name";
    var unit = el.getAttribute("data-unit") || "";
    var legendTitle = el.getAttribute("data-legend-title") || valueKey;
    var nullLabel = el.getAttribute("data-null-label") || "";

    var values = features.map(function (f) {
      return f.properties ? f.properties[valueKey] : null;
    });
    var classes = classify(values);
    var hasNull = values.some(function (v) {
      return !isNumber(v);
    });

    if (!el.getAttribute("role")) el.setAttribute("role", "region");
    if (!el.getAttribute("aria-label")) el.setAttribute("aria-label", text("region"));

    var map = L.map(el, {
      attributionControl: false,
      zoomControl: false,
      zoomSnap: 0.25,
      scrollWheelZoom: false, // the page scrolls past the map; +/- and the buttons zoom
    });
    L.control.zoom({ zoomInTitle: text("zoomIn"), zoomOutTitle: text("zoomOut") }).addTo(map);

    function styleFor(feature) {
      var value = feature.properties ? feature.properties[valueKey] : null;
      var colour = colourFor(value, classes);
      var isPoint = feature.geometry && /Point$/.test(feature.geometry.type);
      var weight = isPoint ? 1.5 : 1;
      return {
        color: OUTLINE,
        weight: weight,
        svBaseWeight: weight,
        opacity: 1,
        fillColor: colour || NULL_FILL,
        fillOpacity: isPoint ? 0.95 : 0.85,
        dashArray: colour ? null : "4 3",
      };
    }

    var layer = L.geoJSON(collection, {
      style: styleFor,
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, L.extend({ radius: 8 }, styleFor(feature)));
      },
      onEachFeature: function (feature, featureLayer) {
        var props = feature.properties || {};
        var label = props[labelKey] !== undefined && props[labelKey] !== null ? String(props[labelKey]) : "";
        var value = props[valueKey];
        featureLayer.bindTooltip(tooltipContent(label, value, unit, props.value_label), {
          sticky: false,
        });
        featureLayer.options.svDescription = label + ": " + valueText(value, unit, props.value_label);
        if (props.href) {
          featureLayer.on("click", function () {
            window.location.assign(props.href);
          });
        }
      },
    });

    // Give the map its view first: Leaflet creates the SVG paths only once it has one.
    var bounds = layer.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [12, 12], maxZoom: 15, animate: false });
    } else {
      map.setView([59.33, 18.07], 10, { animate: false });
    }
    layer.addTo(map);
    layer.eachLayer(function (featureLayer) {
      makeAccessible(featureLayer, featureLayer.feature, featureLayer.options.svDescription);
    });
    if (classes.length || hasNull) legendControl(classes, legendTitle, unit, hasNull, nullLabel).addTo(map);

    el.setAttribute("data-sv-rendered", "done");
    el.svMap = map;
  }

  function drawMaps(root) {
    var scope = root || document;
    Array.prototype.forEach.call(scope.querySelectorAll(".sv-map[data-geojson]"), function (el) {
      try {
        draw(el);
      } catch (error) {
        console.error("Samverkan map failed:", el.getAttribute("data-geojson"), error);
        el.setAttribute("data-sv-rendered", "failed");
      }
    });
  }

  window.Samverkan = window.Samverkan || {};
  window.Samverkan.drawMaps = drawMaps;

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      drawMaps();
    });
  } else {
    drawMaps();
  }
  document.addEventListener("htmx:after:swap", function () {
    drawMaps();
  });
})();
