// Poll an export job's status and reload the page when it is finished.
(function () {
  "use strict";
  var box = document.getElementById("export-status");
  if (!box) { return; }
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        document.getElementById("export-progress").value = data.progress_percent;
        document.getElementById("export-percent").textContent = data.progress_percent + " %";
        if (data.status === "done" || data.status === "failed") {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  if (box.dataset.final !== "true") { window.setTimeout(poll, 1000); }
})();
