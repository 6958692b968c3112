/*
 * Samverkan: small behaviour shared by every page (loaded by base.html): scroll regions
 * and the main menu (at the end).
 *
 * Scroll regions. A wide table wrapped in <div class="sv-table-scroll"> or a chart wider
 * than its column (.sv-chart__canvas) scrolls sideways inside its own box instead of
 * widening the page (WCAG 1.4.10 reflow). A box that actually overflows must be
 * reachable by keyboard so it can be scrolled with the arrow keys (WCAG 2.1.1): it gets
 * tabindex="0", and a table box becomes a region named by the table's caption. The state
 * follows the box's size (ResizeObserver), so nothing changes on screens wide enough.
 */
(function () {
  "use strict";

  var SELECTOR = ".sv-table-scroll, .sv-chart__canvas";

  function update(el) {
    var overflowing = el.scrollWidth > el.clientWidth + 1;
    var managed = el.getAttribute("data-sv-scroll") === "on";
    if (overflowing && !managed) {
      if (el.hasAttribute("tabindex")) return; // someone else manages focus here
      el.setAttribute("tabindex", "0");
      el.setAttribute("data-sv-scroll", "on");
      if (el.classList.contains("sv-table-scroll") && !el.hasAttribute("role")) {
        var caption = el.querySelector("caption");
        el.setAttribute("role", "region");
        if (caption) el.setAttribute("aria-label", caption.textContent.replace(/\s+/g, " ").trim());
        el.setAttribute("data-sv-scroll-role", "on");
      }
    } else if (!overflowing && managed) {
      el.removeAttribute("tabindex");
      el.removeAttribute("data-sv-scroll");
      if (el.getAttribute("data-sv-scroll-role") === "on") {
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
        el.removeAttribute("data-sv-scroll-role");
      }
    }
  }

  var observer =
    typeof ResizeObserver === "function"
      ? new ResizeObserver(function (entries) {
          entries.forEach(function (entry) {
            update(entry.target);
          });
        })
      : null;

  function watchScrollRegions(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(SELECTOR), function (el) {
      update(el);
      if (observer && !el.svScrollWatched) {
        observer.observe(el);
        el.svScrollWatched = true;
      }
    });
  }

  window.Samverkan = window.Samverkan || {};
  window.Samverkan.watchScrollRegions = watchScrollRegions;

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      watchScrollRegions();
    });
  } else {
    watchScrollRegions();
  }
  window.addEventListener("resize", function () {
    watchScrollRegions();
  });
  document.addEventListener("htmx:after:swap", function () {
    watchScrollRegions();
  });
})();

/*
 * The main menu's sections are <details> disclosures (base.html) and work without
 * JavaScript. With it they behave like a menu bar's drop-downs: opening one closes the
 * others, Escape closes it and returns focus to its heading, and a click or focus
 * outside closes it.
 */
(function () {
  "use strict";

  function groups() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-sv-nav-group]"));
  }

  function closeAll(except) {
    groups().forEach(function (group) {
      if (group !== except && group.open) group.open = false;
    });
  }

  function setUp() {
    groups().forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (group.open) closeAll(group);
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var open = groups().filter(function (group) {
        return group.open;
      })[0];
      if (!open) return;
      open.open = false;
      open.querySelector("summary").focus();
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest("[data-sv-nav-group]")) closeAll(null);
    });
    document.addEventListener("focusin", function (event) {
      if (!event.target.closest || !event.target.closest("[data-sv-nav-group]")) closeAll(null);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
