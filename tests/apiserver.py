"""Crossref, arXiv and OpenAlex as a local HTTP server on 127.0.0.1, answering from files.

The answers are this project's fixtures (``tests/fixtures/apis/``), or a folder of the
shared corpus of real recorded answers (``../shared/corpus/apis/``) where it is present.
Some DOIs stand for how services fail: ``10.5555/slow`` answers late, ``10.5555/busy``
is always rate-limited (429), ``10.5555/busy-once`` is once, ``10.5555/broken`` answers
what is not JSON, ``10.5555/server-error`` a 500. Any other unknown DOI is a 404, as
Crossref answers it. ``requests`` counts the requests each path got.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import re
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "apis"
SLOW_SECONDS = 3


def file_name(identifier: str) -> str:
    """The corpus's name for an identifier: each character outside [A-Za-z0-9._-] as "_"."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", identifier)


class Answers:
    """Where the answers come from, and how many requests each path got."""

    def __init__(self, crossref: Path = FIXTURES / "crossref", arxiv: Path = FIXTURES / "arxiv",
                 openalex: Path = FIXTURES / "openalex"):
        self.folders = {"crossref": crossref, "arxiv": arxiv, "openalex": openalex}
        self.requests: Counter = Counter()

    def answer(self, path: str, query: dict) -> tuple[int, dict, bytes]:
        self.requests[path] += 1
        if path.startswith("/crossref/works/"):
            return self._crossref(unquote(path.removeprefix("/crossref/works/")), path)
        if path == "/arxiv/query":
            return self._arxiv(query.get("id_list", [""])[0])
        if path.startswith("/openalex/works/"):
            return self._file("openalex", file_name(unquote(path.removeprefix("/openalex/works/"))
                                                    .removeprefix("https://doi.org/")) + ".json")
        return 404, {}, b"Not found."

    def _crossref(self, doi: str, path: str) -> tuple[int, dict, bytes]:
        if doi == "10.5555/slow":
            time.sleep(SLOW_SECONDS)
        if doi == "10.5555/busy" or (doi == "10.5555/busy-once" and self.requests[path] == 1):
            return 429, {"Retry-After": "0", "Content-Type": "text/plain"}, b"Too many requests."
        if doi == "10.5555/broken":
            return 200, {"Content-Type": "application/json"}, b'{"status": "ok", "message": {"title": '
        if doi == "10.5555/server-error":
            return 500, {"Content-Type": "text/plain"}, b"Internal Server Error"
        if doi == "10.5555/busy-once":
            doi = "10.5555/frugal.2025.7"
        return self._file("crossref", file_name(doi) + ".json")

    def _arxiv(self, identifier: str) -> tuple[int, dict, bytes]:
        status, headers, body = self._file("arxiv", file_name(identifier) + ".xml")
        if status == 404:  # arXiv answers an unknown id with a feed that has no entry
            return self._file("arxiv", "empty.xml")
        return status, headers, body

    def _file(self, service: str, name: str) -> tuple[int, dict, bytes]:
        path = self.folders[service] / name
        if not path.is_file():
            return 404, {"Content-Type": "text/plain"}, b"Resource not found."
        kind = "application/json" if name.endswith(".json") else "application/atom+xml"
        return 200, {"Content-Type": kind}, path.read_bytes()


@contextlib.contextmanager
def serving(answers: Answers | None = None):
    """The services on a free local port; yields the environment that points labsite at them, and the answers."""
    answers = answers or Answers()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            parts = urlsplit(self.path)
            status, headers, body = answers.answer(parts.path, parse_qs(parts.query))
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (a timeout test)
                pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    environment = {"LABSITE_CROSSREF_URL": f"{base}/crossref", "LABSITE_ARXIV_URL": f"{base}/arxiv",
                   "LABSITE_OPENALEX_URL": f"{base}/openalex"}
    try:
        yield environment, answers
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def pointed_at(answers: Answers | None = None):
    """The services served (see :func:`serving`) with labsite's environment pointing at them
    while the block runs, as it was afterwards; yields the answers."""
    with serving(answers) as (environment, served):
        saved = {name: os.environ.get(name) for name in environment}
        os.environ.update(environment)
        try:
            yield served
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
