// newsmon researcher page: plain JavaScript, no build step. State lives in the URL (?view=…&q=…),
// so links are shareable and the back button works. All data is inserted as text nodes: nothing
// from the server ever reaches innerHTML.
"use strict";

const FILTERS = ["person", "org", "place", "region", "event", "source", "lang"];
const FACETS = [
  ["person", "People", "person"], ["org", "Organisations", "org"], ["place", "Places", "place"],
  ["region", "Regions", "region"], ["country", "Countries", "region"], ["event", "Events", "event"],
  ["source", "Sources", "source"], ["lang", "Languages", "lang"],
];
const PAGE_SIZE = 20;
const main = document.getElementById("main");
const firings = []; // live alert events, newest first
let unseenFirings = 0;
let statusTimer = null;

// ---------- DOM helpers (text only) ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "class") node.className = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}
function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, String(v));
  }
  return append(node, children);
}
function render(...children) { main.replaceChildren(...children.flat().filter(Boolean)); }
function fmtDate(s) {
  if (!s) return "";
  const d = new Date(s);
  return isNaN(d) ? s : d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}
function errorBox(err) { return el("p", { class: "error", role: "alert" }, String(err.message || err)); }

// highlighted turns a backend fragment with <mark> tags into DOM: the tags become <mark>
// elements, everything else is plain text (entities decoded by an inert parser, other tags dropped).
function highlighted(fragment) {
  const out = [];
  const parts = String(fragment).split(/(<\/?mark>)/i);
  let inMark = false;
  for (const p of parts) {
    if (/^<mark>$/i.test(p)) { inMark = true; continue; }
    if (/^<\/mark>$/i.test(p)) { inMark = false; continue; }
    const text = new DOMParser().parseFromString(p, "text/html").documentElement.textContent;
    out.push(inMark ? el("mark", {}, text) : text);
  }
  return out;
}

async function api(path, opts) {
  const res = await fetch(path, opts);
  const type = res.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) throw new Error((body && body.error) || `${res.status} ${res.statusText}`);
  return body;
}

// ---------- URL state ----------

function state() { return new URLSearchParams(location.search); }
function go(params, replace) {
  const qs = params.toString();
  const url = "/" + (qs ? "?" + qs : "");
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  route();
}
function filterParams(p) {
  const out = new URLSearchParams();
  for (const k of ["q", ...FILTERS, "from", "to", "sort"]) for (const v of p.getAll(k)) if (v) out.append(k, v);
  return out;
}
function withFilter(kind, value) {
  const p = state();
  p.set("view", "search");
  p.delete("page"); p.delete("id");
  if (!p.getAll(kind).some(v => v.toLowerCase() === value.toLowerCase())) p.append(kind, value);
  return p;
}
function link(params, ...children) {
  const href = "/?" + params.toString();
  return el("a", { href, onclick: e => { if (e.button === 0 && !e.ctrlKey && !e.metaKey) { e.preventDefault(); go(params); } } }, ...children);
}
function articleLink(id, ...children) {
  const p = state(); p.set("view", "article"); p.set("id", id);
  return link(p, ...children);
}

// ---------- router ----------

function route() {
  const p = state();
  const view = p.get("view") || (p.get("id") ? "article" : "search");
  document.getElementById("q").value = p.get("q") || "";
  for (const a of document.querySelectorAll(".tabs a")) {
    if (a.dataset.view === view || (view === "article" && a.dataset.view === "search")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  clearInterval(statusTimer);
  if (view === "alerts") { unseenFirings = 0; updateBadge(); }
  const views = { search: searchView, article: articleView, quotes: quotesView, alerts: alertsView, status: statusView };
  (views[view] || searchView)(p).catch(err => render(errorBox(err)));
}

// ---------- search ----------

async function searchView(p) {
  const fp = filterParams(p);
  const page = Math.max(1, parseInt(p.get("page") || "1", 10) || 1);
  const sp = new URLSearchParams(fp); sp.set("page", page); sp.set("size", PAGE_SIZE);
  render(el("p", { class: "empty" }, "Searching…"));
  const interval = p.get("interval") || "day";
  const tp = new URLSearchParams(fp); tp.set("interval", interval);
  const [res, tl] = await Promise.all([api("/api/search?" + sp), api("/api/timeline?" + tp).catch(() => ({ buckets: [] }))]);

  const side = el("aside", { class: "side panel", "aria-label": "Filters" }, dateFilter(p), facetLists(res.facets || {}, p));
  const exportBase = "/api/export?" + fp.toString();
  const toolbar = el("div", { class: "toolbar" },
    el("span", {}, `${res.total} article${res.total === 1 ? "" : "s"}`),
    el("span", { class: "actions" },
      el("label", {}, "Sort ", el("select", { onchange: e => { const q = state(); q.set("sort", e.target.value); q.delete("page"); go(q); } },
        el("option", { value: "", selected: !p.get("sort") }, "best"),
        el("option", { value: "relevance", selected: p.get("sort") === "relevance" }, "relevance"),
        el("option", { value: "date", selected: p.get("sort") === "date" }, "newest"))),
      el("a", { href: exportBase + (fp.toString() ? "&" : "") + "format=csv", download: "" }, "Export CSV"),
      el("a", { href: exportBase + (fp.toString() ? "&" : "") + "format=jsonl", download: "" }, "Export JSONL")));
  const list = res.hits.length
    ? el("ol", { class: "results", start: (page - 1) * PAGE_SIZE + 1 }, res.hits.map(resultItem))
    : el("p", { class: "empty" }, "No articles match. Remove a filter or change the words.");
  const pages = Math.ceil(res.total / PAGE_SIZE);
  const pager = pages > 1 ? el("nav", { class: "pager", "aria-label": "Pages" },
    page > 1 ? link(withPage(p, page - 1), "← Previous") : null,
    el("span", {}, `Page ${page} of ${pages}`),
    page < pages && page * PAGE_SIZE < 10000 ? link(withPage(p, page + 1), "Next →") : null) : null;
  render(el("div", { class: "layout" }, side,
    el("section", { "aria-label": "Results" }, activeChips(p), timelineChart(tl.buckets || [], interval, p), toolbar, list, pager)));
}

function withPage(p, n) { const q = new URLSearchParams(p); q.set("page", n); return q; }

function activeChips(p) {
  const chips = [];
  for (const k of ["q", ...FILTERS, "from", "to"]) {
    for (const v of p.getAll(k)) {
      if (!v) continue;
      chips.push(el("button", {
        class: "chip active", type: "button", "aria-label": `Remove filter ${k} ${v}`,
        onclick: () => {
          const q = state(); const rest = q.getAll(k).filter(x => x !== v);
          q.delete(k); rest.forEach(x => q.append(k, x)); q.delete("page"); go(q);
        },
      }, el("span", {}, k === "q" ? `“${v}”` : `${k}: ${v}`), el("span", { class: "x", "aria-hidden": "true" }, "×")));
    }
  }
  if (!chips.length) return null;
  chips.push(el("button", { type: "button", class: "chip", onclick: () => go(new URLSearchParams()) }, "Clear all"));
  return el("div", { class: "chips", "aria-label": "Active filters" }, chips);
}

function facetLists(facets, p) {
  const out = [];
  for (const [name, label, param] of FACETS) {
    const buckets = facets[name] || [];
    if (!buckets.length) continue;
    const active = new Set(p.getAll(param).map(v => v.toLowerCase()));
    out.push(el("h3", { id: "facet-" + name }, label));
    out.push(el("ul", { class: "facet", "aria-labelledby": "facet-" + name },
      buckets.map(b => el("li", {}, el("button", {
        type: "button", "aria-pressed": active.has(String(b.key).toLowerCase()),
        onclick: () => go(withFilter(param, b.key)),
      }, el("span", {}, b.key), el("span", { class: "n" }, b.count))))));
  }
  if (!out.length) out.push(el("p", { class: "meta" }, "No facets for this result."));
  return out;
}

function dateFilter(p) {
  const from = el("input", { type: "date", id: "from", value: (p.get("from") || "").slice(0, 10) });
  const to = el("input", { type: "date", id: "to", value: (p.get("to") || "").slice(0, 10) });
  return el("form", { class: "dates", onsubmit: e => {
    e.preventDefault();
    const q = state(); q.set("view", "search"); q.delete("page");
    from.value ? q.set("from", from.value) : q.delete("from");
    to.value ? q.set("to", to.value) : q.delete("to");
    go(q);
  } }, el("h3", {}, "Published"), el("label", { for: "from" }, "From"), from, el("label", { for: "to" }, "To"), to,
  el("button", { type: "submit" }, "Apply dates"));
}

function resultItem(hit) {
  const hl = hit.highlight || {};
  const frag = (hl.text || hl.body || Object.entries(hl).find(([k]) => k !== "title")?.[1] || [])[0];
  const titleFrag = (hl.title || [])[0];
  const snippet = frag ? highlighted(frag) : (hit.text ? hit.text.slice(0, 240) + "…" : "");
  const top = topEntities(hit, 8);
  return el("li", { class: "result" },
    el("h3", {}, articleLink(hit.id, titleFrag ? highlighted(titleFrag) : (hit.title || hit.url))),
    el("div", { class: "meta" }, [hit.source, fmtDate(hit.published), hit.language].filter(Boolean).join(" · "), " · ",
      el("a", { href: hit.url, rel: "noopener noreferrer", target: "_blank" }, "original")),
    snippet ? el("p", { class: "snippet" }, snippet) : null,
    top.length ? el("div", { class: "chips" }, top.map(e => el("button", {
      type: "button", class: "chip " + e.type, title: `Filter by ${e.type.toLowerCase()} ${e.name}`,
      onclick: () => go(withFilter(e.param, e.name)),
    }, e.name))) : null);
}

function topEntities(a, n) {
  const params = { PERSON: "person", ORG: "org", PLACE: "place", EVENT: "event" };
  const seen = new Set();
  const out = [];
  for (const p of a.places || []) {
    if (seen.has("PLACE" + p.name)) continue;
    seen.add("PLACE" + p.name);
    out.push({ type: "PLACE", name: p.name, count: (p.mentions || []).length || 1, param: "place" });
  }
  for (const e of a.entities || []) {
    if (!params[e.type] || seen.has(e.type + e.name)) continue;
    seen.add(e.type + e.name);
    out.push({ type: e.type, name: e.name, count: e.count || 1, param: params[e.type] });
  }
  return out.sort((x, y) => y.count - x.count).slice(0, n);
}

function timelineChart(buckets, interval, p) {
  const head = el("div", { class: "head" }, el("h2", {}, "Articles over time"),
    el("label", {}, "per ", el("select", { onchange: e => { const q = state(); q.set("interval", e.target.value); go(q, true); } },
      ["day", "week", "month"].map(i => el("option", { value: i, selected: i === interval }, i)))));
  if (!buckets.length) return el("section", { class: "panel timeline" }, head, el("p", { class: "meta" }, "No dated articles."));
  const W = 800, H = 120, pad = 18;
  const max = Math.max(...buckets.map(b => b.count), 1);
  const bw = (W - 2) / buckets.length;
  const bars = buckets.map((b, i) => {
    const h = Math.max(1, (H - pad - 4) * b.count / max);
    return svg("rect", {
      class: "bar", x: 1 + i * bw + bw * 0.1, y: H - pad - h, width: Math.max(1, bw * 0.8), height: h,
      tabindex: 0, role: "button", "aria-label": `${b.key}: ${b.count} articles`,
      onclick: () => filterBucket(b.key, interval), onkeydown: e => { if (e.key === "Enter") filterBucket(b.key, interval); },
    }, svg("title", {}, `${b.key}: ${b.count}`));
  });
  // Labels live outside the SVG: it stretches to the panel width, which would distort text.
  return el("section", { class: "panel timeline" }, head,
    svg("svg", { viewBox: `0 0 ${W} ${H - pad}`, preserveAspectRatio: "none", role: "img", "aria-label": "Articles per " + interval }, bars),
    el("div", { class: "axis meta" }, el("span", {}, buckets[0].key), el("span", {}, `peak ${max} per ${interval}`),
      el("span", {}, buckets[buckets.length - 1].key)));
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

// ---------- article ----------

async function articleView(p) {
  const id = p.get("id");
  if (!id) return searchView(p);
  render(el("p", { class: "empty" }, "Loading…"));
  const a = await api("/api/articles/" + encodeURIComponent(id));
  const back = new URLSearchParams(p); back.set("view", "search"); back.delete("id");
  render(el("div", { class: "article-layout" },
    el("article", { class: "article panel" },
      link(back, "← Back to results"),
      el("h1", {}, a.title || a.url),
      el("div", { class: "meta" }, [a.source, fmtDate(a.published), (a.authors || []).join(", "), a.language].filter(Boolean).join(" · "),
        " · ", el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "original")),
      legend(),
      el("div", { class: "body" }, annotate(a))),
    el("aside", { class: "side" }, articleSide(a))));
}

function legend() {
  return el("div", { class: "legend", "aria-label": "Highlight legend" },
    el("span", { class: "e-PERSON" }, "person"), el("span", { class: "e-ORG" }, "organisation"),
    el("span", { class: "e-PLACE" }, "place"), el("span", { class: "e-EVENT" }, "event"),
    el("span", { class: "money" }, "money"), el("span", { class: "date" }, "date"),
    el("span", { class: "quote" }, "quote"));
}

// annotate renders the body with every span highlighted. Offsets are code points, so the text is
// split with Array.from; each code point gets the set of marks covering it, and runs with the same
// set become one element, which handles nesting and overlaps (an entity inside a quote).
function annotate(a) {
  const chars = Array.from(a.text || "");
  const marks = [];
  const add = (start, end, cls, title) => {
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= chars.length && start < end) marks.push({ start, end, cls, title });
  };
  for (const e of a.entities || []) for (const m of e.mentions || []) add(m.start, m.end, "e-" + e.type, `${e.type}: ${e.name}${e.role ? " — " + e.role : ""}`);
  for (const pl of a.places || []) for (const m of pl.mentions || []) add(m.start, m.end, "e-PLACE", `PLACE: ${[pl.name, pl.admin1, pl.country].filter(Boolean).join(", ")}`);
  for (const ev of a.events || []) for (const m of ev.mentions || []) add(m.start, m.end, "e-EVENT", `EVENT: ${ev.name}`);
  for (const m of a.money || []) add(m.start, m.end, "money", `${m.amount} ${m.currency}${m.approximate ? " (approx.)" : ""}`);
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
  const out = [];
  const open = new Set();
  let run = "";
  const flush = () => {
    if (!run) return;
    if (!open.size) out.push(run);
    else {
      const ms = [...open].map(i => marks[i]);
      out.push(el("span", { class: [...new Set(ms.map(m => m.cls))].join(" "), title: [...new Set(ms.map(m => m.title))].join("\n") }, run));
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
  return out;
}

function articleSide(a) {
  const groups = { PERSON: "People", ORG: "Organisations", PLACE: "Unresolved places", EVENT: "Events", MISC: "Other names" };
  const params = { PERSON: "person", ORG: "org", PLACE: "place", EVENT: "event" };
  const out = [];
  if ((a.places || []).length) {
    out.push(el("section", { class: "panel" }, el("h3", {}, "Places"), el("ul", { class: "side-list" },
      a.places.map(pl => el("li", {}, link(withFilter("region", pl.name), pl.name),
        el("span", { class: "meta" }, [pl.admin1, pl.country].filter(Boolean).join(", ")))))));
  }
  for (const [type, label] of Object.entries(groups)) {
    const es = (a.entities || []).filter(e => e.type === type).sort((x, y) => (y.count || 0) - (x.count || 0));
    if (!es.length) continue;
    out.push(el("section", { class: "panel" }, el("h3", {}, label), el("ul", { class: "side-list" },
      es.map(e => el("li", {}, params[type] ? link(withFilter(params[type], e.name), e.name) : el("span", {}, e.name),
        el("span", { class: "meta" }, (e.role ? e.role + " · " : "") + "×" + (e.count || (e.mentions || []).length)))))));
  }
  if ((a.money || []).length) {
    out.push(el("section", { class: "panel" }, el("h3", {}, "Money"), el("ul", { class: "side-list" },
      a.money.map(m => el("li", {}, el("span", {}, m.text), el("span", { class: "meta" }, `${Number(m.amount).toLocaleString()} ${m.currency}`))))));
  }
  if ((a.quotes || []).length) {
    out.push(el("section", { class: "panel" }, el("h3", {}, "Quotes"),
      a.quotes.map(q => el("blockquote", {}, q.text, el("div", { class: "meta" }, "— ", q.speaker || "unattributed", q.direct ? "" : " (reported)")))));
  }
  return out;
}

// ---------- quotes ----------

async function quotesView(p) {
  const speaker = el("input", { type: "text", id: "speaker", value: p.get("speaker") || "", placeholder: "e.g. Xi Jinping" });
  const words = el("input", { type: "text", id: "qwords", value: p.get("q") || "", placeholder: "about… (optional)" });
  const form = el("form", { class: "panel", onsubmit: e => {
    e.preventDefault();
    const q = new URLSearchParams({ view: "quotes" });
    if (speaker.value.trim()) q.set("speaker", speaker.value.trim());
    if (words.value.trim()) q.set("q", words.value.trim());
    go(q);
  } }, el("h2", {}, "What did they say?"),
  el("div", { class: "form-grid" }, el("label", { for: "speaker" }, "Speaker", speaker), el("label", { for: "qwords" }, "Words in the quote", words)),
  el("div", { class: "form-actions" }, el("button", { type: "submit", class: "primary" }, "Find quotes")));
  const qp = new URLSearchParams();
  for (const k of ["speaker", "q", ...FILTERS, "from", "to"]) for (const v of p.getAll(k)) if (v) qp.append(k, v);
  render(form, el("p", { class: "empty" }, "Loading quotes…"));
  const res = await api("/api/quotes?" + qp);
  const groups = new Map();
  for (const q of res.quotes) {
    const key = q.speaker || "Unattributed";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(q);
  }
  const sorted = [...groups.entries()].sort((x, y) => y[1].length - x[1].length);
  render(form, el("p", { class: "meta" }, `${res.total} quote${res.total === 1 ? "" : "s"}`),
    sorted.length ? sorted.map(([who, qs]) => el("section", { class: "quote-group panel" },
      el("h3", {}, who, " ", el("span", { class: "meta" }, `(${qs.length})`)),
      qs.map(q => el("blockquote", {}, q.direct ? `“${q.text}”` : q.text,
        el("div", { class: "meta" }, q.cue ? q.cue + " · " : "", articleLink(q.article_id, q.title || q.url), " · ", q.source || "", " · ", fmtDate(q.published))))))
      : el("p", { class: "empty" }, "No quotes found."));
}

// ---------- alerts ----------

function splitList(s) { return s.split(/[;,]/).map(x => x.trim()).filter(Boolean); }

async function alertsView() {
  const regions = [];
  const regionChips = el("div", { class: "chips", "aria-label": "Chosen regions" });
  const drawRegions = () => regionChips.replaceChildren(...regions.map((r, i) =>
    el("button", { type: "button", class: "chip PLACE", "aria-label": "Remove region " + r, onclick: () => { regions.splice(i, 1); drawRegions(); } }, r, el("span", { class: "x" }, "×"))));
  const datalist = el("datalist", { id: "place-options" });
  const regionInput = el("input", { type: "text", id: "r-region", list: "place-options", placeholder: "type a place, pick, Enter", autocomplete: "off" });
  let acTimer = null;
  regionInput.addEventListener("input", () => {
    clearTimeout(acTimer);
    const prefix = regionInput.value.trim();
    if (prefix.length < 2) return;
    acTimer = setTimeout(async () => {
      try {
        const res = await api("/api/places?prefix=" + encodeURIComponent(prefix) + "&n=10");
        datalist.replaceChildren(...res.places.map(pl => el("option", { value: pl.name }, [pl.feature, pl.admin1, pl.country].filter(Boolean).join(", "))));
      } catch (_) { /* autocomplete is a convenience */ }
    }, 150);
  });
  const addRegion = () => { const v = regionInput.value.trim(); if (v && !regions.includes(v)) { regions.push(v); drawRegions(); } regionInput.value = ""; };
  regionInput.addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); addRegion(); } });

  const f = {
    name: el("input", { type: "text", id: "r-name", required: true, placeholder: "e.g. Jiangsu news" }),
    text: el("input", { type: "text", id: "r-text", placeholder: "words or \"a phrase\"" }),
    person: el("input", { type: "text", id: "r-person", placeholder: "comma-separated" }),
    org: el("input", { type: "text", id: "r-org", placeholder: "comma-separated" }),
    event: el("input", { type: "text", id: "r-event", placeholder: "comma-separated" }),
    source: el("input", { type: "text", id: "r-source", placeholder: "e.g. reuters.com" }),
    lang: el("input", { type: "text", id: "r-lang", placeholder: "e.g. en" }),
  };
  const ruleFromForm = () => {
    if (regionInput.value.trim()) addRegion();
    const r = { name: f.name.value.trim(), text: f.text.value.trim(), region: regions.slice(), enabled: true };
    for (const k of ["person", "org", "event", "source", "lang"]) r[k] = splitList(f[k].value);
    return r;
  };
  const msg = el("div", { role: "status" });
  const testOut = el("div");
  const rulesBox = el("div", {}, "Loading rules…");
  const form = el("form", { class: "panel", onsubmit: async e => {
    e.preventDefault();
    try {
      await api("/api/alerts", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(ruleFromForm()) });
      form.reset(); regions.length = 0; drawRegions(); testOut.replaceChildren();
      msg.replaceChildren(el("p", { class: "meta" }, "Rule saved."));
      await drawRules(rulesBox);
    } catch (err) { msg.replaceChildren(errorBox(err)); }
  } },
  el("h2", {}, "New alert rule"),
  el("p", { class: "meta" }, "All conditions must hold. A rule fires once per article."),
  el("div", { class: "form-grid" },
    el("label", { for: "r-name" }, "Name", f.name), el("label", { for: "r-text" }, "Words", f.text),
    el("label", { for: "r-region" }, "Region (with everything inside it)", regionInput, datalist, regionChips),
    el("label", { for: "r-person" }, "People", f.person), el("label", { for: "r-org" }, "Organisations", f.org),
    el("label", { for: "r-event" }, "Events", f.event), el("label", { for: "r-source" }, "Sources", f.source),
    el("label", { for: "r-lang" }, "Languages", f.lang)),
  el("div", { class: "form-actions" },
    el("button", { type: "submit", class: "primary" }, "Create rule"),
    el("button", { type: "button", onclick: () => testRule(ruleFromForm(), testOut) }, "Test against the index")),
  msg, testOut);

  const live = el("section", { class: "panel", "aria-live": "polite" }, el("h2", {}, "Live firings"), el("div", { id: "firings" }));
  render(el("div", { class: "layout" },
    el("div", {}, live),
    el("div", {}, form, el("section", { class: "panel" }, el("h2", {}, "Rules"), rulesBox))));
  drawFirings();
  await drawRules(rulesBox);
}

async function testRule(rule, out) {
  out.replaceChildren(el("p", { class: "meta" }, "Testing…"));
  try {
    const res = await api("/api/alerts/test", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(rule) });
    out.replaceChildren(el("h3", {}, `${res.total} article${res.total === 1 ? "" : "s"} match now`),
      el("ul", {}, res.hits.map(h => el("li", {}, articleLink(h.id, h.title || h.url), " ",
        el("span", { class: "meta" }, [h.source, fmtDate(h.published), (h.reasons || []).join("; ")].filter(Boolean).join(" · "))))));
  } catch (err) { out.replaceChildren(errorBox(err)); }
}

function describeRule(r) {
  const parts = [];
  if (r.text) parts.push(`text “${r.text}”`);
  for (const k of FILTERS) if ((r[k] || []).length) parts.push(`${k}: ${r[k].join(", ")}`);
  return parts.join(" · ");
}

async function drawRules(box) {
  try {
    const res = await api("/api/alerts");
    if (!res.alerts.length) { box.replaceChildren(el("p", { class: "meta" }, "No rules yet.")); return; }
    const testOut = el("div");
    box.replaceChildren(el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Rule"), el("th", {}, "Conditions"), el("th", {}, "On"), el("th", {}, ""))),
      el("tbody", {}, res.alerts.map(r => el("tr", { class: r.enabled ? "" : "rule-off" },
        el("td", {}, r.name || r.id), el("td", {}, describeRule(r)),
        el("td", {}, el("input", { type: "checkbox", checked: r.enabled, "aria-label": "Enabled: " + (r.name || r.id), onchange: async e => {
          try {
            await api("/api/alerts/" + encodeURIComponent(r.id), { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ...r, enabled: e.target.checked }) });
          } catch (err) { alert(err.message); }
          drawRules(box);
        } })),
        el("td", {}, el("span", { class: "actions" },
          el("button", { type: "button", onclick: () => testRule(r, testOut) }, "Test"), " ",
          el("button", { type: "button", onclick: async () => {
            if (!confirm(`Delete rule “${r.name || r.id}”?`)) return;
            try { await api("/api/alerts/" + encodeURIComponent(r.id), { method: "DELETE" }); } catch (err) { alert(err.message); }
            drawRules(box);
          } }, "Delete"))))))), testOut);
  } catch (err) { box.replaceChildren(errorBox(err)); }
}

function firingItem(ev, fresh) {
  return el("div", { class: "firing" + (fresh ? " new" : "") },
    el("strong", {}, ev.rule_name || ev.rule_id), " · ", articleLink(ev.article_id, ev.title || ev.url),
    el("div", { class: "meta" }, [ev.source, fmtDate(ev.fired), (ev.reasons || []).join("; ")].filter(Boolean).join(" · ")));
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
}

function listenForAlerts() {
  if (!window.EventSource) return;
  const es = new EventSource("/api/alerts/events?recent=20");
  es.addEventListener("alert", msg => {
    let ev;
    try { ev = JSON.parse(msg.data); } catch (_) { return; }
    if (firings.some(x => x.id === ev.id)) return;
    firings.unshift(ev);
    if (firings.length > 200) firings.pop();
    if ((state().get("view") || "search") !== "alerts") { unseenFirings++; updateBadge(); }
    drawFirings(ev.id);
  });
}

// ---------- status ----------

async function statusView() {
  const box = el("section", { class: "panel" }, el("h2", {}, "Crawl status"), el("p", { class: "meta" }, "Loading…"));
  render(box);
  const draw = async () => {
    try {
      const st = await api("/api/status");
      box.replaceChildren(el("h2", {}, "Crawl status"), el("p", { class: "meta" }, "Updated " + new Date().toLocaleTimeString()), valueView(st));
    } catch (err) { box.replaceChildren(el("h2", {}, "Crawl status"), errorBox(err)); }
  };
  await draw();
  statusTimer = setInterval(draw, 5000);
}

// valueView shows any JSON value: objects as key/value tables, arrays of objects as tables.
function valueView(v, depth = 0) {
  if (v === null || v === undefined) return el("span", { class: "meta" }, "—");
  if (Array.isArray(v)) {
    if (!v.length) return el("span", { class: "meta" }, "none");
    if (v.every(x => x && typeof x === "object" && !Array.isArray(x)) && depth < 4) {
      const cols = [...new Set(v.flatMap(Object.keys))];
      return el("table", {}, el("thead", {}, el("tr", {}, cols.map(c => el("th", {}, c)))),
        el("tbody", {}, v.map(row => el("tr", {}, cols.map(c => el("td", {}, valueView(row[c], depth + 1)))))));
    }
    return el("span", {}, v.map(x => typeof x === "object" ? JSON.stringify(x) : String(x)).join(", "));
  }
  if (typeof v === "object") {
    if (depth >= 4) return el("code", {}, JSON.stringify(v));
    const keys = Object.keys(v);
    if (!keys.length) return el("span", { class: "meta" }, "no status reported");
    return el("table", {}, el("tbody", {}, keys.map(k => el("tr", {}, el("th", { scope: "row" }, k), el("td", {}, valueView(v[k], depth + 1))))));
  }
  if (typeof v === "number") return el("span", {}, v.toLocaleString());
  return el("span", {}, String(v));
}

// ---------- start ----------

document.getElementById("search-form").addEventListener("submit", e => {
  e.preventDefault();
  const p = state();
  const q = document.getElementById("q").value.trim();
  if ((p.get("view") || "search") === "quotes") { q ? p.set("q", q) : p.delete("q"); go(p); return; }
  p.set("view", "search"); p.delete("id"); p.delete("page");
  q ? p.set("q", q) : p.delete("q");
  go(p);
});
for (const a of document.querySelectorAll("[data-view], [data-nav]")) {
  a.addEventListener("click", e => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const view = a.dataset.view || a.dataset.nav;
    const p = view === "search" ? filterParams(state()) : new URLSearchParams();
    p.set("view", view);
    go(p);
  });
}
window.addEventListener("popstate", route);
listenForAlerts();
route();
