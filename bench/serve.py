#!/usr/bin/env python3
"""Live preview benchmark: how soon `toolkit serve` shows an edited challenge, at any size.

    python3 bench/serve.py > results.md        (from anywhere; see bench/README.md)

Options (or environment): --sizes 10000 (BENCH_SIZES), --edits 7 (BENCH_EDITS), --cache DIR
(BENCH_CACHE, shared with bench/build.py: the corpora of bench/corpus.py are reused).

For each size it starts `toolkit serve` on a copy of the corpus, waits for the first build and
its search index, then edits one challenge at a time (a word added to a bullet, as a translator
saves a file) and asks the preview for the page until it shows the new word. Measured: from
the file's save to the page served with it (over HTTP, as a browser would get it), and what the
preview reports: the quick update of that page, and the full build that follows in the
background. Each figure is the median of the edits. Python 3.11+ standard library.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import TOOLKIT, PROJECT, corpus, log  # noqa: E402


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8", "replace")


class Preview:
    """A running `toolkit serve`, its address and what it says on stderr."""

    def __init__(self, root: Path):
        self.process = subprocess.Popen([str(TOOLKIT), "serve", "--port", "0", "--root", str(root)],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        self.address = re.search(r"http://\S+", line).group(0)
        self.lines = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line.rstrip())

    def wait_for(self, pattern: str, after: int, timeout: float = 600) -> re.Match:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for line in self.lines[after:]:
                if m := re.search(pattern, line):
                    return m
            time.sleep(0.05)
        raise TimeoutError(f"the preview never said {pattern!r}: {self.lines[-5:]}")

    def stop(self):
        self.process.kill()
        self.process.wait()


def challenges(root: Path, count: int):
    """`count` English challenge files spread over the corpus, and their page addresses."""
    found = sorted((root / "content/en").glob("*/*/[a-z].md"), key=lambda p: p.as_posix())
    step = max(1, len(found) // count)
    for path in found[::step][:count]:
        chapter, section, letter = path.relative_to(root / "content/en").with_suffix("").parts
        yield path, f"en/{section}.{letter}/"


def measure(size: int, cache: Path, edits: int) -> dict:
    source = corpus(cache, size, False) / "toolkit"
    root = cache / f"serve-{size}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(source, root)
    log(f"{size} pages: starting the preview")
    started = time.monotonic()
    preview = Preview(root)
    first = time.monotonic() - started
    preview.wait_for(r"search index updated in", 0)
    ready = time.monotonic() - started
    shown, quick, full = [], [], []
    try:
        for n, (path, page) in enumerate(challenges(root, edits)):
            marker = f"benchmarkedit{n}"
            text = path.read_text("utf-8")
            edited = re.sub(r"^- ", f"- {marker} ", text, count=1, flags=re.M)
            mark = len(preview.lines)
            saved = time.monotonic()
            path.write_text(edited, "utf-8")
            while marker not in fetch(preview.address + page):
                if time.monotonic() - saved > 120:
                    raise TimeoutError(f"{page} never showed the edit")
            shown.append((time.monotonic() - saved) * 1000)
            quick.append(int(preview.wait_for(r"shown in (\d+) ms", mark).group(1)))
            full.append(int(preview.wait_for(r"pages built in (\d+) ms", mark).group(1)))
            # The next edit after the full build and its search index, as in real use.
            preview.wait_for(r"search index updated in", mark)
            log(f"{size} pages: {page} shown after {shown[-1]:.0f} ms (quick update {quick[-1]} ms, full build {full[-1]} ms)")
    finally:
        preview.stop()
        shutil.rmtree(root, ignore_errors=True)
    return {"size": size, "first": first, "ready": ready, "shown": shown, "quick": quick, "full": full}


def main():
    parser = argparse.ArgumentParser(description="Live preview benchmark: an edited page shown by toolkit serve.")
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "10000"))
    parser.add_argument("--edits", type=int, default=int(os.environ.get("BENCH_EDITS", "7")))
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("BENCH_CACHE", "/tmp/toolkit-build-bench")))
    args = parser.parse_args()
    if not TOOLKIT.exists():
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=PROJECT, check=True)
    args.cache.mkdir(parents=True, exist_ok=True)
    results = [measure(int(size), args.cache, args.edits) for size in args.sizes.split(",") if size]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True).stdout.strip()
    print(f"{time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} after · "
          f"toolkit {commit} · median of {args.edits} edits\n")
    print("| corpus | first pages served | search ready | edit → page served with it | quick update | full build (background) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        median = statistics.median
        print(f"| {r['size']:,} pages | {r['first']:.1f} s | {r['ready']:.1f} s | {median(r['shown']):.0f} ms "
              f"(max {max(r['shown']):.0f}) | {median(r['quick']):.0f} ms | {median(r['full']):.0f} ms |")


if __name__ == "__main__":
    main()
