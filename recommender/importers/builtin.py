"""Registers the importers that ship with Grapevine, in the order the app's import menu lists them."""

from __future__ import annotations

from recommender.importers.csv_import import import_csv
from recommender.importers.json_import import import_json
from recommender.importers.osm_import import OSM_PATTERNS, import_osm
from recommender.importers.registry import ImporterSpec, register
from recommender.importers.takeout_import import import_takeout
from recommender.importers.vcard_import import import_vcard
from recommender.importers.yelp_import import import_yelp

register(ImporterSpec("json", "Grapevine directory file", ("*.json", "*.jsonl"), import_json))
register(ImporterSpec("csv", "Spreadsheet of vendors (CSV)", ("*.csv",), import_csv))
register(ImporterSpec("vcard", "Contacts (vCard, jCard, xCard)", ("*.vcf", "*.vcard", "*.json", "*.xml"), import_vcard))
register(ImporterSpec("yelp", "Yelp business listings", ("*.json", "*.jsonl", "*.csv"), import_yelp))
register(ImporterSpec("osm", "OpenStreetMap extract", OSM_PATTERNS, import_osm))
register(ImporterSpec("takeout", "Google Maps saved places (Takeout)", ("*.json", "*.geojson"), import_takeout))
