#!/usr/bin/env python3
"""Build benchmark: the toolkit against Hugo (and Zola where installed) on synthetic corpora of
about 1,000, 4,000 and 10,000 pages made from the real content by bench/corpus.py.

    python3 bench/build.py > results.md        (from anywhere; see bench/README.md)

Options (or environment): --sizes 1000,4000,10000 (BENCH_SIZES), --runs 3 (BENCH_RUNS),
--cache DIR (BENCH_CACHE, default /tmp/toolkit-build-bench: the corpora are kept there and
reused while bench/corpus.py is unchanged; --fresh or BENCH_FRESH=1 makes them again).

Each run builds into a fresh output folder, one engine after the other (toolkit, Hugo, Zola),
under `/usr/bin/time -v`: wall time, user + system CPU time, peak resident memory. Then the
output's size (`du -sb`) and number of files. Each figure is the median of the runs (and
the best wall and CPU time, less sensitive to a busy machine). Progress
goes to stderr, the Markdown report to stdout.

Python 3.11+ standard library; GNU time (`apt-get install time`); Hugo from Debian
(`apt-get install hugo`) and Zola (see bench/README.md) are used when on the PATH.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
TOOLKIT = PROJECT / "target/release/toolkit"
GNU_TIME = "/usr/bin/time"


def log(*args):
    print("·", *args, file=sys.stderr, flush=True)


def sh(*cmd, cwd=None) -> str:
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


# ------------------------------------------------------------ corpora ----

def corpus(cache: Path, pages: int, fresh: bool) -> Path:
    """The corpus of about `pages` pages, made by bench/corpus.py unless already in the cache."""
    folder = cache / f"corpus-{pages}"
    stamp = hashlib.sha256((BENCH / "corpus.py").read_bytes()).hexdigest()[:16]
    stamp_file = folder / "generator.stamp"
    if not fresh and stamp_file.exists() and stamp_file.read_text().strip() == stamp:
        log(f"corpus of {pages} pages: reusing {folder}")
        return folder
    log(f"corpus of {pages} pages: generating in {folder}")
    if folder.exists():
        shutil.rmtree(folder)
    subprocess.run([sys.executable, BENCH / "corpus.py", folder, "--pages", str(pages)], check=True)
    stamp_file.write_text(stamp + "\n")
    return folder


# ------------------------------------------------------------ measuring ----

def timed(cmd, cwd, time_file: Path):
    """Runs cmd under /usr/bin/time -v; returns (stdout + stderr, measures)."""
    run = subprocess.run([GNU_TIME, "-v", "-o", str(time_file), *map(str, cmd)], cwd=cwd, capture_output=True, text=True)
    output = run.stdout + "\n" + run.stderr
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({run.returncode}):\n{output[-3000:]}")
    text = time_file.read_text()

    def field(name):
        m = re.search(rf"^\s*{re.escape(name)}: (.+)$", text, re.M)
        return m.group(1).strip() if m else "0"

    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    user, system = float(field("User time (seconds)")), float(field("System time (seconds)"))
    return output, {"wall": wall, "cpu": user + system, "user": user, "sys": system,
                    "rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024}


def output_size(folder: Path):
    size = int(sh("du", "-sb", str(folder)).split()[0])
    files = sum(len(names) for _, _, names in os.walk(folder))
    return size / 1e6, files


def sitemap_facts(out: Path):
    """The toolkit's sitemap: total size, files, URLs, whether it is a sitemap index, and
    whether every file keeps to the protocol's limits (50,000 URLs, 50 MB uncompressed)."""
    main = out / "sitemap.xml"
    if not main.exists():
        return {"sitemap": "none"}
    text = main.read_text("utf-8")
    is_index = "<sitemapindex" in text
    files = [main]
    if is_index:
        for loc in re.findall(r"<loc>([^<]+)</loc>", text):
            name = loc.rsplit("/", 1)[-1]
            found = list(out.rglob(name))
            files += found[:1]
    urls = sum(f.read_text("utf-8").count("<url>") for f in files)
    within = all(f.stat().st_size <= 50 * 1024 * 1024 and f.read_text("utf-8").count("<url>") <= 50000 and
                 f.read_text("utf-8").count("<sitemap>") <= 50000 for f in files)
    return {"sitemap_bytes": sum(f.stat().st_size for f in files), "sitemap_files": len(files),
            "sitemap_urls": urls, "sitemap_index": is_index, "sitemap_within_limits": within,
            "sitemap_largest": max(f.stat().st_size for f in files)}


class Engine:
    name = ""

    def available(self):
        return True

    def version(self):
        return ""


class Toolkit(Engine):
    name = "toolkit"

    def version(self):
        commit = sh("git", "-C", str(PROJECT), "rev-parse", "--short", "HEAD")
        dirty = sh("git", "-C", str(PROJECT), "status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock", "themes", "i18n")
        return f"commit {commit}" + (" (with uncommitted changes in src/, themes/ or i18n/)" if dirty else "")

    def run(self, corpus_dir: Path, out: Path, time_file: Path):
        root = corpus_dir / "toolkit"
        shutil.rmtree(root / ".toolkit", ignore_errors=True)  # the search index kept by the last build
        # The corpus has its own copy of the theme and interface texts: this build's, not those
        # of the commit that generated it.
        for part in ("themes", "i18n"):
            shutil.rmtree(root / part, ignore_errors=True)
            shutil.copytree(PROJECT / part, root / part)
        output, m = timed([TOOLKIT, "--root", root, "build", "--out", out], root, time_file)
        summary = next((l for l in output.splitlines() if l.startswith("built:")), "")
        m["pages"] = sum(int(n) for n in re.findall(r"\b[a-z]{2} (\d+)", summary.split("·")[0]))
        m["summary"] = summary
        m.update(sitemap_facts(out))
        return m


class Hugo(Engine):
    name = "Hugo"

    def available(self):
        return shutil.which("hugo") is not None

    def version(self):
        return sh("hugo", "version")

    def run(self, corpus_dir: Path, out: Path, time_file: Path):
        site = corpus_dir / "hugo"
        output, m = timed(["hugo", "--source", site, "--destination", out, "--noBuildLock"], site, time_file)
        row = re.search(r"^\s*Pages\s*\|(.*)$", output, re.M)
        m["pages"] = sum(int(n) for n in re.findall(r"\d+", row.group(1))) if row else 0
        return m


class Zola(Engine):
    name = "Zola"

    def available(self):
        return shutil.which("zola") is not None

    def version(self):
        return sh("zola", "--version")

    def run(self, corpus_dir: Path, out: Path, time_file: Path):
        site = corpus_dir / "zola"
        output, m = timed(["zola", "--root", site, "build", "--output-dir", out], site, time_file)
        found = re.search(r"Creating (\d+) pages", output)
        m["pages"] = int(found.group(1)) if found else 0
        return m


# ------------------------------------------------------------ report ----

def median_of(runs):
    """The median of each figure; user and system time from the run with the median CPU time
    (so that they add up); the best (lowest) CPU and wall time, less sensitive to a busy machine."""
    keys = [k for k, v in runs[0].items() if isinstance(v, (int, float)) and not isinstance(v, bool)]
    result = dict(runs[-1])
    result.update({k: statistics.median(r[k] for r in runs) for k in keys})
    middle = sorted(runs, key=lambda r: r["cpu"])[(len(runs) - 1) // 2]
    result.update(user=middle["user"], sys=middle["sys"], cpu=middle["cpu"],
                  best_cpu=min(r["cpu"] for r in runs), best_wall=min(r["wall"] for r in runs))
    return result


def fmt(x, digits=2):
    return f"{x:,.{digits}f}"


def report(results, sizes, engines, runs, machine, started, finished):
    out = []
    p = out.append
    p(f"{started:%Y-%m-%d} · {machine['cpus']} cores ({machine['cpu']}) · {machine['memory']} RAM · "
      f"load average {machine['load_before']} before, {machine['load_after']} after · median of {runs} run{'s' if runs != 1 else ''}")
    p("")
    for engine in engines:
        p(f"- {engine.name}: {engine.version()}")
    p("")
    p("Pages: as `toolkit build` counts them (every HTML page of a language: chapters and their "
      "handouts, sections, challenges, case studies, home, glossary, sources, search...), the same "
      "corpus for every engine; per-page figures divide by this count. Hugo's own count is in parentheses.")
    p("")
    p("| corpus | engine | wall s | CPU s (user + sys) | best wall / CPU s | peak RSS MB | output MB | files | CPU ms / page | wall ms / page |")
    p("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        pages = results[size]["toolkit"]["pages"]
        for engine in engines:
            m = results[size][engine.name]
            own = f" ({m['pages']:,})" if engine.name != "toolkit" else ""
            p(f"| {pages:,} pages{own} | {engine.name} | {fmt(m['wall'])} | {fmt(m['cpu'])} ({fmt(m['user'])} + {fmt(m['sys'])}) | {fmt(m['best_wall'])} / {fmt(m['best_cpu'])} | "
              f"{fmt(m['rss_mb'], 0)} | {fmt(m['out_mb'], 1)} | {m['files']:,.0f} | {fmt(1000 * m['cpu'] / pages)} | {fmt(1000 * m['wall'] / pages)} |")
    others = [e for e in engines if e.name != "toolkit"]
    for other in others:
        p("")
        p(f"Ratios toolkit / {other.name} (same run; below 1 means the toolkit is faster or smaller):")
        p("")
        p("| corpus | wall | CPU | peak RSS | output size | files |")
        p("| --- | ---: | ---: | ---: | ---: | ---: |")
        for size in sizes:
            t, o = results[size]["toolkit"], results[size][other.name]
            p(f"| {t['pages']:,} pages | {t['wall'] / o['wall']:.2f} | {t['cpu'] / o['cpu']:.2f} | {t['rss_mb'] / o['rss_mb']:.2f} | "
              f"{t['out_mb'] / o['out_mb']:.2f} | {t['files'] / o['files']:.2f} |")
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        ps, pl = results[small]["toolkit"]["pages"], results[large]["toolkit"]["pages"]
        p("")
        p(f"Growth of the per-page cost, {pl:,} pages against {ps:,} (1.00 = linear):")
        p("")
        p("| engine | CPU ms / page | best CPU ms / page | wall ms / page | peak RSS |")
        p("| --- | ---: | ---: | ---: | ---: |")
        for engine in engines:
            a, b = results[small][engine.name], results[large][engine.name]
            p(f"| {engine.name} | {(b['cpu'] / pl) / (a['cpu'] / ps):.2f} ({fmt(1000 * a['cpu'] / ps)} → {fmt(1000 * b['cpu'] / pl)}) | "
              f"{(b['best_cpu'] / pl) / (a['best_cpu'] / ps):.2f} ({fmt(1000 * a['best_cpu'] / ps)} → {fmt(1000 * b['best_cpu'] / pl)}) | "
              f"{(b['wall'] / pl) / (a['wall'] / ps):.2f} | {b['rss_mb'] / a['rss_mb']:.2f}× ({fmt(a['rss_mb'], 0)} → {fmt(b['rss_mb'], 0)} MB) |")
    p("")
    p("The toolkit's sitemap:")
    p("")
    p("| corpus | sitemap.xml | files | URLs | sitemap index | within the protocol's limits (50,000 URLs, 50 MB a file) |")
    p("| --- | ---: | ---: | ---: | --- | --- |")
    for size in sizes:
        t = results[size]["toolkit"]
        if "sitemap_bytes" not in t:
            p(f"| {t['pages']:,} pages | none | | | | |")
            continue
        p(f"| {t['pages']:,} pages | {t['sitemap_bytes'] / 1e6:.2f} MB (largest file {t['sitemap_largest'] / 1e6:.2f} MB) | {t['sitemap_files']} | "
          f"{t['sitemap_urls']:,} | {'yes' if t['sitemap_index'] else 'no'} | {'yes' if t['sitemap_within_limits'] else 'no'} |")
    p("")
    p("The toolkit's own summary lines (last run):")
    p("")
    for size in sizes:
        p(f"- {results[size]['toolkit']['summary']}")
    p("")
    p(f"Total benchmark time: {(finished - started).total_seconds():.0f} s.")
    return "\n".join(out)


def machine_facts():
    cpu = "unknown CPU"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = "?"
    try:
        kb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")))
        memory = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, StopIteration):
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory": memory, "system": platform.platform()}


def load_average():
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description="Build benchmark: toolkit vs Hugo (vs Zola).")
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,4000,10000"))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("BENCH_CACHE", "/tmp/toolkit-build-bench")))
    parser.add_argument("--fresh", action="store_true", default=os.environ.get("BENCH_FRESH") == "1")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]

    if not Path(GNU_TIME).exists():
        sys.exit(f"{GNU_TIME} is missing: apt-get install time")
    if not TOOLKIT.exists():
        log("building target/release/toolkit (cargo build --release)")
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=PROJECT, check=True)
    engines = [e for e in (Toolkit(), Hugo(), Zola()) if e.available()]
    for missing in {"Hugo", "Zola"} - {e.name for e in engines}:
        log(f"{missing} is not installed: skipped (see bench/README.md)")

    machine = machine_facts()
    machine["load_before"] = load_average()
    started = datetime.datetime.now()
    args.cache.mkdir(parents=True, exist_ok=True)
    results = {}
    for size in sizes:
        folder = corpus(args.cache, size, args.fresh)
        runs = {e.name: [] for e in engines}
        for i in range(args.runs):
            for engine in engines:
                # A new folder for every run, all removed at the very end: on a file system
                # without a journal (this machine's ext4), making files in the minutes after
                # many were deleted scans past every recently freed inode, so removing one run's
                # output would slow the next run down, more for more files (bench/README.md).
                out = args.cache / f"out-{engine.name.lower()}-{size}-{i + 1}"
                shutil.rmtree(out, ignore_errors=True)
                m = engine.run(folder, out, args.cache / "time.txt")
                m["out_mb"], m["files"] = output_size(out)
                runs[engine.name].append(m)
                log(f"{size} pages, run {i + 1}/{args.runs}, {engine.name}: {m['wall']:.2f} s wall, {m['cpu']:.2f} s CPU, "
                    f"{m['rss_mb']:.0f} MB, {m['out_mb']:.1f} MB in {m['files']} files, {m['pages']} pages")
        results[size] = {name: median_of(r) for name, r in runs.items()}
        for name, r in runs.items():
            results[size][name]["runs"] = [{k: v for k, v in m.items() if isinstance(v, (int, float))} for m in r]
    for size in sizes:
        for engine in engines:
            for i in range(args.runs):
                shutil.rmtree(args.cache / f"out-{engine.name.lower()}-{size}-{i + 1}", ignore_errors=True)
    machine["load_after"] = load_average()
    finished = datetime.datetime.now()
    text = report(results, sizes, engines, args.runs, machine, started, finished)
    (args.cache / "results.json").write_text(json.dumps({str(k): v for k, v in results.items()}, indent=1, default=str))
    print(text)


if __name__ == "__main__":
    main()
