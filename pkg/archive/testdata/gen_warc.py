#!/usr/bin/env python3
"""Writes the WARC test fixtures of pkg/archive with an independent tool, Python's warcio
(PyPI, Apache-2.0), so the Go reader is checked against files it did not write itself.

    python3 -m venv /tmp/warcvenv && /tmp/warcvenv/bin/pip install warcio==1.8.1
    cd pkg/archive/testdata && /tmp/warcvenv/bin/python gen_warc.py

The pages are made up here. Files:
  good.warc.gz    gzip per record (the usual .warc.gz): warcinfo, request/response pairs, a
                  Latin-1 page (charset in the HTTP header only), a page with Content-Encoding
                  gzip, a chunked response, an image, a 404, a revisit, resource records
                  (text/html, text/plain), a resource
                  at a non-web address (as wget writes its log), a metadata record.
  good.warc       the same records, uncompressed (WARC/1.1).
  whole.warc.gz   good.warc as one gzip stream.
  truncated.warc.gz   good.warc.gz without its metadata record, cut inside its last record.
  bomb.warc.gz    a page, a record whose gzip member inflates to 16 MiB of zeros under a small
                  Content-Length, a page, a record declaring 16 MiB (honestly), a page, a
                  response whose HTTP payload is a gzip bomb (Content-Encoding), a page.
  lying.warc      uncompressed: a page, a record whose Content-Length is 300 bytes too long, a
                  page, a record whose Content-Length is 40 bytes too short, a page.
  lying.warc.gz   the same, gzip per record.
"""
import gzip
import io
import zlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DATE = "2023-10-24T08:15:00Z"


def page(title, body, published=None, charset="utf-8"):
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (f'<!doctype html><html><head><meta charset="{charset}"><title>{title}</title>{meta}</head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>Copyright Example News</footer></body></html>")


PAGES = [
    ("https://news.example.org/2023/10/flood-porto", "Floods close schools in Porto",
     ["Heavy rain flooded streets in Porto on Monday, and the city closed its schools.",
      "\u201cWe have never seen water this high,\u201d said Maria Costa, the mayor of Porto.",
      "The regional government promised 5 million euros for repairs."], "2023-10-23T07:00:00Z"),
    ("https://news.example.org/2023/10/port-strike", "Dock workers strike in Rotterdam",
     ["Dock workers in Rotterdam walked out on Tuesday over pay, halting container traffic.",
      "The union said the strike would last 48 hours unless talks resumed.",
      "Shipping companies diverted vessels to Antwerp and Hamburg."], "2023-10-22T12:30:00Z"),
]


def http_response(body, content_type="text/html; charset=utf-8", status="200 OK", extra=()):
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))] + list(extra)
    return StatusAndHeaders(status, headers, protocol="HTTP/1.1")


def write_good(w, metadata=True):
    w.write_record(w.create_warcinfo_record("good.warc", {"software": "warcio", "format": "WARC File Format 1.1"}))
    for url, title, body, pub in PAGES:
        req = StatusAndHeaders("GET " + url[url.index("/", 8):] + " HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
        w.write_record(w.create_warc_record(url, "request", http_headers=req, warc_headers_dict={"WARC-Date": DATE}))
        html = page(title, body, pub).encode("utf-8")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html),
                                            http_headers=http_response(html), warc_headers_dict={"WARC-Date": DATE}))
    # Latin-1, declared only in the HTTP header (the page's own meta says nothing).
    latin = page("Z\u00fcrich approves tram line", ["The city council of Z\u00fcrich approved a new tram line on Wednesday.",
                 "Construction will start in the spring, officials said."], "2023-09-30T10:00:00Z", charset="")
    latin = latin.replace('<meta charset="">', "").encode("latin-1")
    w.write_record(w.create_warc_record("https://news.example.org/zurich-tram", "response", payload=io.BytesIO(latin),
                                        http_headers=http_response(latin, "text/html; charset=ISO-8859-1"), warc_headers_dict={"WARC-Date": DATE}))
    # The payload as sent: gzip Content-Encoding.
    gz = gzip.compress(page("Wildfire near Athens contained", ["Firefighters contained a wildfire near Athens on Thursday.",
                                                              "No one was hurt, the fire service said."], "2023-08-01T06:00:00Z").encode())
    w.write_record(w.create_warc_record("https://news.example.org/athens-fire", "response", payload=io.BytesIO(gz),
                                        http_headers=http_response(gz, extra=[("Content-Encoding", "gzip")]), warc_headers_dict={"WARC-Date": DATE}))
    # Chunked transfer encoding kept as received.
    html = page("Bridge reopens in Lyon", ["The Pont Lafayette in Lyon reopened on Friday after repairs.",
                                           "Traffic returned to normal by the evening."], "2023-07-14T09:00:00Z").encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (html[:100], html[100:])) + b"0\r\n\r\n"
    hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://news.example.org/lyon-bridge", "response", payload=io.BytesIO(chunked),
                                        http_headers=hh, warc_headers_dict={"WARC-Date": DATE}))
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    w.write_record(w.create_warc_record("https://news.example.org/logo.png", "response", payload=io.BytesIO(png),
                                        http_headers=http_response(png, "image/png"), warc_headers_dict={"WARC-Date": DATE}))
    nf = b"<html><body>Not found</body></html>"
    w.write_record(w.create_warc_record("https://news.example.org/missing", "response", payload=io.BytesIO(nf),
                                        http_headers=http_response(nf, status="404 Not Found"), warc_headers_dict={"WARC-Date": DATE}))
    url = PAGES[0][0]
    w.write_record(w.create_revisit_record(url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to_uri=url, refers_to_date=DATE,
                                           http_headers=http_response(b"")))
    res = page("Election results in Oslo", ["Voters in Oslo elected a new city council on Sunday.",
                                            "Turnout was 68 percent, the election board said."], "2023-09-11T20:00:00Z").encode()
    w.write_record(w.create_warc_record("https://news.example.org/oslo-election", "resource", payload=io.BytesIO(res),
                                        warc_content_type="text/html; charset=utf-8", warc_headers_dict={"WARC-Date": DATE}))
    txt = "Ministers met in Brussels on Monday to discuss energy prices.\n\nNo agreement was reached.".encode()
    w.write_record(w.create_warc_record("https://news.example.org/brussels-energy.txt", "resource", payload=io.BytesIO(txt),
                                        warc_content_type="text/plain", warc_headers_dict={"WARC-Date": DATE}))
    if not metadata:
        return
    # wget keeps its command line and log as resource records under a non-web address.
    w.write_record(w.create_warc_record("metadata://gnu.org/software/wget/warc/wget_arguments.txt", "resource",
                                        payload=io.BytesIO(b'"--warc-file=good" "https://news.example.org/"\n'),
                                        warc_content_type="text/plain", warc_headers_dict={"WARC-Date": DATE}))
    w.write_record(w.create_warc_record("https://news.example.org/2023/10/flood-porto", "metadata", payload=io.BytesIO(b"outlinks: none\r\n"),
                                        warc_content_type="application/warc-fields"))


def records(write, gz):
    buf = io.BytesIO()
    write(WARCWriter(buf, gzip=gz, warc_version="WARC/1.1"))
    return buf.getvalue()


def raw_record(url, block, length=None):
    """One response record written by hand, for the broken ones warcio will not write."""
    length = len(block) if length is None else length
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: {DATE}\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{zlib.crc32(url.encode()):012d}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def gz_member(data):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def one_page(i, gz):
    url, title, body, pub = PAGES[i % 2]
    url = url + f"-{i}"

    def w(wr):
        html = page(title + f" ({i})", body, pub).encode()
        wr.write_record(wr.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=http_response(html),
                                              warc_headers_dict={"WARC-Date": DATE}))
    return records(w, gz)


def main():
    good_gz = records(write_good, True)
    good = records(write_good, False)
    open("good.warc.gz", "wb").write(good_gz)
    open("good.warc", "wb").write(good)
    open("whole.warc.gz", "wb").write(gzip.compress(good, mtime=0))
    # Cut inside the last record, the text/plain resource.
    no_meta = records(lambda w: write_good(w, metadata=False), True)
    open("truncated.warc.gz", "wb").write(no_meta[: len(no_meta) - 60])

    zeros = 16 << 20
    http_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    # 1. a member inflating to 16 MiB under a small (lying) Content-Length
    bomb1 = gz_member(raw_record("https://news.example.org/bomb1", http_head + b"<p>x</p>", 200)[:-4] + bytes(zeros))
    # 2. an honest 16 MiB record
    bomb2 = gz_member(raw_record("https://news.example.org/bomb2", http_head + bytes(zeros)))
    # 3. an HTTP payload that is a gzip bomb
    inner = gz_member(bytes(zeros))
    bomb3_block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(inner)) + inner
    bomb3 = gz_member(raw_record("https://news.example.org/bomb3", bomb3_block))
    open("bomb.warc.gz", "wb").write(one_page(1, True) + bomb1 + one_page(2, True) + bomb2 + one_page(3, True) + bomb3 + one_page(4, True))

    html = page("Lying length", ["This record's Content-Length is wrong."]).encode()
    block = http_head + html
    too_long = raw_record("https://news.example.org/lie-long", block, len(block) + 300)
    too_short = raw_record("https://news.example.org/lie-short", block, len(block) - 40)
    open("lying.warc", "wb").write(one_page(1, False) + too_long + one_page(2, False) + too_short + one_page(3, False))
    open("lying.warc.gz", "wb").write(one_page(1, True) + gz_member(too_long) + one_page(2, True) + gz_member(too_short) + one_page(3, True))


if __name__ == "__main__":
    main()
