#!/usr/bin/env python3
"""Writes a WARC of N generated news articles with warcio, for measuring `newsmon import`:

    /tmp/warcvenv/bin/python gen_bench_warc.py 20000 /tmp/bench.warc.gz
    newsmon import --data /tmp/bench-data /tmp/bench.warc.gz

Each article is a distinct page (its own URL, title and text) made from templates: people,
organisations, places, money, dates and quotes, so every extractor has work. Nothing here comes
from a corpus. Gzip per record, like CC-NEWS; a request record precedes each response, and every
50th response is an image (skipped).
"""
import io
import random
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PEOPLE = ["Maria Costa", "John Okafor", "Li Wei", "Anna Schmidt", "Carlos Mendes", "Fatima Khan", "Pierre Laurent",
          "Yuki Tanaka", "Olga Petrova", "David Cohen", "Amara Diallo", "Sofia Rossi"]
ORGS = ["the World Bank", "Siemens", "the European Commission", "Toyota", "the Red Cross", "Reuters", "Unilever",
        "the United Nations", "Petrobras", "the Bank of England"]
PLACES = ["Porto", "Lagos", "Shanghai", "Hamburg", "Lima", "Karachi", "Lyon", "Osaka", "Kazan", "Haifa", "Dakar", "Turin",
          "Nairobi", "Quito", "Hanoi", "Riga"]
VERBS = ["announced", "said", "warned", "confirmed", "denied", "reported"]
TOPICS = ["a new rail line", "higher food prices", "a port expansion", "flood defences", "a vaccine programme",
          "a steel plant", "tax reform", "a solar farm", "water shortages", "a trade agreement"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def article(rng, i):
    p1, p2 = rng.sample(PEOPLE, 2)
    org = rng.choice(ORGS)
    place, place2 = rng.sample(PLACES, 2)
    topic = rng.choice(TOPICS)
    amount = rng.randint(2, 900)
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    title = f"{org[0].upper() + org[1:]} backs {topic} in {place} ({i})"
    paras = [
        f"{org[0].upper() + org[1:]} {rng.choice(VERBS)} on {month} {day} that it would spend ${amount} million on {topic} in {place}, "
        f"the largest project of its kind in the region this year.",
        f"\u201cThis is a turning point for {place},\u201d said {p1}, who leads the programme. \u201cWe expect the first results within months.\u201d",
        f"Critics in {place2} said the money would be better spent at home. {p2}, a local councillor, said the plan had been rushed "
        f"and that residents had not been consulted.",
        f"The project follows a similar scheme in {place2} in {rng.randint(2015, 2023)}, which cost about {rng.randint(10, 90)} million euros "
        f"and took {rng.randint(2, 6)} years to complete. Officials expect to publish a detailed budget next week.",
        f"Report number {i}: {rng.randint(1000, 9999)} households are expected to benefit, according to figures from {org}.",
    ]
    pub = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00Z"
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{pub}"></head><body><nav><a href="/">Home</a> '
            f'<a href="/world">World</a></nav><article><h1>{title}</h1><p class="byline">By {p1}</p>{body}</article>'
            f"<footer>Copyright Example Wire</footer></body></html>").encode()


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    with open(out, "wb") as f:
        w = WARCWriter(f, gzip=True, warc_version="WARC/1.1")
        for i in range(n):
            url = f"https://wire.example.com/{2022}/story-{i}"
            req = StatusAndHeaders(f"GET /2022/story-{i} HTTP/1.1", [("Host", "wire.example.com")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", http_headers=req))
            if i % 50 == 49:
                body, ct = b"\x89PNG\r\n\x1a\n" + bytes(32), "image/png"
            else:
                body, ct = article(rng, i), "text/html; charset=utf-8"
            hh = StatusAndHeaders("200 OK", [("Content-Type", ct), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=hh))


if __name__ == "__main__":
    main()
