"""In-browser app (issue #15): cold start and each chapter's run time against native.

    python bench/bench_lite.py [--repeat N] [CHAPTER ...]   (default: chapters 00-10)

Serves the app (``_build/html/lite``, else ``_build/lite-only``; build it with
``python tools/lite.py build``) on 127.0.0.1 and drives headless Chromium, offline.
For each chapter, in a fresh browser context (nothing cached, a new kernel):

- cold start: the chapter's "Run in the browser" URL opened -> its first cell's
  result (the app loads, Pyodide starts, nnlib and its dependencies load), and
  the megabytes the browser loaded until then;
- browser run: Run All -> every cell done, in that warm kernel;
- native run: the same chapter in a fresh local kernel with nbclient, the way the
  book build and nbval run it (tools/reproducible.py's environment: 2 BLAS threads).

--repeat N runs each side N times and keeps the fastest of each (cold start, browser
run, native run): on a shared 2-core machine a neighbour's load slows single runs,
the native one most (two BLAS threads wait for each other). Prints one line per
chapter and the ratio browser/native; targets: cold start
<= 15 s, ratio <= 3 for chapters 0-10. Nothing is written to the chapters.
"""
import argparse
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import lite  # noqa: E402
import reproducible  # noqa: E402

COLD_TARGET, RATIO_TARGET = 15.0, 3.0


def native_seconds(path):
    import nbformat
    from nbclient import NotebookClient

    reproducible.apply()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=1200, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():          # kernel start-up is not the chapter's run time
        start = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        return time.perf_counter() - start


def main(names, repeat=1):
    from playwright.sync_api import sync_playwright

    out = lite.OUT if (lite.OUT / "jupyter-lite.json").is_file() else ROOT / "_build" / "lite-only"
    if not (out / "jupyter-lite.json").is_file():
        sys.exit("no app: python tools/lite.py build [--out _build/lite-only]")
    paths = [p for p in sorted((ROOT / "chapters").glob("*.ipynb"))
             if (names and any(p.stem.startswith(n) for n in names))
             or (not names and int(p.stem[:2]) <= 10)]
    base, server = lite.serve(out)
    for name, size in lite.sizes(out).items():
        print(f"{size / 1e6:6.1f} MB  {name}")
    print(f"{'chapter':28s} {'cold start':>10s} {'loaded':>8s} {'browser':>9s} {'native':>8s} "
          f"{'ratio':>6s}")
    misses = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=lite.CHROMIUM_FLAGS)
        for path in paths:
            runs = [lite.run_chapter(browser, base, f"chapters/{path.name}", timeout_s=3600)
                    for _ in range(repeat)]
            r = dict(runs[0], cold_start=min(x["cold_start"] for x in runs),
                     run=min(x["run"] for x in runs),
                     outside=[u for x in runs for u in x["outside"]])
            native = min(native_seconds(path) for _ in range(repeat))
            ratio = r["run"] / native
            flag = []
            if r["cold_start"] > COLD_TARGET:
                flag.append("cold start")
            if ratio > RATIO_TARGET:
                flag.append("ratio")
            if r["outside"]:
                flag.append(f"{len(r['outside'])} requests outside")
            misses += [f"{path.stem}: {f}" for f in flag]
            print(f"{path.stem:28s} {r['cold_start']:9.1f}s {r['cold_bytes'] / 1e6:5.1f} MB "
                  f"{r['run']:8.1f}s {native:7.1f}s "
                  f"{ratio:5.1f}x {'  MISS: ' + ', '.join(flag) if flag else ''}", flush=True)
        browser.close()
    server.shutdown()
    print(f"targets: cold start <= {COLD_TARGET:.0f} s, browser <= {RATIO_TARGET:.0f}x native; "
          f"{len(misses)} misses")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="e.g. 01 07 (default: 00-10)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per side; the fastest of each is kept")
    args = parser.parse_args()
    main(args.chapters, args.repeat)
