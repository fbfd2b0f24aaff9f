"""Helpers for the browser tests and `make bench-web`: serve a built site locally, launch Debian's Chromium."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_MISSING = "install Debian's chromium: apt-get install chromium"
# Quiet, offline, container-friendly: no sandbox (we run as root in CI), no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# One page of each kind the generator writes, by path under the site root.
PAGE_KINDS = {
    "home": "",
    "overview": "2364/",
    "text": "2364/text/",
    "preambular": "2364/pp/1/",
    "operative": "2364/op/20/",
    "references": "references/",
    "cite": "cite/",
    "actors": "actors/",
    "actor": "actors/minusma/",
    "themes": "themes/",
    "theme": "themes/protection-of-civilians/",
    "verbs": "verbs/",
    "glossary": "glossary/",
    "search": "search/",
    "obligations": "2364/obligations/",
    "timeline": "2364/timeline/",
    "mandate": "2364/mandate/",
    "reference map": "2364/references-map/",
    "matrix": "2364/matrix/",
    "strength": "2364/strength/",
    "actors, a page of the index": "actors/1/",
    "actor in one year": "actors/minusma/years/2017/",
    "cited documents, a page": "references/resolutions/1/",
    "cited document": "references/cited/s-res-1325-2000/",
    "changes": "2364/changes/",
    "series": "series/minusma/",
    "series index": "series/",
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")
"""Text files; Pagefind's .pf_* index files and its .wasm come compressed already."""


class _GzipHandler(_QuietHandler):
    """Compresses what GitHub Pages compresses, so measured transfer sizes match the real host."""

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or not path.name.endswith(COMPRESSIBLE):
            return super().do_GET()  # also the stdlib's redirect of /dir to /dir/
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path, compress: bool = False) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 at a random free port; yields the origin with a trailing slash.

    ``compress`` gzips text responses as GitHub Pages does (for Lighthouse); tests serve plainly.
    """
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
