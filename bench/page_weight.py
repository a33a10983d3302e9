"""Page weight of the built book: `python bench/page_weight.py` (after a build).

Opens every page of _build/html in headless Chromium from a local server and prints,
per page, the bytes of the page itself (HTML, which carries the slider frames and
figures inline or as images), the bytes of everything the page loads, and the number
of requests to other hosts (blocked; the goal is zero).
"""
import functools
import http.server
import pathlib
import threading
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

HTML = pathlib.Path(__file__).resolve().parents[1] / "_build" / "html"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(HTML)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = ["intro.html"] + sorted(p.relative_to(HTML).as_posix() for p in (HTML / "chapters").glob("*.html"))
    print(f"{'page':40s} {'own KB':>8s} {'images KB':>10s} {'all loaded KB':>14s} {'other hosts':>12s}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for path in pages:
            context = browser.new_context()          # a cold cache: what a first visit costs
            page, sizes, external = context.new_page(), {}, set()

            def route(r):
                host = urlparse(r.request.url).hostname
                if r.request.url.startswith("data:") or host == "127.0.0.1":
                    r.continue_()
                else:
                    external.add(host)
                    r.abort()

            def on_response(resp):
                try:
                    sizes[resp.url] = len(resp.body())
                except Exception:
                    pass

            page.route("**/*", route)
            page.on("response", on_response)
            page.goto(f"{base}/{path}", wait_until="networkidle")
            own = sum(v for k, v in sizes.items() if k.split("?")[0].endswith(path))
            images = sum(v for k, v in sizes.items() if "/_images/" in k)
            if path == "intro.html":
                for url, n in sorted(sizes.items(), key=lambda kv: -kv[1])[:6]:
                    print(f"    largest shared asset: {n / 1024:7.0f} KB  {url.split('/', 3)[-1].split('?')[0]}")
            print(f"{path:40s} {own / 1024:8.0f} {images / 1024:10.0f} {sum(sizes.values()) / 1024:14.0f} {len(external):12d}")
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
