#!/usr/bin/env python3
"""test_server.py plus a WordPress-like site, for the end-to-end sync tests.

Usage: sites.py DIRECTORY

Starts like test_server.py (prints its port, exits when stdin closes) and keeps
all its routes. Adds:
  /__status               JSON list of {"path", "status"} for every answer so far
  /__status?clear=1       the same, then forgets them (also clears /__log)
  /wp/                    the site's home page: a feed <link> and the header
                          Link: <.../wp/wp-json/>; rel="https://api.w.org/"
  /wp/feed/               DIRECTORY/wp/feed.xml, with ETag (304 when it matches)
  /wp/wp-json/wp/v2/comments?post=ID&page=N&per_page=M&order=asc|desc
                          DIRECTORY/wp/comments-ID.json (a JSON list of REST
                          comment objects) one page at a time, ordered by id,
                          with X-WP-Total and X-WP-TotalPages, ETag per page;
                          a page past the end is WordPress's 400
The paths that test_server serves from DIRECTORY answer too: /etag/FILE is the
one with validators.
"""

import hashlib
import json
import os
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_server  # noqa: E402  (reads DIRECTORY from sys.argv like this script)


status_lock = threading.Lock()
status_log = []


class SiteHandler(test_server.Handler):
    def send_response(self, code, message=None):
        if not self.path.startswith("/__"):
            with status_lock:
                status_log.append({"path": self.path, "status": code})
        super().send_response(code, message)

    def route(self, path, query, body):
        if path == "/__status":
            with status_lock:
                data = json.dumps(status_log).encode()
                if "clear" in query:
                    status_log.clear()
                    with test_server.log_lock:
                        test_server.request_log.clear()
            return self.send(200, data, "application/json")
        if path in ("/wp", "/wp/"):
            return self.home()
        if path == "/wp/feed/":
            return self.send_validated("wp/feed.xml")
        if path.rstrip("/") == "/wp/wp-json/wp/v2/comments":
            return self.comments(query)
        return super().route(path, query, body)

    def home(self):
        api = self.absolute("/wp/wp-json/")
        page = ('<!DOCTYPE html><html><head><title>A WordPress site</title>'
                '<link rel="alternate" type="application/rss+xml" title="Site &raquo; Feed" href="/wp/feed/">'
                '</head><body><p>Home</p></body></html>\n').encode()
        return self.send(200, page, "text/html; charset=UTF-8",
                         {"Link": '<%s>; rel="https://api.w.org/"' % api})

    def comments(self, query):
        post = (query.get("post") or ["0"])[0]
        page = int((query.get("page") or ["1"])[0])
        per_page = min(100, int((query.get("per_page") or ["10"])[0]))
        data = self.read_file("wp/comments-%s.json" % post) if post.isdigit() else None
        if data is None:
            return self.send(400, b'{"code":"rest_post_invalid_id"}', "application/json")
        items = sorted(json.loads(data), key=lambda c: c["id"],
                       reverse=(query.get("order") or ["desc"])[0] == "desc")
        total_pages = max(1, -(-len(items) // per_page))
        if page > total_pages:
            return self.send(400, b'{"code":"rest_post_invalid_page_number"}', "application/json")
        body = json.dumps(items[(page - 1) * per_page:page * per_page]).encode()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        headers = {"X-WP-Total": str(len(items)), "X-WP-TotalPages": str(total_pages), "ETag": etag}
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, b"", None, headers)
        return self.send(200, body, "application/json; charset=UTF-8", headers)


def main():
    test_server.serve(SiteHandler)


if __name__ == "__main__":
    main()
