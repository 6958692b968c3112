// EST reporting form: an optional map picker that fills latitude/longitude.
// Without JavaScript (or without Leaflet) the form still works: type the point or
// choose a neighbourhood or place instead.
(function () {
  "use strict";
  var box = document.getElementById("est-map-picker");
  var lat = document.getElementById("id_latitude");
  var lon = document.getElementById("id_longitude");
  if (!box || !lat || !lon || typeof window.L === "undefined") {
    if (box) { box.hidden = true; }
    return;
  }
  var centre = (box.getAttribute("data-centre") || "59.33,18.07").split(",").map(Number);
  var details = document.getElementById("est-point-details");
  var map = null;
  var marker = null;
  function setPoint(latlng) {
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    if (marker) { marker.setLatLng(latlng); } else { marker = window.L.marker(latlng).addTo(map); }
  }
  function init() {
    if (map) { map.invalidateSize(); return; }
    box.classList.add("sv-map-picker--active");
    map = window.L.map(box, { attributionControl: false }).setView(centre, 13);
    if (lat.value && lon.value) { setPoint({ lat: Number(lat.value), lng: Number(lon.value) }); }
    map.on("click", function (e) { setPoint(e.latlng); });
  }
  if (details) {
    details.addEventListener("toggle", function () { if (details.open) { init(); } });
    if (details.open) { init(); }
  } else {
    init();
  }
})();
