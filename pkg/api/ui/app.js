// newsmon researcher page: plain JavaScript, no build step. State lives in the URL (?view=…&q=…),
// so links are shareable and the back button works. Everything from the server is inserted as
// text nodes or attribute values: nothing ever reaches innerHTML, and the page's
// Content-Security-Policy forbids inline script and style besides.
"use strict";

// Repeatable filters (all must hold), then single-valued ones, as /api/search takes them.
const FILTERS = ["person", "org", "place", "region", "event", "event_type", "source", "lang", "currency", "tag"];
const RANGES = ["from", "to", "mentions_from", "mentions_to", "min_usd", "max_usd", "near"];
const FILTER_LABELS = {
  q: "words", person: "person", org: "organisation", place: "place", region: "region", event: "event",
  event_type: "event type", source: "source", lang: "language", currency: "currency", from: "published from",
  to: "published to", mentions_from: "mentions dates from", mentions_to: "mentions dates to",
  min_usd: "sum ≥ US$", max_usd: "sum ≤ US$", near: "near (lat,lon,km)", speaker: "speaker", tag: "collection",
};
// [facet name in the API, heading, URL parameter it filters by]
const FACETS = [
  ["person", "People", "person"], ["org", "Organisations", "org"], ["place", "Places", "place"],
  ["region", "Regions", "region"], ["country", "Countries", "region"], ["event", "Events", "event"],
  ["event_type", "Event types", "event_type"], ["source", "Sources", "source"], ["lang", "Languages", "lang"],
  ["currency", "Currencies", "currency"], ["tag", "Source collections", "tag"],
];
// Tag keys of the sources to compare across on the Analyse page (/api/compare?by=).
const ACROSS = [["country", "countries"], ["language", "languages"], ["kind", "kinds of outlet"], ["collection", "collections"]];
const FACET_SHOWN = 6; // per facet before "more"
const PAGE_SIZE = 20;
const main = document.getElementById("main");
const announcer = document.getElementById("announce");
const pageLoaded = Date.now();
const firings = []; // live alert events, newest first
let unseenFirings = 0;
let statusTimer = null;
let renderToken = 0; // bumps on every route, so late answers for an old view are dropped

// ---------- DOM helpers (text only) ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  return append(node, children);
}
function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  setAttrs(node, attrs);
  return append(node, children);
}
function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "class") node.setAttribute("class", v);
    else if (k === "value" && "value" in node) node.value = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
}
function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
function render(...children) { main.replaceChildren(...children.flat().filter(Boolean)); }
function announce(text) { announcer.textContent = text; }
function plural(n, word, many) { return `${Number(n).toLocaleString()} ${n === 1 ? word : many || word + "s"}`; }
function fmtDate(s) {
  if (!s) return "";
  const d = new Date(s);
  return isNaN(d) ? s : d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}
function fmtAgo(s) {
  const t = new Date(s).getTime();
  if (!s || isNaN(t) || t <= 0) return "never";
  const sec = Math.round((Date.now() - t) / 1000);
  if (sec < 5) return "just now";
  if (sec < 120) return `${sec} s ago`;
  if (sec < 7200) return `${Math.round(sec / 60)} min ago`;
  return fmtDate(s) + " " + new Date(t).toLocaleTimeString();
}
function errorBox(err) { return el("p", { class: "error", role: "alert" }, String(err.message || err)); }
function activate(fn) { // Enter or Space on a focusable non-button element
  return e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); fn(e); } };
}

// roving makes a group of SVG marks one tab stop: Tab reaches the first (or the last one used),
// arrow keys move between them, Home and End jump to the ends.
function roving(items) {
  items.forEach((it, i) => {
    it.setAttribute("tabindex", i === 0 ? "0" : "-1");
    it.addEventListener("keydown", e => {
      const j = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
      if (j === undefined || j < 0 || j >= items.length) return;
      e.preventDefault();
      it.setAttribute("tabindex", "-1");
      items[j].setAttribute("tabindex", "0");
      items[j].focus();
    });
  });
  return items;
}

// decodeEntities undoes the HTML escaping of a highlight fragment without any HTML parser.
function decodeEntities(s) {
  const named = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0" };
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === "#") {
      const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });
}

// highlighted turns a backend fragment ("…<mark>word</mark>…", HTML-escaped) into text nodes and
// <mark> elements. Any other tag stays visible as text: it can only have come from the article.
function highlighted(fragment) {
  const out = [];
  let inMark = false;
  for (const p of wordCut(String(fragment)).split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(p)) { inMark = true; continue; }
    if (/^<\/mark>$/i.test(p)) { inMark = false; continue; }
    if (!p) continue;
    const text = decodeEntities(p.replace(/\s+/g, " "));
    out.push(inMark ? el("mark", {}, text) : text);
  }
  return out;
}

// wordCut drops the part-words at the ends of a fragment the backend cut out of the text ("…ent
// in the third quarter … the airpor…"), so a snippet starts and ends at word boundaries. A
// part-word that is highlighted stays.
function wordCut(fragment) {
  return fragment.replace(/^(\s*…)[^\s<…]+\s+(?=\S)/, "$1").replace(/(\S)\s+[^\s>…]+…(\s*)$/, "$1…$2");
}

// csvLink is a link that downloads rows (the first is the header) as CSV made in the page, for
// the charts whose numbers no API serves as CSV. Text cells are defused against spreadsheet
// formulas as the server's CSV is.
function csvLink(name, rows, label) {
  const cell = v => {
    let t = v === null || v === undefined ? "" : String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(t)) t = "'" + t;
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const text = rows.map(r => r.map(cell).join(",")).join("\r\n") + "\r\n";
  return el("a", { class: "button csv", href: "data:text/csv;charset=utf-8," + encodeURIComponent(text), download: name + ".csv" }, label || "CSV");
}

// api fetches JSON. When the server asks for a token (401), the page asks the user once, logs in
// (POST /api/login sets an HttpOnly cookie, which also covers the live-alert stream and exports)
// and retries.
async function api(path, opts, retried) {
  const res = await fetch(path, opts);
  if (res.status === 401 && !retried && path !== "/api/login") {
    const token = window.prompt("This newsmon needs an API token for that. Token:");
    if (token) {
      const login = await fetch("/api/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
      if (login.ok) return api(path, opts, true);
    }
  }
  const type = res.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) throw new Error((body && body.error) || `${res.status} ${res.statusText}`);
  return body;
}
function postJSON(path, method, v) {
  return api(path, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(v) });
}

// ---------- URL state ----------

function state() { return new URLSearchParams(location.search); }
function go(params, replace) {
  const qs = params.toString();
  const url = "/" + (qs ? "?" + qs : "");
  if (url === location.pathname + location.search) replace = true;
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  route({ focus: !replace });
}
function filterParams(p) {
  const out = new URLSearchParams();
  for (const k of ["q", ...FILTERS, ...RANGES, "sort", "interval"]) for (const v of p.getAll(k)) if (v) out.append(k, v);
  return out;
}
function sameValue(a, b) { return String(a).toLowerCase() === String(b).toLowerCase(); }
function hasFilter(p, kind, value) { return p.getAll(kind).some(v => sameValue(v, value)); }
// toggleFilter adds kind=value to the search, or removes it when it is already there.
function toggleFilter(kind, value) {
  const p = state();
  const view = p.get("view");
  if (view !== "search" && view !== null) { p.set("view", "search"); }
  p.delete("page"); p.delete("id");
  if (hasFilter(p, kind, value)) {
    const rest = p.getAll(kind).filter(v => !sameValue(v, value));
    p.delete(kind); rest.forEach(v => p.append(kind, v));
  } else {
    p.append(kind, value);
  }
  return p;
}
function withFilter(kind, value) {
  const p = filterParams(state());
  p.set("view", "search");
  if (!hasFilter(p, kind, value)) p.append(kind, value);
  return p;
}
function link(params, ...children) {
  const href = "/?" + params.toString();
  return el("a", { href, onclick: e => { if (e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey) { e.preventDefault(); go(params); } } }, ...children);
}
function articleLink(id, ...children) {
  const p = filterParams(state()); p.set("view", "article"); p.set("id", id);
  return link(p, ...children);
}

// ---------- router ----------

const TITLES = { search: "Search", article: "Article", quotes: "Quotes", alerts: "Alerts", status: "Crawl status", analyse: "Analyse", entity: "Entity" };

function route(opts) {
  const p = state();
  const view = p.get("view") || (p.get("id") ? "article" : "search");
  renderToken++;
  document.getElementById("q").value = view === "quotes" ? "" : (p.get("q") || "");
  for (const a of document.querySelectorAll(".tabs a")) {
    if (a.dataset.view === view || (view === "article" && a.dataset.view === "search") || (view === "entity" && a.dataset.view === "analyse")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  document.title = (p.get("q") && view === "search" ? `“${p.get("q")}” · ` : "") + (TITLES[view] || "Search") + " · newsmon";
  clearInterval(statusTimer);
  if (view === "alerts") { unseenFirings = 0; updateBadge(); }
  const views = { search: searchView, article: articleView, quotes: quotesView, alerts: alertsView, status: statusView, analyse: analyseView, entity: entityView };
  const token = renderToken;
  (views[view] || searchView)(p, token).catch(err => {
    if (stale(token)) return;
    main.removeAttribute("aria-busy");
    render(errorBox(err), el("p", {}, el("button", { type: "button", onclick: () => history.back() }, "← Go back"), " ",
      link(new URLSearchParams({ view }), "Start this view afresh")));
  });
  if (opts && opts.focus && view !== "search") main.focus({ preventScroll: true });
  if (opts && opts.focus) window.scrollTo(0, 0);
}
function stale(token) { return token !== renderToken; }

// ---------- search ----------

async function searchView(p, token) {
  const fp = filterParams(p);
  const page = Math.max(1, parseInt(p.get("page") || "1", 10) || 1);
  const sp = new URLSearchParams(fp); sp.set("page", page); sp.set("size", PAGE_SIZE);
  if (!main.querySelector(".results, .layout")) render(el("p", { class: "empty" }, "Searching…"));
  main.setAttribute("aria-busy", "true");
  const res = await api("/api/search?" + sp);
  if (stale(token)) return;
  main.removeAttribute("aria-busy");
  const interval = ["day", "week", "month"].includes(p.get("interval")) ? p.get("interval") : "day";

  const tp = new URLSearchParams(fp); tp.set("interval", interval);
  const timeline = el("section", { class: "panel timeline", "aria-labelledby": "timeline-h" },
    el("div", { class: "head" }, el("h2", { id: "timeline-h" }, "Articles over time"), el("div", { class: "actions" },
      el("label", {}, "per ", el("select", { id: "interval", onchange: e => { const q = state(); q.set("interval", e.target.value); go(q, true); } },
        ["day", "week", "month"].map(i => el("option", { value: i, selected: i === interval }, i)))),
      downloadLink("/api/timeline", tp, { format: "csv" }, "CSV"))),
    el("p", { class: "meta" }, "Loading…"));
  const map = el("section", { class: "panel map", "aria-labelledby": "map-h" },
    el("div", { class: "head" }, el("h2", { id: "map-h" }, "Places mentioned")), el("p", { class: "meta" }, "Loading…"));

  const exportLink = format => {
    const e = new URLSearchParams(fp); e.set("format", format);
    return el("a", { class: "button", href: "/api/export?" + e, download: "" }, "Export " + format.toUpperCase());
  };
  const toolbar = el("div", { class: "toolbar" },
    el("p", { class: "count", id: "result-count" }, plural(res.total, "article")),
    el("div", { class: "actions" },
      el("label", {}, "Sort ", el("select", { id: "sort", onchange: e => { const q = state(); e.target.value ? q.set("sort", e.target.value) : q.delete("sort"); q.delete("page"); go(q); } },
        el("option", { value: "", selected: !p.get("sort") }, fp.get("q") ? "best match" : "newest"),
        el("option", { value: "relevance", selected: p.get("sort") === "relevance" }, "relevance"),
        el("option", { value: "date", selected: p.get("sort") === "date" }, "newest"))),
      exportLink("csv"), exportLink("jsonl"), link(inView(fp, "analyse"), "Analyse")));
  const list = res.hits.length
    ? el("ol", { class: "results", start: (page - 1) * PAGE_SIZE + 1, "aria-labelledby": "result-count" }, res.hits.map(resultItem))
    : el("p", { class: "empty" }, "No articles match. Remove a filter or change the words.");
  const pages = Math.ceil(res.total / PAGE_SIZE);
  const pager = pages > 1 ? el("nav", { class: "pager", "aria-label": "Pages" },
    page > 1 ? link(withPage(p, page - 1), "← Previous") : null,
    el("span", {}, `Page ${page} of ${pages}`),
    page < pages && page * PAGE_SIZE < 10000 ? link(withPage(p, page + 1), "Next →") : null) : null;

  const wide = window.matchMedia("(min-width: 801px)").matches;
  const side = el("details", { class: "side panel filters", open: wide || null },
    el("summary", {}, "Filters"),
    el("div", { class: "filter-body" }, savedPanel(p), rangeFilters(p), facetLists(res.facets || {}, p)));
  render(el("div", { class: "layout" }, side,
    el("section", { class: "results-col", "aria-label": "Results" }, activeChips(p),
      el("div", { class: "charts" }, timeline, map), toolbar, list, pager)));
  announce(plural(res.total, "article") + " found");
  watchForNew(fp, res.total, token);

  api("/api/timeline?" + tp).then(tl => {
    if (!stale(token)) timeline.replaceChildren(timeline.firstChild, timelineChart(tl.buckets || [], interval));
  }).catch(err => timeline.replaceChildren(timeline.firstChild, errorBox(err)));
  api("/api/geo?" + fp).then(geo => {
    if (stale(token)) return;
    map.firstChild.append(geoCSV(geo));
    map.replaceChildren(map.firstChild, worldMap(geo));
  }).catch(err => map.replaceChildren(map.firstChild, errorBox(err)));
}

// geoCSV is the map's numbers as CSV: each place, where it is, and its articles and mentions.
function geoCSV(geo) {
  return csvLink("places", [["name", "feature", "admin1", "country", "country_code", "lat", "lon", "articles", "mentions"],
    ...(geo.places || []).map(pl => [pl.name, pl.feature, pl.admin1, pl.country, pl.country_code, pl.lat, pl.lon, pl.count, pl.mentions])]);
}

// watchForNew checks every 20 s whether more articles match now than when the results were
// drawn (the crawl goes on), and offers to show them; the check stops with the view.
function watchForNew(fp, total, token) {
  const cp = new URLSearchParams(fp); cp.set("size", "0"); cp.set("facets", "-1");
  statusTimer = setInterval(async () => {
    if (stale(token)) { clearInterval(statusTimer); return; }
    try {
      const now = await api("/api/search?" + cp);
      if (stale(token) || now.total <= total || document.getElementById("new-results")) return;
      const n = now.total - total;
      const note = el("div", { id: "new-results", class: "notice", role: "status" },
        `${plural(n, "new article")} match${n === 1 ? "es" : ""} since this page was drawn. `,
        el("button", { type: "button", class: "primary", onclick: () => route({ focus: false }) }, "Show them"));
      const list = main.querySelector(".toolbar");
      if (list) list.before(note);
    } catch (_) { /* the next check may work */ }
  }, 20000);
}

function withPage(p, n) { const q = new URLSearchParams(p); q.set("page", n); return q; }

function activeChips(p) {
  const chips = [];
  for (const k of ["q", ...FILTERS, ...RANGES]) {
    for (const v of p.getAll(k)) {
      if (!v) continue;
      chips.push(el("li", {}, el("button", {
        class: "chip active", type: "button", "aria-label": `Remove filter ${FILTER_LABELS[k]}: ${v}`,
        onclick: () => {
          const q = state(); const rest = q.getAll(k).filter(x => x !== v);
          q.delete(k); rest.forEach(x => q.append(k, x)); q.delete("page"); go(q);
        },
      }, el("span", { class: "k" }, FILTER_LABELS[k]), el("span", {}, k === "q" ? `“${v}”` : v), el("span", { class: "x", "aria-hidden": "true" }, "×"))));
    }
  }
  if (!chips.length) return null;
  chips.push(el("li", {}, el("button", { type: "button", class: "chip clear", onclick: () => { const q = new URLSearchParams(); const iv = state().get("interval"); if (iv) q.set("interval", iv); go(q); } }, "Clear all")));
  return el("ul", { class: "chips active-filters", "aria-label": "Active filters" }, chips);
}

function facetLists(facets, p) {
  const out = [];
  for (const [name, label, param] of FACETS) {
    const buckets = facets[name] || [];
    if (!buckets.length) continue;
    const items = buckets.map((b, i) => {
      const on = hasFilter(p, param, b.key);
      return el("li", { class: i >= FACET_SHOWN ? "extra" : null }, el("button", {
        type: "button", "aria-pressed": on ? "true" : "false",
        title: on ? `Remove filter ${param}: ${b.key}` : `Filter by ${param}: ${b.key}`,
        onclick: () => go(toggleFilter(param, b.key)),
      }, el("span", { class: "key" }, b.key), el("span", { class: "n" }, b.count)));
    });
    const ul = el("ul", { class: "facet collapsed", "aria-labelledby": "facet-" + name }, items);
    out.push(el("section", { class: "facet-group", "data-facet": name }, el("h3", { id: "facet-" + name }, label), ul,
      buckets.length > FACET_SHOWN ? el("button", { type: "button", class: "more", "aria-expanded": "false", onclick: e => {
        const open = ul.classList.toggle("collapsed") === false;
        e.target.setAttribute("aria-expanded", String(open));
        e.target.textContent = open ? "fewer" : `${buckets.length - FACET_SHOWN} more`;
      } }, `${buckets.length - FACET_SHOWN} more`) : null));
  }
  if (!out.length) out.push(el("p", { class: "meta" }, "No facets for this result."));
  return out;
}

// rangeFilters is the form for the single-valued filters: published dates, dates the articles
// mention, and the size of their largest sum of money.
function rangeFilters(p) {
  const field = (name, label, type, placeholder, extra) => {
    const input = el("input", Object.assign({ type, id: "f-" + name, name, value: p.get(name) || "", placeholder }, extra || {}));
    return { name, input, label: el("label", { for: "f-" + name }, label, input) };
  };
  const published = [field("from", "From", "date"), field("to", "To", "date")];
  published.forEach(f => { f.input.value = (p.get(f.name) || "").slice(0, 10); });
  const mentioned = [field("mentions_from", "From", "text", "2023-10 or 2023-Q3"), field("mentions_to", "To", "text", "2024")];
  const usd = [field("min_usd", "At least", "number", "1e9", { min: 0, step: "any", inputmode: "decimal" }),
    field("max_usd", "At most", "number", "", { min: 0, step: "any", inputmode: "decimal" })];
  const all = [...published, ...mentioned, ...usd];
  return el("form", { class: "dates", "aria-label": "Date and money filters", onsubmit: e => {
    e.preventDefault();
    const q = state(); q.set("view", "search"); q.delete("page");
    for (const f of all) { const v = f.input.value.trim(); v ? q.set(f.name, v) : q.delete(f.name); }
    go(q);
  } },
  el("h3", { id: "dates-h" }, "Published"), el("div", { class: "date-row" }, published.map(f => f.label)),
  el("details", { class: "more-filters", open: mentioned.concat(usd).some(f => f.input.value) || null },
    el("summary", {}, "Mentioned dates, money"),
    el("h3", {}, "Dates mentioned in the text"), el("div", { class: "date-row" }, mentioned.map(f => f.label)),
    el("h3", {}, "Largest sum, in US dollars"), el("div", { class: "date-row" }, usd.map(f => f.label))),
  el("button", { type: "submit" }, "Apply"));
}

function resultItem(hit) {
  const hl = hit.highlight || {};
  const frag = (hl.text || hl.body || hl.quotes || [])[0];
  const titleFrag = (hl.title || [])[0];
  const snippet = frag ? highlighted(frag) : (hit.lead || "");
  const top = topEntities(hit, 8);
  return el("li", { class: "result" },
    el("h3", {}, articleLink(hit.id, titleFrag ? highlighted(titleFrag) : (hit.title || hit.url))),
    el("p", { class: "meta" }, [hit.source, fmtDate(hit.published), hit.language].filter(Boolean).join(" · "), " · ",
      el("a", { href: hit.url, rel: "noopener noreferrer", target: "_blank" }, "original", el("span", { class: "sr-only" }, " (opens the publisher's page)"))),
    snippet ? el("p", { class: "snippet" }, snippet) : null,
    top.length ? el("ul", { class: "chips", "aria-label": "Top entities" }, top.map(e => el("li", {}, el("button", {
      type: "button", class: "chip " + e.type, title: `Filter by ${e.param}: ${e.name}`,
      "aria-label": `Filter by ${e.param}: ${e.name}`,
      onclick: () => go(withFilter(e.param, e.name)),
    }, e.name)))) : null);
}

function topEntities(a, n) {
  const params = { PERSON: "person", ORG: "org", PLACE: "place", EVENT: "event" };
  const seen = new Set();
  const out = [];
  for (const p of a.places || []) {
    if (seen.has("PLACE" + p.name)) continue;
    seen.add("PLACE" + p.name);
    out.push({ type: "PLACE", name: p.name, count: (p.mentions || []).length || 1, param: "region" });
  }
  for (const e of a.entities || []) {
    if (!params[e.type] || seen.has(e.type + e.name)) continue;
    seen.add(e.type + e.name);
    out.push({ type: e.type, name: e.name, count: e.count || 1, param: params[e.type] });
  }
  return out.sort((x, y) => y.count - x.count).slice(0, n);
}

// ---------- saved searches ----------

// Saved searches live in this browser (localStorage): a name and the page's URL state, so a
// saved comparison comes back with its queries, filters and options.
const SAVED_KEY = "newsmon.saved";
const SAVED_MAX = 50;
function loadSaved() {
  try {
    const list = JSON.parse(localStorage.getItem(SAVED_KEY) || "[]");
    return Array.isArray(list) ? list.filter(x => x && typeof x.name === "string" && typeof x.url === "string") : [];
  } catch (_) { return []; }
}
function storeSaved(list) {
  try { localStorage.setItem(SAVED_KEY, JSON.stringify(list.slice(0, SAVED_MAX))); return true; } catch (_) { return false; }
}
function savedName(p) { return [p.get("q") || "all articles", ...p.getAll("vs")].map(q => `“${q}”`).join(" vs ") + (p.get("view") === "analyse" ? " (analysis)" : ""); }

// savedPanel lists the saved searches and saves the one shown (p) under a name.
function savedPanel(p, cls) {
  const here = new URLSearchParams(p); here.delete("page");
  const box = el("section", { class: "saved " + (cls || ""), "aria-labelledby": "saved-h" });
  const draw = note => {
    const list = loadSaved();
    const name = el("input", { type: "text", id: "saved-name", placeholder: savedName(p), "aria-label": "Name for this search" });
    box.replaceChildren();
    append(box, [el("h3", { id: "saved-h" }, "Saved searches"),
      list.length ? el("ul", { class: "saved-list" }, list.map((sv, i) => el("li", {}, link(new URLSearchParams(sv.url), sv.name),
        el("button", { type: "button", class: "chip clear", "aria-label": `Forget the saved search ${sv.name}`, onclick: () => {
          list.splice(i, 1); storeSaved(list); draw();
        } }, "×")))) : el("p", { class: "meta" }, "None yet."),
      el("form", { class: "saved-form", onsubmit: e => {
        e.preventDefault();
        const n = name.value.trim() || savedName(p);
        const ok = storeSaved([{ name: n, url: here.toString() }, ...list.filter(sv => sv.name !== n)]);
        draw(ok ? `Saved as “${n}”.` : "This browser does not let the page save.");
      } }, name, el("button", { type: "submit" }, "Save this search")),
      note ? el("p", { class: "meta", role: "status" }, note) : null]);
  };
  draw();
  return box;
}

// ---------- timeline ----------

// fillBuckets adds the empty days (weeks, months) between the first and the last bucket, so the
// chart's x axis is time and not just the buckets that happen to have articles.
function fillBuckets(buckets, interval) {
  if (buckets.length < 2) return buckets;
  const byKey = new Map(buckets.map(b => [b.key, b]));
  const out = [];
  const d = new Date(buckets[0].key + "T00:00:00Z");
  const last = new Date(buckets[buckets.length - 1].key + "T00:00:00Z");
  for (let i = 0; d <= last && i < 2000; i++) {
    const key = d.toISOString().slice(0, 10);
    out.push(byKey.get(key) || { key, count: 0, total: 0, share: 0 });
    if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
    else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 1);
  }
  return out.length >= buckets.length ? out : buckets;
}

// timelineChart draws articles per period; with share set, each bar is the query's share of all
// articles in the same sources and period (the buckets of /api/timeline?normalize=share). scale,
// when given, is the value of a full-height bar, so that charts compared side by side agree.
// Each period is one full-height target: hovering or focusing it shows its value, selecting it
// shows its articles. The y axis has round ticks; the x axis labels the ends and the middle.
function timelineChart(raw, interval, share, scale) {
  if (!raw.length) return el("p", { class: "meta" }, "No dated articles.");
  const buckets = fillBuckets(raw, interval);
  const H = 120, top = 8;
  const value = share ? b => b.share || 0 : b => b.count;
  const peak = Math.max(...buckets.map(value), share ? 0.0001 : 1);
  const yTicks = niceTicks(scale || peak, !share);
  const max = yTicks[yTicks.length - 1];
  // Tick labels keep the digits a small share needs (0.05%, not 0%).
  const fmt = share ? v => (100 * v).toLocaleString(undefined, { maximumSignificantDigits: 2 }) + "%" : v => v.toLocaleString();
  const y = v => H - (H - top) * v / max;
  const slot = 100 / buckets.length;
  const bw = Math.min(slot * 0.8, 8); // percent of the width; a lone bar stays a bar
  const tip = el("div", { class: "tip", hidden: true, "aria-hidden": "true" });
  const show = (label, i) => {
    tip.textContent = label;
    tip.hidden = false;
    tip.style.left = `${(i + 0.5) * slot}%`; // CSSOM, which the page's policy allows
    tip.classList.toggle("end", i > buckets.length / 2);
  };
  const hide = () => { tip.hidden = true; };
  const slots = buckets.map((b, i) => {
    const h = b.count ? Math.max(2, (H - top) * value(b) / max) : 0;
    const label = share ? `${bucketLabel(b.key, interval)}: ${pct(b.share || 0)} (${b.count} of ${plural(b.total || 0, "article")})`
      : `${bucketLabel(b.key, interval)}: ${plural(b.count, "article")}`;
    const open = () => filterBucket(b.key, interval);
    return svg("g", {
      class: "slot" + (b.count ? "" : " zero"), "data-key": b.key, "data-value": value(b),
      role: b.count ? "button" : null, "aria-label": b.count ? label + ". Show them." : null,
      onclick: b.count ? open : null, onkeydown: b.count ? activate(open) : null,
      onmouseenter: () => show(label, i), onmouseleave: hide, onfocus: () => show(label, i), onblur: hide,
    }, svg("title", {}, label),
    svg("rect", { class: "hit", x: `${i * slot}%`, y: 0, width: `${slot}%`, height: H }),
    svg("rect", { class: "bar", x: `${i * slot + (slot - bw) / 2}%`, y: H - h, width: `${bw}%`, height: h }));
  });
  roving(slots.filter(g => g.getAttribute("role") === "button"));
  const grid = yTicks.map(v => svg("line", { class: v ? "grid" : "base", x1: 0, x2: "100%", y1: y(v) - (v ? 0 : 0.5), y2: y(v) - (v ? 0 : 0.5) }));
  const yAxis = el("div", { class: "yaxis meta", "aria-hidden": "true" }, yTicks.map(v => {
    const s = el("span", {}, fmt(v));
    s.style.top = `${y(v)}px`;
    return s;
  }));
  const xTicks = [0, Math.floor((buckets.length - 1) / 2), buckets.length - 1].filter((v, i, a) => a.indexOf(v) === i);
  const xAxis = el("div", { class: "axis meta", "aria-hidden": "true" }, xTicks.map((i, n) => {
    const s = el("span", { class: xTicks.length === 1 ? "mid" : ["first", "mid", "last"][n === xTicks.length - 1 ? 2 : n] }, bucketLabel(buckets[i].key, interval));
    s.style.left = `${(i + 0.5) * slot}%`;
    return s;
  }));
  return el("div", { class: "timechart" },
    el("div", { class: "plot" }, yAxis,
      el("div", { class: "plot-area" },
        svg("svg", { class: "chart", height: H, role: "group", "aria-label": `${share ? "Share of all articles" : "Articles"} per ${interval}, peak ${share ? pct(peak) : peak}; arrow keys move between bars` },
          grid, slots),
        tip, xAxis)),
    el("p", { class: "meta" }, share
      ? `Share of all articles in the same sources and period; peak ${pct(peak)} in a ${interval}. Select a bar to show that ${interval}.`
      : `${plural(raw.reduce((s, b) => s + b.count, 0), "dated article")}, peak ${peak} per ${interval}. Select a bar to show that ${interval}.`));
}

// niceTicks are the y axis' ticks: 0 up to the first round value at or above max, in 2 to 5
// equal round steps (whole numbers when integers is set).
function niceTicks(max, integers) {
  const rough = max / 4;
  const mag = Math.pow(10, Math.floor(Math.log10(rough)));
  let step = [1, 2, 5, 10].map(m => m * mag).find(s => s >= rough);
  if (integers) step = Math.max(1, Math.ceil(step));
  const n = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: n + 1 }, (_, i) => +(i * step).toPrecision(12));
}
function pct(x) { return (100 * x).toLocaleString(undefined, { maximumFractionDigits: x < 0.1 ? 1 : 0 }) + "%"; }

function bucketLabel(key, interval) {
  const d = new Date(key + "T00:00:00Z");
  if (isNaN(d)) return key;
  if (interval === "month") return d.toLocaleDateString(undefined, { year: "numeric", month: "short", timeZone: "UTC" });
  const s = d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  return interval === "week" ? "week of " + s : s;
}

function filterBucket(key, interval) {
  const start = new Date(key + "T00:00:00Z");
  const end = new Date(start);
  if (interval === "week") end.setUTCDate(end.getUTCDate() + 6);
  else if (interval === "month") { end.setUTCMonth(end.getUTCMonth() + 1); end.setUTCDate(0); }
  const q = state(); q.set("view", "search"); q.delete("page");
  q.set("from", key); q.set("to", end.toISOString().slice(0, 10));
  go(q);
}

// ---------- analyse ----------

// entityLink opens the page of one entity (id as /api/entities takes it), keeping the filters.
function entityLink(id, ...children) {
  const p = filterParams(state()); p.set("view", "entity"); p.set("id", id);
  return link(p, ...children);
}
// downloadLink is a link to download url with the params plus extra ({format: "csv"}).
function downloadLink(url, params, extra, label) {
  const q = new URLSearchParams(params);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return el("a", { class: "button", href: url + "?" + q, download: "" }, label);
}
function inView(params, view) { const q = new URLSearchParams(params); q.set("view", view); return q; }
function panel(id, title, ...children) {
  return el("section", { class: "panel", "aria-labelledby": id }, el("div", { class: "head" }, el("h2", { id }, title)), ...children);
}
// fill replaces a panel's body (all but its heading) once the answer is in.
function fill(box, token, promise, draw) {
  box.append(el("p", { class: "meta" }, "Loading…"));
  promise.then(v => { if (!stale(token)) box.replaceChildren(box.firstChild, ...[draw(v)].flat().filter(Boolean)); })
    .catch(err => { if (!stale(token)) box.replaceChildren(box.firstChild, errorBox(err)); });
}

// analyseView characterises the articles the filters select: attention over time as counts or as
// a share of all articles, the words that set them apart, who and where they name (with the share
// of the articles), who is named with whom, and who is quoted naming whom. Every panel's numbers
// download as CSV (the networks as GEXF and GraphML too).
async function analyseView(p, token) {
  const fp = filterParams(p);
  const interval = ["day", "week", "month"].includes(p.get("interval")) ? p.get("interval") : "week";
  const share = p.get("normalize") === "share";
  const setParam = (k, v) => { const q = state(); v ? q.set(k, v) : q.delete(k); go(q, true); };

  const tp = new URLSearchParams(fp); tp.set("interval", interval); if (share) tp.set("normalize", "share");
  const time = panel("an-time", "Attention over time");
  time.firstChild.append(el("div", { class: "actions" },
    el("label", {}, "per ", el("select", { id: "interval", onchange: e => setParam("interval", e.target.value) },
      ["day", "week", "month"].map(i => el("option", { value: i, selected: i === interval }, i)))),
    el("label", {}, el("input", { type: "checkbox", id: "share", checked: share || null, onchange: e => setParam("normalize", e.target.checked ? "share" : "") }),
      " as a share of all articles"),
    downloadLink("/api/timeline", tp, { format: "csv" }, "CSV")));
  fill(time, token, api("/api/timeline?" + tp), tl => [
    share ? el("p", { class: "meta" }, `${plural(tl.total, "article")} of ${tl.background_total.toLocaleString()} in the same sources and period: ${pct(tl.share)}.`) : null,
    timelineChart(tl.buckets || [], interval, share)]);

  const terms = panel("an-terms", "Words that set these articles apart");
  terms.firstChild.append(downloadLink("/api/terms", fp, { format: "csv", size: "50" }, "CSV"));
  fill(terms, token, api("/api/terms?size=30&" + fp), res => res.terms.length ? [
    el("ol", { class: "terms" }, res.terms.map(t => {
      const q = filterParams(state()); q.set("view", "search"); q.set("q", ((q.get("q") || "") + " " + t.term).trim());
      return el("li", {}, link(q, t.term), " ", el("span", { class: "n", title: `in ${t.count} of the ${res.sampled} articles read; in ${t.background} of all ${res.background_total}` },
        `${t.count}/${res.sampled} · ${t.background}/${res.background_total}`));
    })),
    el("p", { class: "meta" }, `Significant terms (JLH) of the ${plural(res.sampled, "best-ranked article")} of ${res.total.toLocaleString()} against all ${res.background_total.toLocaleString()}: in how many of those, and of all, each word is.`)]
    : el("p", { class: "meta" }, "No word stands out (too few articles?)."));

  const who = panel("an-who", "Who and where");
  who.firstChild.append(downloadLink("/api/facets", fp, { format: "csv", size: "50" }, "CSV"));
  fill(who, token, api("/api/facets?size=10&facet=person,org,place,source,lang&" + fp), res => el("div", { class: "share-grid" },
    [["person", "People"], ["org", "Organisations"], ["place", "Places"], ["source", "Sources"], ["lang", "Languages"]].map(([name, label]) => {
      const items = res.facets[name] || [];
      return el("section", { class: "share-list" }, el("h3", {}, label), items.length ? el("ul", { class: "facet" }, items.map(b =>
        el("li", { class: "share-item" }, b.id ? entityLink(b.id, b.key) : link(withFilter(name, b.key), b.key),
          el("span", { class: "n" }, `${b.count} · ${pct(b.share)}`),
          el("meter", { min: 0, max: 1, value: b.share, "aria-label": `${pct(b.share)} of the articles` }))))
        : el("p", { class: "meta" }, "None."));
    })));

  const net = panel("an-net", "Who is named with whom");
  const quoted = panel("an-quoted", "Who is quoted, naming whom");
  for (const [box, kind] of [[net, "mentions"], [quoted, "quotes"]]) {
    const np = new URLSearchParams(fp); np.set("kind", kind);
    if (kind === "quotes") np.set("types", "person,org,place");
    box.firstChild.append(el("div", { class: "actions" }, ["gexf", "graphml", "csv"].map(f =>
      downloadLink("/api/network", np, { format: f }, f.toUpperCase()))));
    fill(box, token, api("/api/network?" + np), g => drawNetwork(g));
  }

  render(el("h1", { class: "sr-only" }, "Analyse"), activeChips(p),
    el("p", { class: "meta" }, "The articles the search and filters select, characterised. ", link(inView(fp, "search"), "Back to the articles")),
    el("div", { class: "analysis" }, savedPanel(p, "panel"), time, comparePanel(p, fp, interval, share, token), acrossPanel(p, fp, interval, share, token),
      terms, who, net, quoted));
}

// acrossPanel compares the search across collections of sources (?by=country: one series per
// country of the sources, /api/compare), as counts or as each collection's share, on one scale.
function acrossPanel(p, fp, interval, share, token) {
  const by = ACROSS.some(([k]) => k === p.get("by")) ? p.get("by") : "";
  const setBy = v => { const q = state(); v ? q.set("by", v) : q.delete("by"); go(q, true); };
  const box = panel("an-across", "Compare across sources");
  const cp = new URLSearchParams(fp); cp.set("interval", interval); cp.set("by", by);
  box.firstChild.append(el("div", { class: "actions" },
    el("label", {}, "across ", el("select", { id: "across", onchange: e => setBy(e.target.value) },
      el("option", { value: "" }, "—"), ACROSS.map(([k, label]) => el("option", { value: k, selected: k === by }, label)))),
    by ? downloadLink("/api/compare", cp, { format: "csv" }, "CSV") : null));
  if (!by) {
    box.append(el("p", { class: "meta" }, "Choose what to compare across: this search in each country's (language's, …) sources, as a share of all their articles."));
    return box;
  }
  fill(box, token, api("/api/compare?" + cp), res => {
    if (!res.series.length) return el("p", { class: "meta" }, `No ${by} tags on the sources of these articles (see tags: in the pipeline file).`);
    const value = share ? b => b.share || 0 : b => b.count;
    const scale = Math.max(...res.series.flatMap(s => s.buckets.map(value)), share ? 0.0001 : 1);
    // One time axis for all: each series runs from the first period of any to the last.
    const keys = res.series.flatMap(s => s.buckets.map(b => b.key)).sort();
    const ends = [keys[0], keys[keys.length - 1]].filter(Boolean).map(key => ({ key, count: 0, total: 0, share: 0 }));
    const span = buckets => [...ends.filter(e => !buckets.some(b => b.key === e.key)), ...buckets].sort((x, y) => x.key < y.key ? -1 : 1);
    return res.series.map(s => el("section", { class: "compare-row" },
      el("h3", {}, link(withFilter("tag", s.tag), `${by} ${s.key}`), " ", el("span", { class: "meta" },
        `${plural(s.total, "article")} · ${pct(s.share)} of ${s.background_total.toLocaleString()} in these sources`)),
      timelineChart(span(s.buckets), interval, share, scale)));
  });
  return box;
}

const COMPARE_SAMPLES = 3; // top stories shown under each compared query

// comparePanel sets the search's words beside up to five other queries (?vs=…, each with the
// same filters), as counts or shares per period on one scale, each downloadable as CSV, with its
// top stories.
function comparePanel(p, fp, interval, share, token) {
  const others = p.getAll("vs").filter(Boolean).slice(0, 5);
  const box = panel("an-compare", "Compare");
  const input = el("input", { type: "search", id: "vs-new", placeholder: "other words, e.g. Kenya OR Nairobi", "aria-label": "Words to compare with" });
  const form = el("form", { class: "compare-form", onsubmit: e => {
    e.preventDefault();
    const v = input.value.trim();
    if (!v || others.length >= 5) return;
    const q = state(); q.append("vs", v); go(q);
  } }, input, el("button", { type: "submit", disabled: others.length >= 5 || null }, "Add"));
  box.append(form);
  if (!others.length) {
    box.append(el("p", { class: "meta" }, "Add up to five queries to set beside this one; each keeps the filters above."));
    return box;
  }
  const queries = [fp.get("q") || "", ...others];
  const rows = el("div", { class: "compare" }, el("p", { class: "meta" }, "Loading…"));
  box.append(rows);
  Promise.all(queries.map(words => {
    const tp = new URLSearchParams(fp); words ? tp.set("q", words) : tp.delete("q");
    tp.set("interval", interval); if (share) tp.set("normalize", "share");
    const sp = new URLSearchParams(fp); words ? sp.set("q", words) : sp.delete("q");
    sp.set("size", COMPARE_SAMPLES); sp.set("facets", "-1");
    return Promise.all([api("/api/timeline?" + tp), api("/api/search?" + sp)]).then(([tl, res]) => ({ words, tp, tl, hits: res.hits || [] }));
  })).then(series => {
    if (stale(token)) return;
    // One time axis and one scale for all.
    const keys = series.flatMap(s => s.tl.buckets.map(b => b.key)).sort();
    const first = keys[0], last = keys[keys.length - 1];
    const value = share ? b => b.share || 0 : b => b.count;
    const scale = Math.max(...series.flatMap(s => s.tl.buckets.map(value)), share ? 0.0001 : 1);
    rows.replaceChildren(...series.map((s, i) => {
      const b = s.tl.buckets.slice();
      if (first && (!b.length || b[0].key !== first)) b.unshift({ key: first, count: 0, total: 0, share: 0 });
      if (last && b[b.length - 1].key !== last) b.push({ key: last, count: 0, total: 0, share: 0 });
      const remove = i ? el("button", { type: "button", class: "chip clear", "aria-label": `Stop comparing “${s.words}”`, onclick: () => {
        const q = state(); const rest = q.getAll("vs").filter(v => v !== s.words); q.delete("vs"); rest.forEach(v => q.append("vs", v)); go(q, true);
      } }, "×") : null;
      return el("section", { class: "compare-row" },
        el("h3", {}, s.words ? `“${s.words}”` : "all articles", " ", el("span", { class: "meta" }, plural(s.tl.total, "article"),
          share && s.tl.background_total ? ` · ${pct(s.tl.share)} of ${s.tl.background_total.toLocaleString()}` : ""), " ",
          downloadLink("/api/timeline", s.tp, { format: "csv" }, "CSV"), remove),
        timelineChart(b, interval, share, scale),
        s.hits.length ? el("ul", { class: "samples", "aria-label": `Top stories for ${s.words || "all articles"}` }, s.hits.map(h => el("li", {},
          articleLink(h.id, h.title || h.url), el("span", { class: "meta" }, " · " + [h.source, fmtDate(h.published)].filter(Boolean).join(" · "))))) : null);
    }));
  }).catch(err => { if (!stale(token)) rows.replaceChildren(errorBox(err)); });
  return box;
}

function drawNetwork(g) {
  const byId = new Map(g.nodes.map(n => [n.id, n]));
  const name = id => { const n = byId.get(id); return entityLink(id, n ? n.name : id); };
  const arrow = g.directed ? " → " : " — ";
  const list = g.kind === "quotes"
    ? el("ul", { class: "facet" }, g.nodes.filter(n => n.quotes).slice(0, 15).map(n => el("li", { class: "share-item" }, name(n.id),
      el("span", { class: "n" }, plural(n.quotes, "quote")),
      el("span", { class: "meta" }, g.edges.filter(e => e.source === n.id).slice(0, 5).map(e => byId.get(e.target)?.name || e.target).join(", ")))))
    : el("ul", { class: "facet" }, g.edges.slice(0, 15).map(e => el("li", { class: "share-item" }, el("span", {}, name(e.source), arrow, name(e.target)),
      el("span", { class: "n" }, plural(e.weight, "article")))));
  return [...(g.nodes.length ? [networkGraph(g), list] : [el("p", { class: "meta" }, "Nobody to show.")]), el("p", { class: "meta" }, g.note + ".")];
}

const GRAPH_NODES = 24;

// networkGraph draws the heaviest part of a network: the nodes of its heaviest edges, placed by a
// short force layout (edges pull, nodes push apart) that starts from a circle, so the same
// network is always drawn the same way. Line width is the edge's weight, circle size the node's
// articles; a node opens its entity's page.
function networkGraph(g) {
  const W = 600, H = 360;
  const ids = [];
  for (const e of g.edges) for (const id of [e.source, e.target]) if (!ids.includes(id) && ids.length < GRAPH_NODES) ids.push(id);
  const byId = new Map(g.nodes.map(n => [n.id, n]));
  const nodes = ids.map((id, i) => ({ id, n: byId.get(id) || { name: id, count: 1 },
    x: W / 2 + W / 3 * Math.cos(2 * Math.PI * i / ids.length), y: H / 2 + H / 3 * Math.sin(2 * Math.PI * i / ids.length) }));
  const at = new Map(nodes.map(n => [n.id, n]));
  const edges = g.edges.filter(e => at.has(e.source) && at.has(e.target) && e.source !== e.target);
  // Fruchterman–Reingold with a pull to the middle, so that parts not linked to the rest stay
  // on the canvas, and edges pulling less at well-linked nodes, so that the names of an article's
  // cluster do not pile up; moves are force × 0.02, at most a cooling 30 units a step.
  for (const a of nodes) a.deg = Math.max(1, edges.filter(e => e.source === a.id || e.target === a.id).length);
  const k = Math.sqrt(W * H / Math.max(1, nodes.length)) * 0.6, steps = 300;
  for (let step = 0; step < steps; step++) {
    const heat = 30 * (1 - step / steps) + 0.5;
    for (const a of nodes) { a.dx = (W / 2 - a.x) * 1.5; a.dy = (H / 2 - a.y) * 1.5 * W / H; }
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.hypot(dx, dy));
      a.dx += dx / d * k * k / d; a.dy += dy / d * k * k / d;
    }
    for (const e of edges) {
      const a = at.get(e.source), b = at.get(e.target);
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.hypot(dx, dy)), f = d * d / k / Math.sqrt(Math.max(a.deg, b.deg));
      a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
    }
    for (const a of nodes) {
      const d = Math.max(1e-9, Math.hypot(a.dx, a.dy)), m = Math.min(d * 0.02, heat);
      a.x = Math.min(W - 40, Math.max(40, a.x + a.dx / d * m));
      a.y = Math.min(H - 20, Math.max(20, a.y + a.dy / d * m));
    }
  }
  const maxW = Math.max(1, ...edges.map(e => e.weight));
  const maxC = Math.max(1, ...nodes.map(a => a.n.count || 1));
  const open = id => { const p = filterParams(state()); p.set("view", "entity"); p.set("id", id); go(p); };
  return svg("svg", { class: "graph", viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": `Graph of ${plural(nodes.length, "name")} and ${plural(edges.length, "link")}` },
    edges.map(e => svg("line", { x1: at.get(e.source).x.toFixed(1), y1: at.get(e.source).y.toFixed(1), x2: at.get(e.target).x.toFixed(1), y2: at.get(e.target).y.toFixed(1),
      "stroke-width": (1 + 5 * e.weight / maxW).toFixed(1) }, svg("title", {}, `${at.get(e.source).n.name}${g.directed ? " → " : " — "}${at.get(e.target).n.name}: ${e.weight}`))),
    roving(nodes.map(a => svg("g", { class: "node " + (a.n.type || ""), role: "link", "aria-label": `${a.n.name}: ${plural(a.n.count || 0, "article")}`,
      onclick: () => open(a.id), onkeydown: activate(() => open(a.id)) },
    svg("circle", { cx: a.x.toFixed(1), cy: a.y.toFixed(1), r: (5 + 9 * Math.sqrt((a.n.count || 1) / maxC)).toFixed(1) }),
    svg("text", { x: (a.x + 8).toFixed(1), y: (a.y - 8).toFixed(1) }, a.n.name)))));
}

async function entityView(p, token) {
  const id = p.get("id") || "";
  const fp = filterParams(p);
  const interval = ["day", "week", "month"].includes(p.get("interval")) ? p.get("interval") : "week";
  const ep = new URLSearchParams(fp); ep.set("interval", interval);
  render(el("p", { class: "empty" }, "Loading…"));
  const e = await api("/api/entities/" + encodeURIComponent(id) + "?" + ep);
  if (stale(token)) return;
  document.title = e.name + " · newsmon";
  const slug = e.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-");
  const param = { PERSON: "person", ORG: "org", PLACE: "place", EVENT: "event" }[e.type];
  const counted = xs => xs.map(x => `${x.text} (${x.count})`).join(" · ");
  const related = (label, items) => el("section", { class: "share-list" }, el("h3", {}, label), items && items.length
    ? el("ul", { class: "facet" }, items.map(r => el("li", { class: "share-item" }, r.id ? entityLink(r.id, r.name) : link(withFilter("source", r.name), r.name),
      el("span", { class: "n" }, `${r.count} · ${pct(r.share)}`))))
    : el("p", { class: "meta" }, "None."));
  const quoteList = qs => qs.length ? qs.map(q => el("blockquote", {}, q.direct ? `“${q.text}”` : q.text,
    el("footer", { class: "meta" }, q.speaker ? q.speaker + " · " : "", articleLink(q.article_id, q.title || q.url), q.source ? " · " + q.source : "", q.published ? " · " + fmtDate(q.published) : "")))
    : el("p", { class: "meta" }, "None found.");
  render(activeChips(p),
    el("section", { class: "panel" }, el("h1", {}, e.name, " ", el("span", { class: "chip " + e.type }, e.type.toLowerCase())),
      el("p", {}, link(withFilter(param, e.name), plural(e.total, "article")), " name it",
        e.roles.length ? el("span", {}, " · described as ", counted(e.roles)) : null),
      e.variants.length ? el("p", { class: "meta" }, "Written as: ", counted(e.variants)) : null),
    el("section", { class: "panel timeline", "aria-labelledby": "ent-time" }, el("div", { class: "head" }, el("h2", { id: "ent-time" }, "Articles over time"),
      el("div", { class: "actions" }, el("label", {}, "per ", el("select", { id: "interval", onchange: ev => { const q = state(); q.set("interval", ev.target.value); go(q, true); } },
        ["day", "week", "month"].map(i => el("option", { value: i, selected: i === interval }, i)))),
      csvLink(slug + "-timeline", [["period", "articles"], ...e.timeline.map(b => [b.key, b.count])]))),
      timelineChart(e.timeline, interval)),
    el("section", { class: "panel", "aria-labelledby": "ent-related" }, el("div", { class: "head" }, el("h2", { id: "ent-related" }, "Named with it"),
      csvLink(slug + "-related", [["kind", "id", "name", "articles", "share"],
        ...[["person", e.related.person], ["org", e.related.org], ["place", e.related.place], ["source", e.sources]]
          .flatMap(([kind, xs]) => (xs || []).map(r => [kind, r.id || "", r.name, r.count, r.share]))])),
      el("div", { class: "share-grid" },
      related("People", e.related.person), related("Organisations", e.related.org), related("Places", e.related.place), related("Sources", e.sources))),
    el("section", { class: "panel" }, el("h2", {}, "What it said"), quoteList(e.quotes)),
    el("section", { class: "panel" }, el("h2", {}, "Quotes naming it"), quoteList(e.quotes_about)),
    el("p", { class: "meta" }, `Spellings, roles and quotes from the newest ${plural(e.sampled, "article")}; the rest from all of them.`));
  announce(e.name + ": " + plural(e.total, "article"));
}

// ---------- map ----------

// The world outline (static/world.svg, from Natural Earth via tools/worldmap) is equirectangular
// at ten units per degree: x = (lon+180)·10, y = (90−lat)·10. The view leaves out Antarctica.
const MAP_VIEW = { x: 0, y: 60, w: 3600, h: 1420 };

const MAP_MAX_ZOOM = 32;

// worldMap draws the places as circles at their own coordinates, sized by their articles, with
// the names of the biggest that fit. It zooms with its buttons, the mouse wheel or a double
// click, and pans by dragging; circles and names keep their size on screen, so zooming in pulls
// apart the places of one region.
function worldMap(geo, opts) {
  opts = opts || {};
  const places = (geo.places || []).filter(pl => Number.isFinite(pl.lat) && Number.isFinite(pl.lon) && (pl.lat || pl.lon));
  const max = Math.max(1, ...places.map(pl => pl.count));
  // Big circles first, so small ones stay on top and clickable.
  const marks = places.slice().sort((a, b) => b.count - a.count).map(pl => {
    const where = [pl.admin1 && pl.admin1 !== pl.name ? pl.admin1 : "", pl.country && pl.country !== pl.name ? pl.country : ""].filter(Boolean).join(", ");
    const label = `${pl.name}${where ? " (" + where + ")" : ""}: ${plural(pl.count, opts.unit || "article")}`;
    const x = (pl.lon + 180) * 10, y = (90 - pl.lat) * 10;
    const dot = svg("circle", {
      class: "dot " + (pl.feature || "other"), cx: x.toFixed(1), cy: y.toFixed(1), role: "button",
      "data-name": pl.name, "data-lat": pl.lat, "data-lon": pl.lon,
      "aria-label": label + ". Filter by this region.",
      onclick: () => { if (!dragged) go(withFilter("region", pl.name)); }, onkeydown: activate(() => go(withFilter("region", pl.name))),
    }, svg("title", {}, label));
    const name = svg("text", { class: "label", "aria-hidden": "true" }, pl.name);
    return { pl, x, y, r: 12 + 60 * Math.sqrt(pl.count / max), dot, name };
  });
  roving(marks.map(m => m.dot));
  const view = Object.assign({}, MAP_VIEW);
  const world = svg("svg", { class: "world", viewBox: "", role: "group", "aria-label": `Map of ${plural(places.length, "place")}; arrow keys move between them` },
    svg("image", { href: "/static/world.svg", x: 0, y: 0, width: 3600, height: 1800, preserveAspectRatio: "none" }),
    marks.map(m => m.dot), marks.slice().reverse().map(m => m.name));
  const zoomLevel = el("span", { class: "zoom-level meta", "aria-live": "polite" });
  // draw sets the view box and, for its zoom, the circles' radii and which names show: the
  // biggest places first, each only where it overlaps no name already placed.
  const draw = () => {
    const k = MAP_VIEW.w / view.w;
    const unitsPerPx = view.w / (world.clientWidth || 600); // until it is laid out: a guess
    world.setAttribute("viewBox", `${view.x.toFixed(1)} ${view.y.toFixed(1)} ${view.w.toFixed(1)} ${view.h.toFixed(1)}`);
    world.dataset.zoom = k.toFixed(2);
    zoomLevel.textContent = k > 1.01 ? `×${k < 10 ? k.toFixed(1) : Math.round(k)}` : "";
    const fs = 11 * unitsPerPx, placed = [];
    for (const m of marks) {
      const r = m.r / k;
      m.dot.setAttribute("r", r.toFixed(2));
      const box = { x: m.x + r + fs * 0.3, y: m.y - fs * 0.6, w: fs * 0.58 * m.pl.name.length, h: fs * 1.2 };
      const inView = m.x >= view.x && m.x <= view.x + view.w && m.y >= view.y && m.y <= view.y + view.h;
      const fits = inView && placed.length < 6 + 6 * k && !placed.some(o => box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h);
      m.name.toggleAttribute("hidden", !fits);
      if (!fits) continue;
      placed.push(box);
      m.name.setAttribute("x", box.x.toFixed(1));
      m.name.setAttribute("y", (m.y + fs * 0.35).toFixed(1));
      m.name.setAttribute("font-size", fs.toFixed(2));
      m.name.setAttribute("stroke-width", (fs * 0.2).toFixed(2));
    }
  };
  // zoom multiplies the zoom by f around the map point (cx, cy), keeping the view on the map.
  const zoom = (f, cx, cy) => {
    const k = Math.min(MAP_MAX_ZOOM, Math.max(1, (MAP_VIEW.w / view.w) * f));
    const w = MAP_VIEW.w / k, h = MAP_VIEW.h / k;
    cx = cx ?? view.x + view.w / 2; cy = cy ?? view.y + view.h / 2;
    view.x = cx - (cx - view.x) * w / view.w; view.y = cy - (cy - view.y) * h / view.h;
    view.w = w; view.h = h;
    pan(0, 0);
  };
  const pan = (dx, dy) => {
    view.x = Math.min(MAP_VIEW.x + MAP_VIEW.w - view.w, Math.max(MAP_VIEW.x, view.x + dx));
    view.y = Math.min(MAP_VIEW.y + MAP_VIEW.h - view.h, Math.max(MAP_VIEW.y, view.y + dy));
    draw();
  };
  const toMap = e => { // a pointer's place in map units
    const b = world.getBoundingClientRect();
    return [view.x + (e.clientX - b.left) / b.width * view.w, view.y + (e.clientY - b.top) / b.height * view.h];
  };
  world.addEventListener("wheel", e => { e.preventDefault(); zoom(e.deltaY < 0 ? 1.25 : 0.8, ...toMap(e)); }, { passive: false });
  world.addEventListener("dblclick", e => { e.preventDefault(); zoom(2, ...toMap(e)); });
  let drag = null, dragged = false;
  world.addEventListener("pointerdown", e => { if (e.button === 0) { drag = { x: e.clientX, y: e.clientY }; dragged = false; } });
  world.addEventListener("pointermove", e => {
    if (!drag || (!dragged && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 4)) return;
    if (!dragged) world.setPointerCapture(e.pointerId);
    dragged = true;
    const b = world.getBoundingClientRect();
    pan(-(e.clientX - drag.x) / b.width * view.w, -(e.clientY - drag.y) / b.height * view.h);
    drag = { x: e.clientX, y: e.clientY };
  });
  const endDrag = () => { drag = null; };
  world.addEventListener("pointerup", endDrag);
  world.addEventListener("pointercancel", endDrag);
  const tools = el("div", { class: "map-tools" },
    el("button", { type: "button", class: "zoom-in", "aria-label": "Zoom in", onclick: () => zoom(2) }, "+"),
    el("button", { type: "button", class: "zoom-out", "aria-label": "Zoom out", onclick: () => zoom(0.5) }, "−"),
    el("button", { type: "button", class: "zoom-fit", "aria-label": "Zoom to the places", onclick: () => fit() }, "Fit"),
    el("button", { type: "button", class: "zoom-reset", "aria-label": "Show the whole world", onclick: () => { Object.assign(view, MAP_VIEW); draw(); } }, "World"),
    zoomLevel);
  // fit zooms to the smallest view (of the map's shape) that holds every place.
  const fit = () => {
    if (!marks.length) return;
    const xs = marks.map(m => m.x), ys = marks.map(m => m.y), pad = 60;
    const w = Math.max(...xs) - Math.min(...xs) + 2 * pad, h = Math.max(...ys) - Math.min(...ys) + 2 * pad;
    const k = Math.min(MAP_MAX_ZOOM, Math.max(1, Math.min(MAP_VIEW.w / w, MAP_VIEW.h / h)));
    Object.assign(view, { w: MAP_VIEW.w / k, h: MAP_VIEW.h / k });
    view.x = (Math.max(...xs) + Math.min(...xs)) / 2 - view.w / 2;
    view.y = (Math.max(...ys) + Math.min(...ys)) / 2 - view.h / 2;
    pan(0, 0);
  };
  draw();
  // Names are sized in screen pixels, so they are placed again when the map's width changes
  // (first when it is laid out).
  if (window.ResizeObserver) {
    const watch = new ResizeObserver(() => { if (world.isConnected) draw(); else watch.disconnect(); });
    watch.observe(world);
  }
  const more = geo.scanned < geo.total ? ` (from the newest ${plural(geo.scanned, "article")} of ${geo.total.toLocaleString()})` : "";
  return el("div", { class: "map-box" }, el("div", { class: "map-frame" }, world, places.length ? tools : null),
    opts.caption === false ? null : el("p", { class: "meta" }, places.length ? `${plural(places.length, "place")}${more}; circle size is the number of articles. Select one to filter by it; zoom with the buttons, the wheel or a double click, drag to pan.` : "No resolved places in these articles."));
}

// ---------- article ----------

async function articleView(p, token) {
  const id = p.get("id");
  if (!id) return searchView(p, token);
  render(el("p", { class: "empty" }, "Loading…"));
  const a = await api("/api/articles/" + encodeURIComponent(id));
  if (stale(token)) return;
  document.title = (a.title || "Article") + " · newsmon";
  const back = filterParams(p); back.set("view", "search");
  const marks = annotate(a);
  render(el("div", { class: "article-layout" },
    el("article", { class: "article panel", "aria-labelledby": "article-title" },
      el("p", {}, link(back, "← Back to results")),
      el("h1", { id: "article-title" }, a.title || a.url),
      el("p", { class: "meta" }, [a.source, fmtDate(a.published), (a.authors || []).join(", "), a.language].filter(Boolean).join(" · "),
        " · ", el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "original")),
      legend(marks.counts),
      el("div", { class: "body", id: "article-body" }, marks.nodes)),
    el("aside", { class: "side", "aria-label": "What the article names" }, articleSide(a))));
  announce("Article loaded: " + (a.title || a.url));
}

const KINDS = [
  ["e-PERSON", "people"], ["e-ORG", "organisations"], ["e-PLACE", "places"], ["e-EVENT", "events"],
  ["money", "money"], ["date", "dates"], ["quote", "quotes"], ["speaker", "speakers"],
];
function legend(counts) {
  return el("ul", { class: "legend", "aria-label": "Highlight legend" },
    KINDS.filter(([cls]) => counts[cls]).map(([cls, label]) => el("li", {}, el("span", { class: cls }, label), " ", el("span", { class: "n" }, counts[cls]))));
}

// annotate renders the body with every span highlighted. Offsets are code points, so the text is
// split with Array.from; each code point gets the set of marks covering it, and runs with the same
// set become one element, which handles nesting and overlaps (an entity inside a quote).
function annotate(a) {
  const chars = Array.from(a.text || "");
  const marks = [];
  const counts = {};
  const add = (start, end, cls, title) => {
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= chars.length && start < end) {
      marks.push({ start, end, cls, title });
      counts[cls] = (counts[cls] || 0) + 1;
    }
  };
  const placeSpans = new Set();
  for (const pl of a.places || []) for (const m of pl.mentions || []) {
    placeSpans.add(m.start + ":" + m.end);
    add(m.start, m.end, "e-PLACE", `place: ${[pl.name, pl.admin1 !== pl.name ? pl.admin1 : "", pl.country !== pl.name ? pl.country : ""].filter(Boolean).join(", ")}`);
  }
  for (const e of a.entities || []) for (const m of e.mentions || []) {
    if (e.type === "PLACE" && placeSpans.has(m.start + ":" + m.end)) continue; // drawn as the resolved place
    add(m.start, m.end, "e-" + e.type, `${e.type.toLowerCase()}: ${e.name}${e.role ? " — " + e.role : ""}`);
  }
  for (const ev of a.events || []) for (const m of ev.mentions || []) add(m.start, m.end, "e-EVENT", `event: ${ev.name || ""}`);
  for (const m of a.money || []) add(m.start, m.end, "money", `money: ${Number(m.amount).toLocaleString()} ${m.currency}${m.approximate ? " (approx.)" : ""}`);
  for (const d of a.dates || []) add(d.start, d.end, "date", `date: ${d.value}`);
  for (const q of a.quotes || []) {
    add(q.start, q.end, "quote", `quote${q.speaker ? " by " + q.speaker : ""}${q.direct ? "" : " (reported)"}`);
    if (q.speaker_mention) add(q.speaker_mention.start, q.speaker_mention.end, "speaker", `speaker: ${q.speaker || ""}`);
  }
  const starts = new Map(), ends = new Map();
  marks.forEach((m, i) => {
    (starts.get(m.start) || starts.set(m.start, []).get(m.start)).push(i);
    (ends.get(m.end) || ends.set(m.end, []).get(m.end)).push(i);
  });
  const nodes = [];
  const open = new Set();
  let run = "";
  const flush = () => {
    if (!run) return;
    if (!open.size) nodes.push(run);
    else {
      const ms = [...open].map(i => marks[i]);
      nodes.push(el("span", { class: "hl " + [...new Set(ms.map(m => m.cls))].join(" "), title: [...new Set(ms.map(m => m.title))].join("\n") }, run));
    }
    run = "";
  };
  for (let i = 0; i <= chars.length; i++) {
    if (starts.has(i) || ends.has(i)) {
      flush();
      for (const m of ends.get(i) || []) open.delete(m);
      for (const m of starts.get(i) || []) open.add(m);
    }
    if (i < chars.length) run += chars[i];
  }
  flush();
  return { nodes, counts };
}

function sideSection(title, ...children) {
  const id = "side-" + title.toLowerCase().replace(/[^a-z]+/g, "-");
  return el("section", { class: "panel", "aria-labelledby": id }, el("h2", { id }, title), children);
}

function articleSide(a) {
  const groups = [["PERSON", "People", "person"], ["ORG", "Organisations", "org"], ["EVENT", "Events", "event"], ["MISC", "Other names", null]];
  const out = [];
  const resolvedSpans = new Set();
  for (const pl of a.places || []) for (const m of pl.mentions || []) resolvedSpans.add(m.start + ":" + m.end);
  if ((a.places || []).length) {
    const places = a.places.slice().sort((x, y) => (y.mentions || []).length - (x.mentions || []).length);
    const onMap = places.map(pl => Object.assign({}, pl, { count: Math.max(1, (pl.mentions || []).length) }));
    out.push(sideSection("Places", worldMap({ places: onMap, total: 0, scanned: 0 }, { unit: "mention", caption: false }), el("ul", { class: "side-list" }, places.map(pl => el("li", {},
      el("span", { class: "name" }, link(withFilter("region", pl.name), pl.name),
        el("span", { class: "meta" }, [pl.feature, pl.admin1 !== pl.name ? pl.admin1 : "", pl.country !== pl.name ? pl.country : ""].filter(Boolean).join(", "))),
      el("span", { class: "n", title: "mentions" }, "×" + Math.max(1, (pl.mentions || []).length)))))));
  }
  const unresolved = (a.entities || []).filter(e => e.type === "PLACE" && !(e.mentions || []).some(m => resolvedSpans.has(m.start + ":" + m.end)));
  if (unresolved.length) groups.splice(3, 0, ["PLACE-UNRESOLVED", "Unresolved places", "place"]);
  for (const [type, label, param] of groups) {
    const es = (type === "PLACE-UNRESOLVED" ? unresolved : (a.entities || []).filter(e => e.type === type))
      .slice().sort((x, y) => (y.count || 0) - (x.count || 0));
    if (!es.length) continue;
    out.push(sideSection(label, el("ul", { class: "side-list" }, es.map(e => el("li", {},
      el("span", { class: "name" }, param ? link(withFilter(param, e.name), e.name) : e.name, e.role ? el("span", { class: "meta" }, e.role) : null),
      el("span", { class: "n", title: "mentions" }, "×" + (e.count || (e.mentions || []).length)))))));
  }
  if ((a.money || []).length) {
    out.push(sideSection("Money", el("ul", { class: "side-list" },
      a.money.map(m => el("li", {}, el("span", { class: "name" }, m.text), el("span", { class: "meta" }, `${m.approximate ? "≈ " : ""}${Number(m.amount).toLocaleString()} ${m.currency}`))))));
  }
  if ((a.quotes || []).length) {
    out.push(sideSection("Quotes", a.quotes.map(q => el("blockquote", {}, q.direct ? `“${q.text}”` : q.text,
      el("footer", { class: "meta" }, "— ", q.speaker ? link(quotesBy(q.speaker), q.speaker) : "unattributed", q.direct ? "" : " (reported)", q.cue ? ` · ${q.cue}` : "")))));
  }
  return out;
}

function quotesBy(speaker) { const p = new URLSearchParams({ view: "quotes" }); p.set("speaker", speaker); return p; }

// ---------- quotes ----------

async function quotesView(p, token) {
  const speakers = el("datalist", { id: "speaker-options" });
  const speaker = el("input", { type: "text", id: "speaker", value: p.get("speaker") || "", placeholder: "e.g. Joachim Weiss", autocomplete: "off", list: "speaker-options" });
  api("/api/search?size=0&facets=100&facet=person").then(res => speakers.replaceChildren(...(res.facets.person || []).map(b => el("option", { value: b.key })))).catch(() => {});
  const words = el("input", { type: "search", id: "qwords", value: p.get("q") || "", placeholder: "about… (optional)" });
  const form = el("form", { class: "panel", role: "search", "aria-labelledby": "quotes-h", onsubmit: e => {
    e.preventDefault();
    const q = new URLSearchParams({ view: "quotes" });
    if (speaker.value.trim()) q.set("speaker", speaker.value.trim());
    if (words.value.trim()) q.set("q", words.value.trim());
    go(q);
  } }, el("h1", { id: "quotes-h" }, "What did they say?"),
  el("div", { class: "form-grid" }, el("label", { for: "speaker" }, "Speaker", speaker, speakers), el("label", { for: "qwords" }, "Words in the quote", words)),
  el("div", { class: "form-actions" }, el("button", { type: "submit", class: "primary" }, "Find quotes")));
  const qp = new URLSearchParams();
  for (const k of ["speaker", "q", ...FILTERS, ...RANGES]) for (const v of p.getAll(k)) if (v) qp.append(k, v);
  render(form, el("p", { class: "empty" }, "Loading quotes…"));
  const res = await api("/api/quotes?" + qp);
  if (stale(token)) return;
  const groups = new Map();
  for (const q of res.quotes) {
    const key = q.speaker || "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(q);
  }
  // Named speakers first, most quoted first; the unattributed last.
  const sorted = [...groups.entries()].sort((x, y) => (x[0] === "") - (y[0] === "") || y[1].length - x[1].length || x[0].localeCompare(y[0]));
  const named = sorted.filter(([who]) => who);
  const side = named.length > 1 ? el("nav", { class: "side panel", "aria-label": "Speakers" }, el("h2", {}, "Speakers"),
    el("ul", { class: "facet" }, named.map(([who, qs]) => el("li", {}, el("a", { class: "facet-link", href: "#" + speakerAnchor(who) }, el("span", { class: "key" }, who), el("span", { class: "n" }, qs.length)))))) : null;
  const groupsView = sorted.length ? sorted.map(([who, qs]) => el("section", { class: "quote-group panel", id: speakerAnchor(who), "aria-labelledby": speakerAnchor(who) + "-h" },
    el("h2", { id: speakerAnchor(who) + "-h" }, who || "Unattributed", " ", el("span", { class: "meta" }, `(${qs.length})`),
      who && !p.get("speaker") ? el("span", { class: "meta" }, " · ", link(quotesBy(who), "only this speaker")) : null),
    qs.map(q => el("blockquote", {}, q.direct ? `“${q.text}”` : q.text,
      el("footer", { class: "meta" }, q.cue ? q.cue + " · " : "", q.direct ? "" : "reported · ", articleLink(q.article_id, q.title || q.url), q.source ? " · " + q.source : "", q.published ? " · " + fmtDate(q.published) : "")))))
    : el("p", { class: "empty" }, "No quotes found.");
  render(form, el("p", { class: "meta", id: "quote-count" }, `${plural(res.total, "quote")} by ${plural(named.length, "speaker")}`),
    side ? el("div", { class: "layout" }, side, el("div", {}, groupsView)) : groupsView);
  announce(plural(res.total, "quote") + " found");
}
function speakerAnchor(who) { return "speaker-" + (who || "unattributed").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-"); }

// ---------- alerts ----------

function splitList(s) { return String(s || "").split(/[;,]/).map(x => x.trim()).filter(Boolean); }

async function alertsView(p, token) {
  let editing = null; // the rule being edited, or null for a new one
  const regions = [];
  const regionChips = el("ul", { class: "chips", "aria-label": "Chosen regions" });
  const drawRegions = () => regionChips.replaceChildren(...regions.map((r, i) => el("li", {},
    el("button", { type: "button", class: "chip PLACE", "aria-label": "Remove region " + r, onclick: () => { regions.splice(i, 1); drawRegions(); regionInput.focus(); } }, r, el("span", { class: "x", "aria-hidden": "true" }, "×")))));
  const datalist = el("datalist", { id: "place-options" });
  const regionInput = el("input", { type: "text", id: "r-region", list: "place-options", placeholder: "type 2+ letters, pick, Enter", autocomplete: "off", "aria-describedby": "r-region-help" });
  let acTimer = null;
  regionInput.addEventListener("input", () => {
    clearTimeout(acTimer);
    const prefix = regionInput.value.trim();
    if (prefix.length < 2) return;
    acTimer = setTimeout(async () => {
      try {
        const res = await api("/api/places?prefix=" + encodeURIComponent(prefix) + "&n=10");
        datalist.replaceChildren(...res.places.map(pl => el("option", { value: pl.name, label: [pl.name, pl.feature, pl.admin1, pl.country].filter(Boolean).join(" · ") })));
      } catch (_) { /* autocomplete is a convenience */ }
    }, 120);
  });
  const addRegion = () => { const v = regionInput.value.trim(); if (v && !regions.some(r => sameValue(r, v))) { regions.push(v); drawRegions(); } regionInput.value = ""; };
  regionInput.addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); addRegion(); } });
  regionInput.addEventListener("keypress", e => { if (e.key === "Enter") e.preventDefault(); }); // Enter here adds a region, never submits
  regionInput.addEventListener("change", () => { if (datalist.querySelector(`option[value="${CSS.escape(regionInput.value)}"]`)) addRegion(); });

  const input = (id, placeholder, extra) => el("input", Object.assign({ type: "text", id, placeholder }, extra || {}));
  const f = {
    name: input("r-name", "e.g. Jiangsu news", { required: true }),
    text: input("r-text", "words, \"a phrase\", -not, a OR b"),
    person: input("r-person", "comma-separated"), org: input("r-org", "comma-separated"),
    place: input("r-place", "exact place names"), event: input("r-event", "comma-separated"),
    source: input("r-source", "e.g. Euro Chronicle"), lang: input("r-lang", "e.g. en, fr"),
    min_count: input("r-min", "1", { type: "number", min: 1, max: 1000, inputmode: "numeric" }),
    mode: el("select", { id: "r-mode" }, el("option", { value: "" }, "every matching story"),
      el("option", { value: "first_in_window" }, "first story in a window"), el("option", { value: "digest" }, "a digest every interval"),
      el("option", { value: "surge" }, "a surge in attention")),
    window: input("r-window", "e.g. 7d"), interval: input("r-interval", "e.g. 1d"),
    factor: input("r-factor", "3", { type: "number", min: 1.1, max: 1000, step: "any", inputmode: "decimal" }),
    baseline: input("r-baseline", "7d"), min_articles: input("r-min-articles", "3", { type: "number", min: 1, inputmode: "numeric" }),
    webhook: input("r-webhook", "https://…", { type: "url" }), email: input("r-email", "comma-separated"),
    enabled: el("input", { type: "checkbox", id: "r-enabled", checked: true }),
  };
  const LISTS = ["person", "org", "place", "event", "source", "lang", "email"];
  const ruleFromForm = () => {
    if (regionInput.value.trim()) addRegion();
    const r = Object.assign({}, editing || {}, { name: f.name.value.trim(), text: f.text.value.trim(), region: regions.slice(), enabled: f.enabled.checked });
    for (const k of LISTS) r[k] = splitList(f[k].value);
    for (const k of ["mode", "window", "interval", "webhook", "baseline"]) r[k] = f[k].value.trim();
    r.min_count = parseInt(f.min_count.value, 10) || 0;
    // "Fire on a surge" is a rule of kind surge (no mode); its fields go only with it.
    const surge = r.mode === "surge";
    r.kind = surge ? "surge" : "";
    if (surge) r.mode = ""; else r.baseline = "";
    if (!surge && r.mode !== "first_in_window") r.window = ""; // hidden fields go only with their mode
    if (r.mode !== "digest") r.interval = "";
    r.factor = surge ? parseFloat(f.factor.value) || 0 : 0;
    r.min_articles = surge ? parseInt(f.min_articles.value, 10) || 0 : 0;
    delete r.created;
    // Leave out what is not set, so a server that predates a field still takes the rule.
    for (const [k, v] of Object.entries(r)) if (k !== "name" && (v === "" || v === 0 || (Array.isArray(v) && !v.length))) delete r[k];
    return r;
  };
  const fillForm = r => {
    editing = r;
    f.name.value = r.name || ""; f.text.value = r.text || "";
    for (const k of LISTS) f[k].value = (r[k] || []).join(", ");
    for (const k of ["mode", "window", "interval", "webhook", "baseline"]) f[k].value = r[k] || "";
    if (r.kind === "surge") f.mode.value = "surge";
    f.factor.value = r.factor || ""; f.min_articles.value = r.min_articles || "";
    f.min_count.value = r.min_count || "";
    f.enabled.checked = r.enabled !== false;
    regions.length = 0; regions.push(...(r.region || [])); drawRegions();
    heading.textContent = r.id ? `Edit rule “${r.name || r.id}”` : "New alert rule";
    submit.textContent = r.id ? "Save changes" : "Create rule";
    cancel.hidden = !r.id;
    syncMode();
  };
  const syncMode = () => {
    windowLabel.hidden = f.mode.value !== "first_in_window" && f.mode.value !== "surge";
    intervalLabel.hidden = f.mode.value !== "digest";
    for (const l of surgeLabels) l.hidden = f.mode.value !== "surge";
  };
  f.mode.addEventListener("change", syncMode);
  const msg = el("div", { role: "status", class: "form-msg" });
  const testOut = el("div", { class: "test-out", "aria-live": "polite" });
  const rulesBox = el("div", {}, "Loading rules…");
  const heading = el("h2", { id: "rule-form-h" }, "New alert rule");
  const submit = el("button", { type: "submit", class: "primary", id: "rule-submit" }, "Create rule");
  const cancel = el("button", { type: "button", hidden: true, onclick: () => { fillForm({}); msg.replaceChildren(); } }, "Cancel edit");
  const windowLabel = el("label", { for: "r-window", hidden: true }, "Window", f.window);
  const intervalLabel = el("label", { for: "r-interval", hidden: true }, "Digest interval", f.interval);
  const surgeLabels = [el("label", { for: "r-factor", hidden: true }, "Times the normal rate", f.factor),
    el("label", { for: "r-baseline", hidden: true }, "Normal rate measured over", f.baseline),
    el("label", { for: "r-min-articles", hidden: true }, "At least (articles in the window)", f.min_articles)];
  const form = el("form", { class: "panel rule-form", "aria-labelledby": "rule-form-h", onsubmit: async e => {
    e.preventDefault();
    const rule = ruleFromForm();
    try {
      const saved = editing && editing.id
        ? await postJSON("/api/alerts/" + encodeURIComponent(editing.id), "PUT", rule)
        : await postJSON("/api/alerts", "POST", rule);
      fillForm({}); testOut.replaceChildren();
      msg.replaceChildren(el("p", { class: "ok" }, `Rule “${saved.name || saved.id}” saved.`));
      await drawRules(rulesBox, fillForm, testOut);
    } catch (err) { msg.replaceChildren(errorBox(err)); }
  } },
  heading,
  el("p", { class: "meta" }, "All conditions must hold. A rule fires once per story, the moment a matching article is indexed."),
  el("div", { class: "form-grid" },
    el("label", { for: "r-name" }, "Name", f.name), el("label", { for: "r-text" }, "Words (search syntax)", f.text),
    el("div", { class: "region-field" }, el("label", { for: "r-region" }, "Region (and everything inside it)"), regionInput, datalist,
      el("span", { id: "r-region-help", class: "sr-only" }, "Suggestions come from the gazetteer; press Enter to add the region."), regionChips),
    el("label", { for: "r-person" }, "People", f.person), el("label", { for: "r-org" }, "Organisations", f.org),
    el("label", { for: "r-place" }, "Places (exactly)", f.place), el("label", { for: "r-event" }, "Events", f.event),
    el("label", { for: "r-source" }, "Sources", f.source), el("label", { for: "r-lang" }, "Languages", f.lang),
    el("label", { for: "r-min" }, "Mentioned at least (times)", f.min_count),
    el("label", { for: "r-mode" }, "Fire on", f.mode), windowLabel, intervalLabel, ...surgeLabels,
    el("label", { for: "r-webhook" }, "Webhook (optional)", f.webhook), el("label", { for: "r-email" }, "E-mail to (optional)", f.email),
    el("label", { for: "r-enabled", class: "inline" }, f.enabled, " Enabled")),
  el("div", { class: "form-actions" }, submit,
    el("button", { type: "button", id: "rule-test", onclick: () => testRule(ruleFromForm(), testOut) }, "Test against the index"), cancel),
  msg, testOut);

  const live = el("section", { class: "panel live", "aria-labelledby": "live-h" }, el("h2", { id: "live-h" }, "Live firings"),
    el("p", { class: "meta", id: "live-state" }, liveState()), el("div", { id: "firings", "aria-live": "polite", "aria-relevant": "additions" }));
  render(el("h1", { class: "sr-only" }, "Alerts"), el("div", { class: "alerts-layout" },
    el("div", {}, form, el("section", { class: "panel", "aria-labelledby": "rules-h" }, el("h2", { id: "rules-h" }, "Rules"), rulesBox)),
    live));
  drawFirings();
  await drawRules(rulesBox, fillForm, testOut);
}

async function testRule(rule, out) {
  out.replaceChildren(el("p", { class: "meta" }, "Testing…"));
  try {
    const res = await postJSON("/api/alerts/test", "POST", rule);
    const s = res.surge;
    out.replaceChildren(el("h3", {}, `${plural(res.total, "article")} in the index match now`),
      s ? el("p", { class: "meta" }, `In the window now: ${plural(s.recent, "article")}; normally ${s.baseline_rate.toFixed(1)}; ` +
        `a surge needs ${Math.ceil(s.threshold)}: ${s.surging ? "surging now" : "no surge now"}.`) : null,
      el("ul", { class: "test-hits" }, res.hits.map(h => el("li", {}, articleLink(h.id, h.title || h.url), " ",
        el("span", { class: "meta" }, [h.source, fmtDate(h.published), (h.reasons || []).join("; ")].filter(Boolean).join(" · "))))));
  } catch (err) { out.replaceChildren(errorBox(err)); }
}

function describeRule(r) {
  const parts = [];
  if (r.text) parts.push(`words “${r.text}”`);
  for (const k of FILTERS) if ((r[k] || []).length) parts.push(`${FILTER_LABELS[k]}: ${r[k].join(", ")}`);
  if (r.min_count > 1) parts.push(`at least ${r.min_count}×`);
  if (r.mode === "first_in_window") parts.push(`first in ${r.window}`);
  if (r.mode === "digest") parts.push(`digest every ${r.interval}`);
  if (r.kind === "surge") parts.push(`surge: ≥ ${r.factor}× the normal per ${r.window} (over ${r.baseline}), ≥ ${r.min_articles} articles`);
  if (r.webhook) parts.push("webhook");
  if ((r.email || []).length) parts.push("e-mail");
  return parts.join(" · ") || "everything";
}

async function drawRules(box, edit, testOut) {
  try {
    const res = await api("/api/alerts");
    if (!res.alerts.length) { box.replaceChildren(el("p", { class: "meta" }, "No rules yet.")); return; }
    box.replaceChildren(el("table", { class: "rules" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Rule"), el("th", { scope: "col" }, "Conditions"), el("th", { scope: "col" }, "On"), el("th", { scope: "col" }, el("span", { class: "sr-only" }, "Actions")))),
      el("tbody", {}, res.alerts.map(r => el("tr", { class: r.enabled ? "" : "rule-off", "data-rule": r.id },
        el("th", { scope: "row" }, r.name || r.id), el("td", {}, describeRule(r)),
        el("td", {}, el("input", { type: "checkbox", checked: r.enabled, "aria-label": "Enabled: " + (r.name || r.id), onchange: async e => {
          try { await postJSON("/api/alerts/" + encodeURIComponent(r.id), "PUT", { ...r, enabled: e.target.checked, created: undefined }); } catch (err) { box.prepend(errorBox(err)); }
          drawRules(box, edit, testOut);
        } })),
        el("td", {}, el("div", { class: "row-actions" },
          el("button", { type: "button", "aria-label": "Edit " + (r.name || r.id), onclick: () => { edit(r); document.getElementById("r-name").focus(); } }, "Edit"),
          el("button", { type: "button", "aria-label": "Test " + (r.name || r.id), onclick: () => testRule(r, testOut) }, "Test"),
          el("button", { type: "button", class: "danger", "aria-label": "Delete " + (r.name || r.id), onclick: async () => {
            if (!confirm(`Delete rule “${r.name || r.id}”?`)) return;
            try { await api("/api/alerts/" + encodeURIComponent(r.id), { method: "DELETE" }); } catch (err) { box.prepend(errorBox(err)); }
            drawRules(box, edit, testOut);
          } }, "Delete"))))))));
  } catch (err) { box.replaceChildren(errorBox(err)); }
}

function firingItem(ev, fresh) {
  const when = fmtAgo(ev.fired);
  if (ev.surge) {
    const s = ev.surge;
    return el("article", { class: "firing" + (fresh ? " new" : ""), "data-rule": ev.rule_id },
      el("h3", {}, ev.rule_name || ev.rule_id, el("span", { class: "meta" }, ` · surge: ${plural(s.recent, "article")} in ${s.window}, normally ${s.baseline_rate.toFixed(1)} · ${when}`)),
      el("ul", {}, (s.stories || []).map(it => el("li", {}, articleLink(it.article_id, it.title || it.url), el("span", { class: "meta" }, it.source ? " · " + it.source : "")))));
  }
  if ((ev.digest || []).length) {
    return el("article", { class: "firing" + (fresh ? " new" : ""), "data-rule": ev.rule_id },
      el("h3", {}, ev.rule_name || ev.rule_id, el("span", { class: "meta" }, ` · digest of ${plural(ev.digest.length + (ev.dropped || 0), "story")} · ${when}`)),
      el("ul", {}, ev.digest.map(it => el("li", {}, articleLink(it.article_id, it.title || it.url), el("span", { class: "meta" }, it.source ? " · " + it.source : "")))));
  }
  return el("article", { class: "firing" + (fresh ? " new" : ""), "data-rule": ev.rule_id },
    el("h3", {}, ev.rule_name || ev.rule_id, el("span", { class: "meta" }, " · " + when)),
    el("p", {}, articleLink(ev.article_id, ev.title || ev.url)),
    ev.snippet ? el("p", { class: "snippet" }, ev.snippet) : null,
    el("p", { class: "meta" }, [ev.source, ev.published ? fmtDate(ev.published) : "", (ev.reasons || []).join("; ")].filter(Boolean).join(" · ")));
}

function drawFirings(freshId) {
  const box = document.getElementById("firings");
  if (!box) return;
  box.replaceChildren(...(firings.length ? firings.slice(0, 100).map(ev => firingItem(ev, ev.id === freshId)) : [el("p", { class: "meta" }, "Waiting for alerts…")]));
}

function updateBadge() {
  const b = document.getElementById("alert-badge");
  b.hidden = unseenFirings === 0;
  b.textContent = unseenFirings > 99 ? "99+" : String(unseenFirings);
  b.setAttribute("aria-label", plural(unseenFirings, "new alert"));
}

let liveConnected = false;
function liveState() { return liveConnected ? "Connected: new firings appear here as articles are indexed." : "Connecting to the live stream…"; }
function setLive(on) {
  liveConnected = on;
  const s = document.getElementById("live-state");
  if (s) s.textContent = liveState();
}

// The stream holds one of the browser's few connections to this host while the page lives, so
// it is closed when the page is hidden for good or put in the back/forward cache, and opened
// again when the page comes back.
let alertStream = null;
function listenForAlerts() {
  if (!window.EventSource || alertStream) return;
  const es = new EventSource("/api/alerts/events?recent=20");
  alertStream = es;
  es.addEventListener("open", () => setLive(true));
  es.addEventListener("error", () => setLive(false));
  es.addEventListener("alert", msg => {
    let ev;
    try { ev = JSON.parse(msg.data); } catch (_) { return; }
    if (firings.some(x => x.id === ev.id)) return;
    firings.unshift(ev);
    firings.sort((a, b) => new Date(b.fired) - new Date(a.fired));
    if (firings.length > 200) firings.pop();
    const isNew = new Date(ev.fired).getTime() >= pageLoaded - 1000;
    if (isNew && (state().get("view") || "search") !== "alerts") { unseenFirings++; updateBadge(); }
    if (isNew) announce(`Alert “${ev.rule_name || ev.rule_id}”: ${ev.title || "digest"}`);
    drawFirings(isNew ? ev.id : null);
  });
}

// ---------- status ----------

async function statusView(p, token) {
  const box = el("div", {}, el("h1", {}, "Crawl status"), el("p", { class: "meta" }, "Loading…"));
  render(box);
  let prev = null; // the previous sample, for rates
  const draw = async () => {
    try {
      // The sources come a page at a time (100 by default), with a summary over all of them.
      const q = new URLSearchParams();
      for (const k of ["page", "state"]) if (p.get(k)) q.set(k, p.get(k));
      const [st, metrics] = await Promise.all([api("/api/status" + (q.size ? "?" + q : "")), api("/metrics").then(parseMetrics).catch(() => null)]);
      if (stale(token)) return;
      const now = Date.now();
      const sample = { at: now, st, metrics };
      box.replaceChildren(el("h1", {}, "Crawl status"),
        el("p", { class: "meta", role: "status" }, "Updated " + new Date(now).toLocaleTimeString() + " · refreshes every 3 s"),
        statusSummary(sample, prev), sourcesTable(sample, prev, p), queuesPanel(st.queues || {}), pipelinePanel(sample, prev));
      prev = sample;
    } catch (err) { if (!stale(token)) box.replaceChildren(el("h1", {}, "Crawl status"), errorBox(err)); }
  };
  await draw();
  if (!stale(token)) statusTimer = setInterval(draw, 3000);
}

// parseMetrics reads the Prometheus text format into {name: [{labels, value}]}.
function parseMetrics(text) {
  const out = {};
  for (const line of String(text).split("\n")) {
    if (!line || line[0] === "#") continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels = {};
    for (const l of (m[2] || "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    (out[m[1]] || (out[m[1]] = [])).push({ labels, value: parseFloat(m[3]) });
  }
  return out;
}
function metricSum(metrics, name, match) {
  if (!metrics || !metrics[name]) return null;
  return metrics[name].filter(s => Object.entries(match || {}).every(([k, v]) => s.labels[k] === v)).reduce((a, s) => a + s.value, 0);
}
function rate(now, before, pick) {
  if (!before) return null;
  const a = pick(now), b = pick(before);
  const dt = (now.at - before.at) / 1000;
  if (a === null || b === null || dt <= 0) return null;
  return Math.max(0, (a - b) / dt * 60);
}
function fmtRate(r) { return r === null ? "—" : `${r < 10 ? r.toFixed(1) : Math.round(r)}/min`; }

function statCard(label, value, sub, bad) {
  return el("div", { class: "stat" + (bad ? " bad" : "") }, el("div", { class: "v" }, value), el("div", { class: "l" }, label), sub ? el("div", { class: "meta" }, sub) : null);
}

// sourceTotals is the summary over every source: the server's sources_summary, or, from a server
// that sends every source at once, their sum.
function sourceTotals(st) {
  if (st.sources_summary) return st.sources_summary;
  const sources = st.sources || [];
  const out = { sources: sources.length, by_state: { error: sources.filter(s => s.last_error).length } };
  for (const k of ["fetched", "skipped", "failed"]) out[k] = sources.reduce((a, s) => a + (s[k] || 0), 0);
  return out;
}

function statusSummary(now, before) {
  const totals = sourceTotals(now.st);
  const sum = k => totals[k] || 0;
  const pending = Object.values(now.st.queues || {}).reduce((a, q) => a + (q.pending || 0) + (q.in_flight || 0), 0);
  const fetchedRate = rate(now, before, s => sourceTotals(s.st).fetched || 0);
  const indexed = metricSum(now.metrics, "newsmon_stage_messages_total", { stage: "index", result: "ok" });
  const fired = metricSum(now.metrics, "newsmon_alerts_fired_total");
  // What was lost or is stuck: dead-lettered articles and alert deliveries that did not arrive.
  // "All healthy" is said only when none of it, and no source error, is there.
  const f = now.st.failures || {};
  const dead = f.dead_letters || 0;
  const undelivered = f.deliveries ? (f.deliveries.failed || 0) + (f.deliveries.dropped || 0) : 0;
  const sourceErrors = (totals.by_state || {}).error || 0;
  const healthy = !sourceErrors && !dead && !undelivered && !sum("failed") && !(f.errors || []).length;
  const problems = [sourceErrors ? plural(sourceErrors, "source") + " with errors" : null,
    dead ? plural(dead, "dead letter") : null, undelivered ? plural(undelivered, "failed delivery", "failed deliveries") : null].filter(Boolean);
  return el("section", { class: "stats", "aria-label": "Summary" },
    statCard("sources", sum("sources").toLocaleString(), healthy ? "all healthy" : problems.join(" · ") || "see failures"),
    statCard("pages fetched", sum("fetched").toLocaleString(), fmtRate(fetchedRate)),
    statCard("pages failed", sum("failed").toLocaleString(), null),
    now.st.failures ? statCard("dead letters", dead.toLocaleString(), dead ? "articles a stage gave up on (kept with the reason)" : null, dead > 0) : null,
    f.deliveries ? statCard("failed deliveries", undelivered.toLocaleString(), undelivered ? `${(f.deliveries.failed || 0).toLocaleString()} failed, ${(f.deliveries.dropped || 0).toLocaleString()} dropped` : "webhooks and e-mail", undelivered > 0) : null,
    statCard("waiting in queues", pending.toLocaleString(), null),
    indexed !== null ? statCard("articles indexed", indexed.toLocaleString(), fmtRate(rate(now, before, s => metricSum(s.metrics, "newsmon_stage_messages_total", { stage: "index", result: "ok" })))) : null,
    fired !== null ? statCard("alerts fired", fired.toLocaleString(), null) : null);
}

function progress(done, total, label) {
  const pct = total > 0 ? Math.min(100, Math.round(100 * done / total)) : 0;
  const bar = el("span", { class: "fill" });
  bar.style.width = pct + "%"; // CSSOM, which the page's CSP allows (a style attribute it would not)
  return el("div", { class: "progress", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": pct, "aria-label": label },
    bar, el("span", { class: "t" }, total > 0 ? `${done.toLocaleString()} / ${total.toLocaleString()}` : "—"));
}

// sourcesPager moves through the pages of sources and filters them by state.
function sourcesPager(info, p) {
  const at = q => { const out = new URLSearchParams(); out.set("view", "status"); for (const [k, v] of Object.entries(q)) if (v) out.set(k, v); return out; };
  const state = p.get("state") || "";
  const states = [["", "all"], ["error", "with errors"], ["never_polled", "not polled yet"], ["ok", "fine"]];
  return el("nav", { class: "pager", "aria-label": "Source pages" },
    el("label", {}, "Show ", el("select", { onchange: e => go(at({ state: e.target.value })) },
      states.map(([v, label]) => el("option", { value: v, selected: v === state || null }, label)))),
    info.page > 1 ? link(at({ state, page: info.page - 1 }), "← Previous") : null,
    el("span", {}, `Page ${info.page} of ${Math.max(1, info.pages)} · ${plural(info.matching, "source")}`),
    info.page < info.pages ? link(at({ state, page: info.page + 1 }), "Next →") : null);
}

function sourcesTable(now, before, p) {
  const sources = now.st.sources || [];
  const info = now.st.sources_page;
  const pager = info && (info.pages > 1 || info.state) ? sourcesPager(info, p) : null;
  if (!sources.length) return el("section", { class: "panel" }, el("h2", {}, "Sources"), pager,
    el("p", { class: "meta" }, info && info.state ? "No source in this state." : "No crawl runs in this process (serve-only), or no sources configured."));
  const prevBy = new Map(((before && before.st.sources) || []).map(s => [s.name + "|" + s.url, s]));
  return el("section", { class: "panel", "aria-labelledby": "sources-h" }, el("h2", { id: "sources-h" }, "Sources"), pager,
    el("div", { class: "table-wrap" }, el("table", { class: "sources" },
      el("thead", {}, el("tr", {}, ["Source", "Progress", "Fetched", "Skipped", "Failed", "Rate", "Now", "Last poll", "Last error"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, sources.map(s => {
        const done = (s.fetched || 0) + (s.skipped || 0) + (s.failed || 0);
        const old = prevBy.get(s.name + "|" + s.url);
        const r = old ? rate({ at: now.at, s }, { at: before.at, s: old }, x => x.s.fetched || 0) : null;
        const err = s.last_error || s.last_article_error;
        return el("tr", { class: err ? "has-error" : "" },
          el("th", { scope: "row" }, el("div", {}, s.name), el("div", { class: "meta url" }, s.kind, " · ", s.url)),
          el("td", {}, progress(done, Math.max(done, s.items_seen || 0), `${s.name}: ${done} of ${s.items_seen || 0} listed items handled`)),
          el("td", { class: "num", "data-label": "Fetched" }, (s.fetched || 0).toLocaleString()),
          el("td", { class: "num", "data-label": "Skipped" }, (s.skipped || 0).toLocaleString()),
          el("td", { class: "num" + (s.failed ? " bad" : ""), "data-label": "Failed" }, (s.failed || 0).toLocaleString()),
          el("td", { class: "num", "data-label": "Rate" }, fmtRate(r)),
          el("td", { class: "num", "data-label": "Now" }, `${s.in_flight || 0} running, ${s.queued || 0} queued`),
          el("td", { "data-label": "Last poll" }, fmtAgo(s.last_poll), el("div", { class: "meta" }, `${plural(s.polls || 0, "poll")}, ${Math.round((s.last_poll_duration || 0) / 1e6)} ms`)),
          el("td", { class: err ? "bad" : "meta", "data-label": "Last error" }, err ? [s.last_error ? el("div", {}, "poll: ", s.last_error) : null, s.last_article_error ? el("div", {}, "article: ", s.last_article_error) : null] : "none"));
      })))));
}

function queuesPanel(queues) {
  const names = Object.keys(queues).sort();
  const max = Math.max(1, ...names.map(n => (queues[n].pending || 0) + (queues[n].in_flight || 0)));
  return el("section", { class: "panel", "aria-labelledby": "queues-h" }, el("h2", { id: "queues-h" }, "Queues"),
    names.length ? el("table", { class: "queues" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Consumer"), el("th", { scope: "col" }, "Waiting"), el("th", { scope: "col" }, "Pending"), el("th", { scope: "col" }, "In flight"))),
      el("tbody", {}, names.map(n => {
        const q = queues[n];
        const depth = (q.pending || 0) + (q.in_flight || 0);
        return el("tr", {}, el("th", { scope: "row" }, n), el("td", {}, progress(depth, max, `${n}: ${depth} waiting`)),
          el("td", { class: "num" }, (q.pending || 0).toLocaleString()), el("td", { class: "num" }, (q.in_flight || 0).toLocaleString()));
      }))) : el("p", { class: "meta" }, "No queue information."));
}

function pipelinePanel(now, before) {
  const m = now.metrics;
  if (!m || !m.newsmon_stage_messages_total) return null;
  const rows = m.newsmon_stage_messages_total.slice().sort((a, b) => (a.labels.stage + a.labels.result).localeCompare(b.labels.stage + b.labels.result));
  const lat = metricSum(m, "newsmon_fetch_to_searchable_seconds_sum"), latN = metricSum(m, "newsmon_fetch_to_searchable_seconds_count");
  return el("section", { class: "panel", "aria-labelledby": "pipe-h" }, el("h2", { id: "pipe-h" }, "Pipeline (from /metrics)"),
    el("table", { class: "pipeline" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Stage"), el("th", { scope: "col" }, "Result"), el("th", { scope: "col" }, "Messages"), el("th", { scope: "col" }, "Rate"))),
      el("tbody", {}, rows.map(r => el("tr", { class: r.labels.result === "dead" || r.labels.result === "error" ? "has-error" : "" },
        el("th", { scope: "row" }, r.labels.stage), el("td", {}, r.labels.result), el("td", { class: "num" }, r.value.toLocaleString()),
        el("td", { class: "num" }, fmtRate(rate(now, before, s => metricSum(s.metrics, "newsmon_stage_messages_total", r.labels)))))))),
    latN ? el("p", { class: "meta" }, `Fetch to searchable: ${(lat / latN).toFixed(2)} s on average over ${plural(latN, "article")}.`) : null);
}

// ---------- start ----------

document.getElementById("search-form").addEventListener("submit", e => {
  e.preventDefault();
  const p = filterParams(state());
  const q = document.getElementById("q").value.trim();
  if (state().get("view") === "analyse") { // new words, same comparison
    p.set("view", "analyse");
    for (const k of ["vs", "normalize", "by"]) for (const v of state().getAll(k)) p.append(k, v);
  } else {
    p.set("view", "search");
  }
  q ? p.set("q", q) : p.delete("q");
  go(p);
});
for (const a of document.querySelectorAll("[data-view]")) {
  a.addEventListener("click", e => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    const view = a.dataset.view;
    const p = view === "search" || view === "analyse" ? filterParams(state()) : new URLSearchParams();
    p.set("view", view);
    go(p);
  });
}
document.addEventListener("keydown", e => {
  const t = e.target;
  const typing = t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName));
  if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); document.getElementById("q").focus(); }
});
// Anything the page's policy blocks is a bug in the page: say so where developers (and the browser
// tests) look.
document.addEventListener("securitypolicyviolation", e => console.error("blocked by the page's policy:", e.violatedDirective, e.blockedURI || ""));
window.addEventListener("popstate", () => route({ focus: false }));
window.addEventListener("pagehide", () => { if (alertStream) { alertStream.close(); alertStream = null; setLive(false); } });
window.addEventListener("pageshow", e => { if (e.persisted) listenForAlerts(); });
listenForAlerts();
route({ focus: false });
