#!/usr/bin/env python3
"""A WordPress-like site that takes comments, for the outbox tests.

Usage: wordpress_site.py [--anonymous-rest] [--closed IDS] [--moderate]
                         [--user NAME:APP_PASSWORD] [--first-id N]

Listens on 127.0.0.1 on a free port and prints that port as the first line of
stdout. Exits when stdin reaches end of file (the test process that started it
died or closed the pipe) and in any case after test_server.LIFETIME_SECONDS.

Options:
  --anonymous-rest   the REST API accepts comments without authentication
                     (as a site with `rest_allow_anonymous_comments` does)
  --closed IDS       comma-separated post ids whose comments are closed
  --moderate         every new comment is held for moderation
  --user NAME:PASS   the only credentials REST Basic auth accepts (any when absent)
  --first-id N       the id of the first accepted comment (default 100)

Routes:
  POST /wp-comments-post.php   the classic comment form, answered as WordPress
                               does: 302 to /?p=POST#comment-ID on success
                               (with unapproved=ID when held), 409 duplicate,
                               403 closed, 429 flood, 400 missing fields
  POST /wp-json/wp/v2/comments the REST API: 201 with the comment as JSON;
                               401 rest_comment_login_required without auth
  GET  /wp-json/wp/v2/comments?post=ID   the accepted comments of a post
  GET  /__log                  JSON list of the requests received so far (not
                               control routes), each with method, path,
                               headers, body, and form or json when decodable
  GET  /__log?clear=1          the same, then forgets them
  POST /__fail?count=N&status=S  the next N comment requests answer S
"""

import argparse
import base64
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_server  # noqa: E402  (the common start: port on stdout, ends with the test)

FORM_FIELDS = ["comment_post_ID", "comment_parent", "author", "email", "url", "comment"]

lock = threading.Lock()
request_log = []
comments = []
failures = {"count": 0, "status": 500}
options = None
next_id = [100]

# The bodies WordPress's wp_die() and REST errors give for each refusal.
FORM_ERRORS = {
    400: "<strong>Error:</strong> Please fill the required fields.",
    403: "Sorry, comments are closed for this item.",
    409: "Duplicate comment detected; it looks as though you&#8217;ve already said that!",
    429: "You are posting comments too quickly. Slow down.",
}
REST_ERRORS = {
    400: ("rest_comment_content_invalid", "Invalid comment content."),
    401: ("rest_comment_login_required", "Sorry, you must be logged in to comment."),
    403: ("rest_comment_closed", "Sorry, you are not allowed to create a comment on this post."),
    409: ("comment_duplicate",
          "Duplicate comment detected; it looks as though you\u2019ve already said that!"),
    429: ("comment_flood", "You are posting comments too quickly. Slow down."),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "WordPressLikeSite/1"

    def log_message(self, format, *args):
        pass  # keep the test output clean

    def do_GET(self):
        self.handle_any(b"")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.handle_any(self.rfile.read(length) if length else b"")

    def handle_any(self, body):
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        if not path.startswith("/__"):
            self.log_request_body(body)
        try:
            self.route(path, query, body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_request_body(self, body):
        entry = {
            "method": self.command,
            "path": self.path,
            "headers": {k: v for k, v in self.headers.items()},
            "body": body.decode("utf-8", "replace"),
        }
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if content_type == "application/x-www-form-urlencoded":
            fields = parse_qs(body.decode("ascii", "replace"), keep_blank_values=True,
                              encoding="utf-8", errors="strict")
            entry["form"] = {k: v[0] for k, v in fields.items()}
            entry["form_repeats"] = sorted(k for k, v in fields.items() if len(v) > 1)
        elif content_type == "application/json":
            try:
                entry["json"] = json.loads(body.decode("utf-8"))
            except ValueError:
                entry["json"] = None
        with lock:
            request_log.append(entry)

    def route(self, path, query, body):
        if path == "/__log":
            with lock:
                data = json.dumps(request_log).encode()
                if "clear" in query:
                    request_log.clear()
            return self.send(200, data, "application/json")
        if path == "/__fail" and self.command == "POST":
            with lock:
                failures["count"] = int(query.get("count", ["1"])[0])
                failures["status"] = int(query.get("status", ["500"])[0])
            return self.send(204, b"", "text/plain")
        if path == "/wp-comments-post.php" and self.command == "POST":
            return self.comment_form(body)
        if path == "/wp-json/wp/v2/comments" and self.command == "POST":
            return self.comment_rest(body)
        if path == "/wp-json/wp/v2/comments" and self.command == "GET":
            post = int(query.get("post", ["0"])[0])
            with lock:
                listed = [c for c in comments if c["post"] == post]
            return self.send(200, json.dumps(listed).encode(), "application/json")
        return self.send(404, b"not found\n", "text/plain")

    # The classic form.

    def comment_form(self, body):
        if self.forced_failure(rest=False):
            return
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if content_type != "application/x-www-form-urlencoded":
            return self.form_error(400)
        try:
            fields = parse_qs(body.decode("ascii"), keep_blank_values=True,
                              encoding="utf-8", errors="strict")
        except (UnicodeDecodeError, ValueError):
            return self.form_error(400)
        form = {k: v[0] for k, v in fields.items()}
        if any(name not in form for name in FORM_FIELDS):
            return self.form_error(400)
        try:
            post = int(form["comment_post_ID"])
            parent = int(form["comment_parent"])
        except ValueError:
            return self.form_error(400)
        if (post <= 0 or parent < 0 or not form["comment"].strip()
                or not form["author"].strip() or "@" not in form["email"]):
            return self.form_error(400)
        status, comment = self.accept(post, parent, form["author"], form["email"],
                                      form["url"], form["comment"])
        if status != 201:
            return self.form_error(status)
        location = f"/?p={post}"
        if comment["status"] == "hold":
            location += f"&unapproved={comment['id']}&moderation-hash=0123abcd"
        location += f"#comment-{comment['id']}"
        return self.send(302, b"", "text/html; charset=UTF-8",
                         {"Location": self.absolute(location)})

    def form_error(self, status):
        page = ("<!DOCTYPE html><html><head><title>Comment Submission Failure</title></head>"
                f"<body id=\"error-page\"><div class=\"wp-die-message\"><p>{FORM_ERRORS[status]}</p>"
                "</div><p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>")
        return self.send(status, page.encode(), "text/html; charset=UTF-8")

    # The REST API.

    def comment_rest(self, body):
        if self.forced_failure(rest=True):
            return
        authorized = self.authorization()
        if authorized is False:
            return self.send_json(401, {"code": "incorrect_password",
                                        "message": "The provided password is an invalid application password.",
                                        "data": {"status": 401}})
        if not authorized and not options.anonymous_rest:
            return self.rest_error(401)
        try:
            data = json.loads(body.decode("utf-8"))
            post = int(data.get("post", 0))
            parent = int(data.get("parent", 0))
        except (UnicodeDecodeError, ValueError, TypeError, AttributeError):
            return self.rest_error(400)
        content = data.get("content", "")
        if post <= 0 or not isinstance(content, str) or not content.strip():
            return self.rest_error(400)
        status, comment = self.accept(post, parent, str(data.get("author_name", "")),
                                      str(data.get("author_email", "")),
                                      str(data.get("author_url", "")), content)
        if status != 201:
            return self.rest_error(status)
        return self.send_json(201, comment)

    def authorization(self):
        """None without credentials, True when accepted, False when refused."""
        header = self.headers.get("Authorization")
        if not header:
            return None
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            given = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return False
        return options.user is None or given == options.user

    def rest_error(self, status):
        code, message = REST_ERRORS[status]
        return self.send_json(status, {"code": code, "message": message,
                                       "data": {"status": status}})

    # Shared rules.

    def forced_failure(self, rest):
        with lock:
            if failures["count"] <= 0:
                return False
            failures["count"] -= 1
            status = failures["status"]
        if status in (REST_ERRORS if rest else FORM_ERRORS):
            if rest:
                self.rest_error(status)
            else:
                self.form_error(status)
        else:
            self.send(status, f"<html><body><h1>Error {status}</h1></body></html>".encode(),
                      "text/html; charset=UTF-8")
        return True

    def accept(self, post, parent, author, email, url, text):
        """Stores the comment as WordPress would; returns (status, comment)."""
        if post in options.closed:
            return 403, None
        with lock:
            for c in comments:
                if (c["post"] == post and c["author_name"] == author
                        and c["content"]["raw"] == text):
                    return 409, None
            comment = {
                "id": next_id[0], "post": post, "parent": parent, "author_name": author,
                "author_email": email, "author_url": url,
                "status": "hold" if options.moderate else "approved",
                "content": {"raw": text, "rendered": "<p>" + escape(text) + "</p>\n"},
                "link": self.absolute(f"/?p={post}#comment-{next_id[0]}"),
            }
            next_id[0] += 1
            comments.append(comment)
        return 201, comment

    def send_json(self, status, value):
        return self.send(status, json.dumps(value).encode(), "application/json; charset=UTF-8")

    def send(self, status, data, content_type, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def absolute(self, path):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    global options
    parser = argparse.ArgumentParser()
    parser.add_argument("--anonymous-rest", action="store_true")
    parser.add_argument("--closed", default="")
    parser.add_argument("--moderate", action="store_true")
    parser.add_argument("--user", default=None)
    parser.add_argument("--first-id", type=int, default=100)
    options = parser.parse_args()
    options.closed = {int(x) for x in options.closed.split(",") if x.strip()}
    next_id[0] = options.first_id

    test_server.serve(Handler)


if __name__ == "__main__":
    main()
