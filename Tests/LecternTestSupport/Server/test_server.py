#!/usr/bin/env python3
"""A local HTTP server with fault routes, for the BlogSync tests.

Usage: test_server.py [DIRECTORY]

Listens on 127.0.0.1 on a free port and prints that port as the first line of
stdout. Exits when stdin reaches end of file (the test process that started it
died or closed the pipe) and in any case after LIFETIME_SECONDS.

Routes (anything else is served from DIRECTORY, without validators):
  /__log                  JSON list of the requests received so far (not itself)
  /__log?clear=1          the same, then forgets them
  /feed                   a small RSS 2.0 feed
  /etag/FILE              FILE with ETag and Last-Modified; 304 when they match
  /status/N               answers with status N
  /retry-after/N          429 with Retry-After: N (seconds)
  /retry-after-date/N     503 with Retry-After as an HTTP date N seconds ahead
  /retry-once/N/...       the first request to this exact path gets 429 with
                          Retry-After: N, later ones get the built-in feed
  /slow/N                 sleeps N seconds, then answers with the feed
  /drip/N                 sends the feed one byte every 0.2 s for N seconds
  /cut                    Content-Length 100000, sends 1000 bytes, closes
  /big                    30 MiB body with Content-Length
  /big?nolength=1         30 MiB body delimited by closing the connection
  /gzip/FILE | /gzip      FILE (or the feed) with Content-Encoding: gzip
  /redirect/chain/N       301 to /redirect/chain/N-1 ... /redirect/chain/0 -> /feed
  /redirect/CODE/REST     answers CODE (301, 302, 303, 307, 308) to /REST
  /redirect/loop          301 to /redirect/loop2, which answers 301 back
  /redirect/endless       301 to /feed whose body never ends
  /redirect/then-endless  302 to /redirect/endless: the endless body on the second hop
  /html                   a text/html page
  /endless?status=N       a feed that never ends: no Content-Length, bytes until
                          the client hangs up (at most HOSTILE_MAX_BYTES); the log
                          entry's "sent" says how many went out; status 200 unless N;
                          &mibps=R sends at most R MiB a second (a fast link, not
                          loopback: see send_endless)
  /huge-length            Content-Length: 2000000000, then bytes until the client
                          hangs up ("sent" as above)
  /gzip-bomb?mib=N        N MiB of zeros (1024 by default) gzip-compressed about
                          1000:1, with its compressed Content-Length (none with
                          &nolength=1); built from one compressed block
  /high-ratio?mib=N       N MiB (64 by default) that gzip compresses about 150:1
                          (&nolength=1 as above)
  /atom?mib=N             a valid Atom feed of about N MiB (one entry per 48 KiB),
                          with Content-Length
  /bad-header?kind=K      200 with an unreadable header: K=latin1 (a byte that is
                          not UTF-8, the default), K=nocolon (a line without ":")
  POST /comment           302 to /?p=4#comment-42 (as wp-comments-post.php does)
  POST /echo              200 with the request body
"""

import email.utils
import gzip
import hashlib
import json
import mimetypes
import os
import random
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LIFETIME_SECONDS = 600
ROOT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test blog</title><link>http://example.org/</link>
<description>Served by the test server</description>
<item><title>First post</title><link>http://example.org/?p=1</link>
<guid>http://example.org/?p=1</guid><description>Hello</description></item>
</channel></rss>
"""
FEED_TYPE = "application/rss+xml; charset=UTF-8"
STARTED = time.time()
# The most a hostile route sends, so a client that never hangs up costs bounded time.
HOSTILE_MAX_BYTES = 16 * 1024 * 1024 * 1024
MiB = 1024 * 1024


def gzip_blocks(block):
    """The gzip header with `block` deflated, and `block` deflated alone: after a full flush
    deflate starts afresh, so repeating the second gives the compressed form of the
    repeated block for the cost of compressing it once."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    return first, again, block


def sparse_block():
    """One MiB of zeros with a random byte every 512: gzip makes about 150:1 of it."""
    block = bytearray(MiB)
    noise = random.Random(7)
    for index in range(0, MiB, 512):
        block[index] = noise.randrange(256)
    return bytes(block)


ZERO_BLOCKS = gzip_blocks(bytes(MiB))
SPARSE_BLOCKS = gzip_blocks(sparse_block())

log_lock = threading.Lock()
request_log = []
seen_paths = set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "LecternTestServer/1"

    def log_message(self, format, *args):
        pass  # keep the test output clean

    def do_GET(self):
        self.handle_any(b"")

    def do_HEAD(self):
        self.handle_any(b"")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.handle_any(self.rfile.read(length) if length else b"")

    def handle_any(self, body):
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        self.log_entry = {}
        if path != "/__log":
            self.log_entry = {
                "method": self.command,
                "path": self.path,
                "headers": {k: v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
                "clientPort": self.client_address[1],
            }
            with log_lock:
                request_log.append(self.log_entry)
        try:
            self.route(path, query, body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, which is what several tests want

    def route(self, path, query, body):
        parts = [p for p in path.split("/") if p]
        head = parts[0] if parts else ""
        if path == "/__log":
            with log_lock:
                data = json.dumps(request_log).encode()
                if "clear" in query:
                    request_log.clear()
            return self.send(200, data, "application/json")
        if path == "/feed":
            return self.send(200, FEED, FEED_TYPE)
        if head == "etag" and len(parts) > 1:
            return self.send_validated("/".join(parts[1:]))
        if head == "status" and len(parts) == 2:
            code = int(parts[1])
            return self.send(code, f"status {code}\n".encode(), "text/plain")
        if head == "retry-after" and len(parts) == 2:
            return self.send(429, b"slow down\n", "text/plain",
                             {"Retry-After": parts[1]})
        if head == "retry-after-date" and len(parts) == 2:
            when = email.utils.formatdate(time.time() + int(parts[1]), usegmt=True)
            return self.send(503, b"busy\n", "text/plain", {"Retry-After": when})
        if head == "retry-once" and len(parts) >= 2:
            with log_lock:
                first = path not in seen_paths
                seen_paths.add(path)
            if first:
                return self.send(429, b"slow down\n", "text/plain",
                                 {"Retry-After": parts[1]})
            return self.send(200, FEED, FEED_TYPE)
        if head == "slow" and len(parts) == 2:
            time.sleep(float(parts[1]))
            return self.send(200, FEED, FEED_TYPE)
        if head == "drip" and len(parts) == 2:
            return self.drip(float(parts[1]))
        if path == "/cut":
            self.send_response(200)
            self.send_header("Content-Type", FEED_TYPE)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"x" * 1000)
            self.wfile.flush()
            self.close_connection = True
            return
        if path == "/big":
            return self.send_big(with_length="nolength" not in query)
        if head == "gzip":
            data = self.read_file("/".join(parts[1:])) if len(parts) > 1 else FEED
            if data is None:
                return self.send(404, b"no such file\n", "text/plain")
            return self.send(200, gzip.compress(data), FEED_TYPE,
                             {"Content-Encoding": "gzip"})
        if head == "redirect":
            return self.redirect(parts[1:])
        if path == "/endless":
            return self.send_endless(None, status=int(query.get("status", ["200"])[0]),
                                     mibps=self.mib(query, 0, name="mibps"))
        if path == "/huge-length":
            return self.send_endless(2_000_000_000)
        if path == "/gzip-bomb":
            return self.send_gzip_blocks(ZERO_BLOCKS, self.mib(query, 1024), "nolength" not in query)
        if path == "/high-ratio":
            return self.send_gzip_blocks(SPARSE_BLOCKS, self.mib(query, 64), "nolength" not in query)
        if path == "/atom":
            data = self.atom(self.mib(query, 48))
            return self.send(200, data, "application/atom+xml")
        if path == "/bad-header":
            return self.send_bad_header(query.get("kind", ["latin1"])[0])
        if path == "/html":
            page = b"<!DOCTYPE html><html><head><title>Not a feed</title></head>" \
                   b"<body><p>Hello</p></body></html>\n"
            return self.send(200, page, "text/html; charset=UTF-8")
        if path == "/comment" and self.command == "POST":
            return self.send(302, b"", "text/html",
                             {"Location": self.absolute("/?p=4#comment-42")})
        if path == "/echo" and self.command == "POST":
            return self.send(200, body, self.headers.get("Content-Type") or "text/plain")
        data = self.read_file(path.lstrip("/"))
        if data is None:
            return self.send(404, b"not found\n", "text/plain")
        return self.send(200, data, self.guess_type(path))

    def redirect(self, rest):
        if rest[:1] == ["chain"] and len(rest) == 2:
            n = int(rest[1])
            target = f"/redirect/chain/{n - 1}" if n > 0 else "/feed"
            return self.send(301, b"", "text/plain", {"Location": self.absolute(target)})
        if rest == ["endless"]:
            return self.send_endless(None, status=301, location=self.absolute("/feed"))
        if rest == ["then-endless"]:
            return self.send(302, b"", "text/plain",
                             {"Location": self.absolute("/redirect/endless")})
        if rest == ["loop"]:
            return self.send(301, b"", "text/plain",
                             {"Location": self.absolute("/redirect/loop2")})
        if rest == ["loop2"]:
            return self.send(301, b"", "text/plain",
                             {"Location": self.absolute("/redirect/loop")})
        if rest and rest[0].isdigit():
            target = "/" + "/".join(rest[1:])
            return self.send(int(rest[0]), b"", "text/plain",
                             {"Location": self.absolute(target)})
        return self.send(404, b"unknown redirect\n", "text/plain")

    def send_validated(self, name):
        data = self.read_file(name)
        if data is None:
            return self.send(404, b"not found\n", "text/plain")
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(STARTED - 3600, usegmt=True)
        validators = {"ETag": etag, "Last-Modified": modified}
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, b"", None, validators)
        return self.send(200, data, self.guess_type(name), validators)

    def drip(self, seconds):
        self.send_response(200)
        self.send_header("Content-Type", FEED_TYPE)
        self.send_header("Content-Length", str(len(FEED)))
        self.end_headers()
        deadline = time.time() + seconds
        index = 0
        while index < len(FEED) - 1 and time.time() < deadline:
            self.wfile.write(FEED[index:index + 1])
            self.wfile.flush()
            index += 1
            time.sleep(0.2)
        self.wfile.write(FEED[index:])

    def send_big(self, with_length):
        size = 30 * 1024 * 1024
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if with_length:
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        chunk = b"y" * 65536
        for _ in range(size // len(chunk)):
            self.wfile.write(chunk)

    @staticmethod
    def mib(query, default, name="mib"):
        return int(query.get(name, [default])[0])

    def send_endless(self, length, status=200, location=None, mibps=0):
        """A feed's opening, then items until the client hangs up (or `length` bytes in all).

        A body declared with `length` is exactly that long, so a client that reads all of it
        (URLSession's cancel can take that long to get in) may reuse the connection cleanly.

        With `mibps`, no faster than that. At loopback speed the socket never runs dry, and
        FoundationNetworking's cancel (run synchronously on the queue that libcurl's socket
        handler keeps busy while there is data to read) can wait for seconds; over a real
        link the client empties the socket and the cancel gets in. A test that measures how
        soon the client hangs up uses a rate like a real link's."""
        self.send_response(status)
        self.send_header("Content-Type", FEED_TYPE)
        if location:
            self.send_header("Location", location)
        if length is None:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()
        opening = FEED[:FEED.index(b"<item>")]
        limit = min(length or HOSTILE_MAX_BYTES, HOSTILE_MAX_BYTES) - len(opening)
        self.wfile.write(opening)
        chunk = b"<item><title>again</title><description>" + b"x" * 65400 + b"</description></item>\n"
        sent = 0
        started = time.monotonic()
        try:
            while sent < limit:
                self.wfile.write(chunk[:limit - sent])
                sent += len(chunk)
                if mibps:
                    ahead = sent / (mibps * 1024 * 1024) - (time.monotonic() - started)
                    if ahead > 0:
                        time.sleep(ahead)
        finally:
            # What the client let through before hanging up, for /__log.
            with log_lock:
                self.log_entry["sent"] = sent

    def send_gzip_blocks(self, blocks, count, with_length):
        """`count` MiB as gzip, the compressed block repeated: bounded CPU whatever the size."""
        first, again = blocks[:2]
        self.send_response(200)
        self.send_header("Content-Type", FEED_TYPE)
        self.send_header("Content-Encoding", "gzip")
        if with_length:
            # The compressed length: blocks, an empty final block (2 bytes), the trailer (8).
            self.send_header("Content-Length", str(len(first) + (count - 1) * len(again) + 10))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(first)
        for _ in range(count - 1):
            self.wfile.write(again)
        # An empty final block, then the trailer: CRC-32 and length of what was inflated
        # (a client that read this far gets a well-formed stream).
        block, crc = blocks[2], 0
        for _ in range(count):
            crc = zlib.crc32(block, crc)
        self.wfile.write(b"\x03\x00" + crc.to_bytes(4, "little")
                         + ((count * MiB) & 0xFFFFFFFF).to_bytes(4, "little"))

    @staticmethod
    def atom(mib):
        entries = []
        body = ("<p>" + "Lorem ipsum dolor sit amet. " * 40 + "</p>") * 40
        for index in range(mib * 1024 // 48):
            entries.append(
                f"<entry><title>Entry {index}</title><id>urn:lectern:atom:{index}</id>"
                f"<link href=\"http://example.org/atom/{index}\"/>"
                f"<updated>2024-01-01T00:00:00Z</updated>"
                f"<content type=\"html\"><![CDATA[{body}]]></content></entry>\n")
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Large feed</title>"
                "<id>urn:lectern:atom</id><updated>2024-01-01T00:00:00Z</updated>\n"
                + "".join(entries) + "</feed>\n").encode()

    def send_bad_header(self, kind):
        self.send_response(200)
        self.send_header("Content-Type", FEED_TYPE)
        self.send_header("Content-Length", str(len(FEED)))
        # Raw bytes: send_header would encode the value for us.
        if kind == "nocolon":
            self._headers_buffer.append(b"This line is not a header\r\n")
        else:
            self._headers_buffer.append(b"X-Title: caf\xe9\r\n")
        self.end_headers()
        self.wfile.write(FEED)

    def send(self, code, data, content_type, extra=None):
        self.send_response(code)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def absolute(self, path):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def read_file(self, name):
        if ROOT is None:
            return None
        full = os.path.abspath(os.path.join(ROOT, name))
        if not full.startswith(ROOT + os.sep) or not os.path.isfile(full):
            return None
        with open(full, "rb") as f:
            return f.read()

    @staticmethod
    def guess_type(name):
        if name.endswith(".xml") or name.endswith(".rss"):
            return "application/xml"
        if name.endswith(".json"):
            return "application/json"
        return mimetypes.guess_type(name)[0] or "application/octet-stream"


def exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


class QuietServer(ThreadingHTTPServer):
    """Keeps quiet when a client hangs up mid-answer, as clients refusing a hostile body do."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(handler):
    """Serves `handler` on 127.0.0.1 for one test: prints the port, ends with the test.

    Every test server in this folder starts this way, so a crashed test run never leaves
    one behind."""
    server = QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    threading.Timer(LIFETIME_SECONDS, lambda: os._exit(0)).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


def main():
    serve(Handler)


if __name__ == "__main__":
    main()
