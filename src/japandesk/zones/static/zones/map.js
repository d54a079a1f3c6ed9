/* Zones on a Leaflet map: the bundled province outline, then each zone as its outline or a
   point. Reads the JSON that zones.geo.map_data writes into #zone-map-data. Tiles are drawn only
   when the page names a tile URL (the JAPANDESK_MAP_TILES setting); the map works offline. */
(function () {
  "use strict";
  var element = document.getElementById("zone-map");
  var source = document.getElementById("zone-map-data");
  if (!element || !source || !window.L) { return; }
  var data = JSON.parse(source.textContent);
  var labels = data.labels || {};
  var colours = { ez: "#6f42c1", ip: "#0b5ed7", cluster: "#146c43" };
  var map = L.map(element, { scrollWheelZoom: false, attributionControl: Boolean(data.tiles) });
  map.setView([21.2, 107.3], 9);
  if (data.tiles) {
    L.tileLayer(data.tiles, { attribution: data.attribution || "", maxZoom: 18 }).addTo(map);
  }

  function popup(properties) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = properties.name;
    box.appendChild(title);
    var line = document.createElement("div");
    line.textContent = properties.kind_label + " · " + properties.status_label;
    box.appendChild(line);
    if (properties.available_ha !== undefined) {
      var land = document.createElement("div");
      land.textContent = labels.available + ": " + properties.available_ha +
        (properties.occupancy ? " · " + labels.occupancy + ": " + properties.occupancy : "");
      box.appendChild(land);
    }
    if (properties.japanese_standard) {
      var jp = document.createElement("div");
      jp.textContent = labels.japanese;
      box.appendChild(jp);
    }
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = labels.open;
    box.appendChild(link);
    return box;
  }

  var zones = L.geoJSON(data.zones, {
    style: function (feature) {
      var colour = colours[feature.properties.kind] || "#0b5ed7";
      return { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.25 };
    },
    pointToLayer: function (feature, latlng) {
      var colour = colours[feature.properties.kind] || "#0b5ed7";
      return L.circleMarker(latlng, {
        radius: feature.properties.kind === "ez" ? 11 : 7,
        color: "#fff", weight: 2, fillColor: colour, fillOpacity: feature.properties.kind === "ez" ? 0.45 : 0.9
      });
    },
    onEachFeature: function (feature, layer) {
      layer.bindPopup(popup(feature.properties));
      layer.bindTooltip(feature.properties.name);
    }
  });

  function frame(outline) {
    var count = data.zones.features.length;
    if (count > 1) {
      map.fitBounds(zones.getBounds().pad(0.15));
    } else if (count === 1) {
      var bounds = zones.getBounds();
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
        map.setView(bounds.getCenter(), 10);
      } else {
        map.fitBounds(bounds.pad(0.3));
      }
    } else if (outline) {
      map.fitBounds(outline.getBounds());
    }
  }

  fetch(data.outline).then(function (response) { return response.json(); }).then(function (geojson) {
    var outline = L.geoJSON(geojson, {
      interactive: false,
      style: { color: "#6c757d", weight: 1, fillColor: "#dee2e6", fillOpacity: 0.6 }
    }).addTo(map);
    zones.addTo(map);
    frame(outline);
  }).catch(function () {
    zones.addTo(map);
    frame(null);
  });
})();
