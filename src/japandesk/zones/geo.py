"""Zones on a map: GeoJSON features for the staff map and the public portal's map.

The map draws a bundled outline of the province (static/zones/quang-ninh.geojson, an
approximation) so that it works without any tile server; tiles are added only when the
JAPANDESK_MAP_TILES setting names a tile URL.
"""

from django.conf import settings
from django.templatetags.static import static

from japandesk.core import formatting
from japandesk.zones.choices import ZoneKind, ZoneStatus

OUTLINE_FILE = "zones/quang-ninh.geojson"


def feature(zone, land, url: str) -> dict | None:
    if zone.outline:
        geometry = zone.outline
    elif zone.has_point:
        geometry = {"type": "Point", "coordinates": [float(zone.longitude), float(zone.latitude)]}
    else:
        return None
    properties = {
        "code": zone.code,
        "name": zone.display_name,
        "kind": zone.kind,
        "kind_label": str(ZoneKind(zone.kind).label),
        "status": zone.status,
        "status_label": str(ZoneStatus(zone.status).label),
        "japanese_standard": zone.japanese_standard,
        "url": url,
    }
    if zone.has_point:
        properties["point"] = [float(zone.latitude), float(zone.longitude)]
    if land is not None:
        properties["available_ha"] = formatting.number(land.available_ha, 0)
        properties["occupancy"] = formatting.percent(land.occupancy) if land.occupancy is not None else ""
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def map_data(zones, land: dict, url_for, labels: dict) -> dict:
    """What the map script reads (json_script): the outline's URL, optional tiles and the zones."""
    features = [f for f in (feature(z, land.get(z.pk), url_for(z)) for z in zones) if f is not None]
    return {
        "outline": static(OUTLINE_FILE),
        "tiles": getattr(settings, "JAPANDESK_MAP_TILES", ""),
        "attribution": getattr(settings, "JAPANDESK_MAP_ATTRIBUTION", ""),
        "zones": {"type": "FeatureCollection", "features": features},
        "labels": {key: str(value) for key, value in labels.items()},
    }
