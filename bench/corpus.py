#!/usr/bin/env python3
"""Generates a synthetic toolkit corpus of about N pages from the real content, for bench/build.py.

    python3 bench/corpus.py OUT_DIR --pages N [--seed S]

Writes
  OUT_DIR/toolkit/   a project folder (`toolkit --root OUT_DIR/toolkit build`): a copy of the
                     project's content/, themes/ and i18n/, plus synthetic chapters 5, 6, ... of
                     10 sections x 10 challenges (the last chapter may have fewer sections), in
                     en, fr, es and zh, until the site has about N pages in all languages
                     (pages counted as `toolkit build` counts them: chapters, sections,
                     challenges and case studies);
  OUT_DIR/hugo/      the same text as a Hugo site (four languages, one page per chapter, section,
                     challenge and case study per language; citations as plain text "(VPs: 4)",
                     cross-references as plain links, boxes inlined as quotations);
  OUT_DIR/zola/      the same text as a Zola site (see bench/README.md: not tested here, as Zola
                     is neither packaged in Debian nor published on crates.io);
  OUT_DIR/corpus.json  what was generated (pages per language, seed).

A synthetic challenge has a statement and 3-6 good practices (`##`), each with 2-5 bullets
(some with nested bullets, some followed by a paragraph), citations [@KEY: n] with keys from
content/sources.toml and cross-references [](ref:...) to challenges that exist (real or
synthetic). Its text is drawn at random, with a fixed seed, from the real content: the bullets,
headings and titles of the real challenges, aligned across languages (the nth bullet of a real
English challenge and the nth bullet of its French translation form one unit), so the French
page is a translation of the English one, with the same good practices, citations and
references, and is stamped (`translates = "..."`) as `toolkit i18n stamp` would stamp it.

Python 3.11+ standard library only.
"""
import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LANGS = ["en", "fr", "es", "zh"]
SEE = {"en": "(See {})", "fr": "(voir {})", "es": "(véase {})", "zh": "（参见{}）"}
LANG_NAMES = {"en": "English", "fr": "Français", "es": "Español", "zh": "中文"}
LANG_TAGS = {"en": "en", "fr": "fr", "es": "es", "zh": "zh-Hans"}
SECTIONS_PER_CHAPTER = 10
CHALLENGES_PER_SECTION = 10
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def text_hash(text: str) -> str:
    """FNV-1a of the text without \\r, as src/hash.rs computes translation stamps."""
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        if b == 13:
            continue
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def split_front(text: str):
    m = re.match(r"\ufeff?\+\+\+\r?\n(.*?)\r?\n\+\+\+\r?\n?(.*)\Z", text, re.S)
    if not m:
        raise ValueError("no +++ settings block")
    return tomllib.loads(m.group(1)), m.group(2)


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ------------------------------------------------------------ the real text, aligned ----

CITATION = re.compile(r"\s*\[-?@[^\]]*\]")
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
REF_EMPTY = re.compile(r"\s*[(（][^()（）]*\[\]\(ref:[^)]*\)[^()（）]*[)）]|\s*\[\]\(ref:[^)]*\)")
REF_TEXT = re.compile(r"\[([^\]]+)\]\(ref:[^)]*\)")
ANCHOR = re.compile(r"\s*\{#[a-z0-9-]+\}\s*$")


def clean(line: str) -> str:
    """A line of real text without its citations, footnotes and cross-references."""
    line = CITATION.sub("", line)
    line = FOOTNOTE_REF.sub("", line)
    line = REF_EMPTY.sub("", line)
    line = REF_TEXT.sub(r"\1", line)
    line = ANCHOR.sub("", line)
    line = re.sub(r"\s*[(（]\s*[)）]", "", line)
    line = re.sub(r"\s+([.,;:。，；])", r"\1", line)
    return re.sub(r"\s{2,}", " ", line).strip()


def units_of(body: str):
    """The headings and the bullet / paragraph lines of a challenge body, cleaned."""
    headings, items = [], []
    for line in body.splitlines():
        if line.startswith("[^") or "](box:" in line or not line.strip():
            continue
        if line.startswith("## "):
            headings.append(clean(line[3:]))
            continue
        if line.startswith("#"):
            continue  # other heading levels (the Hub edition's "# Key resources") make no bullet
        m = re.match(r"\s*(?:[-*]|\d+\.)\s+(.*)", line)
        items.append(clean(m.group(1) if m else line.lstrip("> ").strip()))
    return headings, items


def aligned_pools(content: Path):
    """Units of text aligned across languages: {kind: [{lang: text}]}, kind in items,
    headings, statements, titles. A file whose translations do not line up is left out."""
    pools = {"items": [], "headings": [], "statements": [], "titles": []}
    for en_file in sorted((content / "en").rglob("*.md")):
        rel = en_file.relative_to(content / "en")
        files = {lang: content / lang / rel for lang in LANGS}
        if not all(f.exists() for f in files.values()):
            continue
        parsed = {lang: split_front(f.read_text("utf-8")) for lang, f in files.items()}
        for key in ("title", "statement"):
            if all(key in meta for meta, _ in parsed.values()):
                unit = {lang: parsed[lang][0][key] for lang in LANGS}
                if all('"' not in v and "\\" not in v for v in unit.values()):
                    pools["titles" if key == "title" else "statements"].append(unit)
        if rel.parts[0] in ("boxes", "case-studies") or rel.name == "_index.md":
            continue
        split = {lang: units_of(body) for lang, (_, body) in parsed.items()}
        for which, kind in ((0, "headings"), (1, "items")):
            if len({len(split[lang][which]) for lang in LANGS}) == 1:
                for i in range(len(split["en"][which])):
                    unit = {lang: split[lang][which][i] for lang in LANGS}
                    # Whole sentences only (not the end of a sentence a list continues).
                    if len(unit["en"]) >= 12 and all(v and not v[0].islower() for v in unit.values()) and unit["en"][-1] not in ",;:":
                        pools[kind].append(unit)
    # Headings make good titles too; statements are drawn from the bullets as well.
    pools["titles"] += pools["headings"]
    pools["statements"] += [u for u in pools["items"] if all('"' not in v and "\\" not in v and len(v) < 400 for v in u.values())]
    return pools


def real_challenges(content: Path):
    """Ids of the real challenges that have text (2.1.a, ...)."""
    ids = []
    for f in sorted((content / "en").rglob("*.md")):
        rel = f.relative_to(content / "en").parts
        if len(rel) == 3 and rel[2] != "_index.md":
            ids.append(f"{rel[1]}.{rel[2][:-3]}")
    return ids


def real_pages() -> int:
    """Pages per language of the real site as `toolkit check` counts them (every HTML page of a
    language: home, glossary, sources, search, chapters, their handouts, sections, challenges,
    case studies...), asked of target/release/toolkit; 29 (the count when this was written) if
    it cannot be run."""
    binary = PROJECT / "target/release/toolkit"
    try:
        run = subprocess.run([binary, "--root", PROJECT, "check"], capture_output=True, text=True, timeout=120)
        m = re.search(r"pages: en (\d+)", run.stdout + run.stderr)
        return int(m.group(1)) if m else 29
    except OSError:
        return 29


# ------------------------------------------------------------ the synthetic text ----

def with_citation(text: str, lang: str, citation: str) -> str:
    if lang == "zh":
        return text[:-1] + citation + "。" if text.endswith("。") else text + citation
    return f"{text} {citation}"


def plan(total_target: int, real_pages: int):
    """[(chapter, sections)]: synthetic chapters 5, 6, ... with 10 sections each, the last
    one with fewer, for about total_target pages in the four languages. A chapter is 2 pages
    per language (the chapter and its printable handout), a section 11 (itself and its 10
    challenges)."""
    per_section = (1 + CHALLENGES_PER_SECTION) * len(LANGS)
    total, chapters = real_pages * len(LANGS), []
    while True:
        new_chapter = not chapters or chapters[-1][1] == SECTIONS_PER_CHAPTER
        step = per_section + (2 * len(LANGS) if new_chapter else 0)
        if total + step > total_target + per_section // 2:
            break
        if new_chapter:
            chapters.append([5 + len(chapters), 0])
        chapters[-1][1] += 1
        total += step
    return [tuple(c) for c in chapters], total


def generate(out: Path, pages: int, seed: int):
    rng = random.Random(seed)
    pools = aligned_pools(PROJECT / "content")
    real_ids = real_challenges(PROJECT / "content")
    keys = [s["key"] for s in tomllib.loads((PROJECT / "content/sources.toml").read_text("utf-8"))["source"]]
    chapters, total = plan(pages, real_pages())

    root = out / "toolkit"
    if root.exists():
        shutil.rmtree(root)
    for part in ("content", "themes", "i18n"):
        shutil.copytree(PROJECT / part, root / part)

    synthetic_ids = [f"{c}.{s}.{LETTERS[k]}" for c, n in chapters for s in range(1, n + 1) for k in range(CHALLENGES_PER_SECTION)]
    targets = real_ids + synthetic_ids
    pick = lambda kind: rng.choice(pools[kind])  # noqa: E731

    def write(rel: str, texts: dict):
        """Writes one file in every language; translations stamped with the English text's hash."""
        stamp = text_hash(texts["en"])
        for lang in LANGS:
            text = texts[lang]
            if lang != "en":
                head, rest = text.split("\n+++\n", 1)
                text = f'{head}\ntranslates = "{stamp}"\n+++\n{rest}'
            path = root / "content" / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")

    def titled(unit):
        return {lang: f"+++\ntitle = {toml_str(unit[lang])}\n+++\n" for lang in LANGS}

    for chapter, sections in chapters:
        write(f"{chapter}/_index.md", titled(pick("titles")))
        for s in range(1, sections + 1):
            section = f"{chapter}.{s}"
            write(f"{chapter}/{section}/_index.md", titled(pick("titles")))
            for k in range(CHALLENGES_PER_SECTION):
                write(f"{chapter}/{section}/{LETTERS[k]}.md", challenge(rng, pick, keys, targets))
    meta = {"pages_requested": pages, "pages": total, "pages_per_language": total // len(LANGS), "seed": seed,
            "synthetic_chapters": [{"chapter": c, "sections": n} for c, n in chapters],
            "challenges": len(real_ids) + len(synthetic_ids)}
    (out / "corpus.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    write_hugo(out, root / "content")
    write_zola(out, root / "content")
    return meta


def challenge(rng, pick, keys, targets):
    """One challenge in the four languages, the same structure in each."""
    statement = pick("statements")
    parts = {lang: [f"+++\nstatement = {toml_str(statement[lang])}\n+++\n"] for lang in LANGS}

    def add(unit_text: dict):
        for lang in LANGS:
            parts[lang].append(unit_text[lang])

    def citation():
        key = rng.choice(keys)
        place = str(rng.randint(1, 140)) if rng.random() < 0.8 else f"{rng.randint(1, 99)}, {rng.randint(100, 160)}"
        return f"[@{key}: {place}]"

    def ref():
        target = rng.choice(targets)
        return f"[](ref:{target}#gp-{rng.randint(1, 3)})" if rng.random() < 0.3 else f"[](ref:{target})"

    def sentence(prefix: str):
        unit = pick("items")
        texts = dict(unit)
        if rng.random() < 0.45:
            c = citation()
            texts = {lang: with_citation(t, lang, c) for lang, t in texts.items()}
        if rng.random() < 0.08:
            r = ref()
            texts = {lang: f"{t} {SEE[lang].format(r)}" if lang != "zh" else t + SEE[lang].format(r) for lang, t in texts.items()}
        return {lang: prefix + t + "\n" for lang, t in texts.items()}

    for _ in range(rng.randint(3, 6)):
        heading = pick("headings")
        r = ref() if rng.random() < 0.1 else None
        add({lang: "\n## " + heading[lang] + ((" " + SEE[lang].format(r) if lang != "zh" else SEE[lang].format(r)) if r else "") + "\n\n" for lang in LANGS})
        for _ in range(rng.randint(2, 5)):
            add(sentence("- "))
            if rng.random() < 0.15:
                for _ in range(rng.randint(1, 3)):
                    add(sentence("  - "))
        if rng.random() < 0.15:
            add({lang: "\n" + t for lang, t in sentence("").items()})
    return {lang: "".join(parts[lang]) for lang in LANGS}


# ------------------------------------------------------------ other engines' sites ----

def sources_labels():
    data = tomllib.loads((PROJECT / "content/sources.toml").read_text("utf-8"))
    return {s["key"]: s.get("label", s["key"]) for s in data["source"]}


def url_of(lang: str, target: str) -> str:
    if target.startswith("case-studies/"):
        return f"/{lang}/{target}/"
    parts = target.split(".")
    if len(parts) == 1:
        return f"/{lang}/{parts[0]}/"
    if len(parts) == 2:
        return f"/{lang}/{parts[0]}/{target}/"
    return f"/{lang}/{parts[0]}/{parts[0]}.{parts[1]}/{parts[2]}/"


REF_LABEL = {
    "en": ("Chapter {}", "Section {}", "Challenge {}", "case study"),
    "fr": ("Chapitre {}", "Section {}", "Défi {}", "étude de cas"),
    "es": ("Capítulo {}", "Sección {}", "Desafío {}", "estudio de caso"),
    "zh": ("第{}章", "第{}节", "挑战{}", "案例研究"),
}


def plain_markdown(body: str, lang: str, labels: dict, boxes: dict, url=url_of) -> str:
    """The toolkit's Markdown as plain Markdown: citations as text, refs as links, boxes inlined."""
    def cite(m):
        items = []
        for part in m.group(2).split(";"):
            part = part.strip().lstrip("@")
            key, _, place = part.partition(":")
            key, _, sub = key.partition(",")
            text = labels.get(key.strip(), key.strip()) + (f", {sub.strip()}" if sub else "")
            items.append(f"{text}: {place.strip()}" if place else text)
        joined = "; ".join(items)
        return joined if m.group(1) else f"({joined})"

    def ref(m):
        text, target, anchor = m.group(1), m.group(2), m.group(3) or ""
        if not text:
            chapter, section, challenge, case = REF_LABEL[lang]
            depth = target.count(".")
            text = case if target.startswith("case-studies/") else (chapter, section, challenge)[min(depth, 2)].format(target)
        return f"[{text}]({url(lang, target)}{anchor})"

    def box(m):
        title, text = boxes.get(m.group(1), ("", ""))
        quoted = "\n".join("> " + l if l else ">" for l in text.strip().splitlines())
        return f"> **{title}**\n>\n{quoted}"

    body = re.sub(r"^\[\]\(box:([a-z0-9-]+)\)\s*$", box, body, flags=re.M)
    body = re.sub(r"\[(-?)@([^\]]*)\]", cite, body)
    return re.sub(r"\[([^\]]*)\]\(ref:([^)#\s]+)(#[a-z0-9-]+)?\)", ref, body)


def site_pages(content: Path):
    """Every page of the toolkit project as (lang, rel, title, weight, body), boxes inlined."""
    labels = sources_labels()
    for lang in LANGS:
        boxes = {}
        for f in sorted((content / lang / "boxes").glob("*.md")):
            meta, body = split_front(f.read_text("utf-8"))
            boxes[f.stem] = (meta.get("title", ""), plain_markdown(body, lang, labels, {}))
        for f in sorted((content / lang).rglob("*.md")):
            rel = f.relative_to(content / lang)
            if rel.parts[0] == "boxes":
                continue
            meta, body = split_front(f.read_text("utf-8"))
            body = plain_markdown(body, lang, labels, boxes)
            if "statement" in meta:  # a challenge
                cid = f"{rel.parts[1]}.{rel.stem}"
                title = REF_LABEL[lang][2].format(cid)
                body = f"**{meta['statement']}**\n\n{body}"
                weight = LETTERS.index(rel.stem[0]) + 1
            else:
                title = meta.get("title", "")
                last = rel.parts[-2] if rel.name == "_index.md" and len(rel.parts) > 1 else rel.stem
                weight = int(last.split(".")[-1]) if last.split(".")[-1].isdigit() else 0
                if "authors" in meta:
                    body = f"*{meta['authors']}*\n\n{body}"
            yield lang, rel, title, weight, body


def write_hugo(out: Path, content: Path):
    site = out / "hugo"
    if site.exists():
        shutil.rmtree(site)
    languages = "".join(
        f'\n[languages.{lang}]\ncontentDir = "content/{lang}"\nlanguageCode = "{LANG_TAGS[lang]}"\n'
        f'languageName = "{LANG_NAMES[lang]}"\nweight = {i + 1}\n' + ("hasCJKLanguage = true\n" if lang == "zh" else "")
        for i, lang in enumerate(LANGS)) + "\n"
    (site / "layouts/_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://www.securityhumanrightshub.org/toolkit/"\ntitle = "Toolkit"\n'
        'defaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\n'
        'disableKinds = ["taxonomy", "term", "RSS"]\n' + languages, "utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (site / "layouts/_default" / name).write_text(text, "utf-8")
    for lang, rel, title, weight, body in site_pages(content):
        path = site / "content" / lang / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"+++\ntitle = {toml_str(title)}\nweight = {weight}\n+++\n{body}", "utf-8")


# A modest theme doing what the toolkit's pages do: language switcher, breadcrumbs, table of
# contents, the pages of a section, previous / next, the chapters in a menu on every page.
HUGO_LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Site.LanguageCode }}" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<nav><ol>{{ range .Site.Home.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></nav>
</header>
<nav aria-label="breadcrumb">{{ range .Ancestors.Reverse }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> › {{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "single.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Summary }} {{ . | plainify | truncate 160 }}{{ end }}</li>{{ end }}</ul>
{{ end }}
""",
}


def write_zola(out: Path, content: Path):
    """The same pages as a Zola site: English at content/, translations as name.fr.md beside it."""
    site = out / "zola"
    if site.exists():
        shutil.rmtree(site)
    (site / "templates").mkdir(parents=True)
    translations = "".join(f"\n[languages.{lang}]\ntitle = \"Toolkit\"\n" for lang in LANGS[1:])
    (site / "config.toml").write_text(
        'base_url = "https://www.securityhumanrightshub.org/toolkit/"\ntitle = "Toolkit"\n'
        'default_language = "en"\ncompile_sass = false\nbuild_search_index = false\n'
        'generate_feeds = false\n\n[slugify]\npaths = "safe"\nanchors = "safe"\n'
        '\n[markdown]\nrender_emoji = false\n' + translations, "utf-8")
    for name, text in ZOLA_TEMPLATES.items():
        (site / "templates" / name).write_text(text, "utf-8")

    case_studies = {"en": "Case studies", "fr": "Études de cas", "es": "Estudios de caso", "zh": "案例研究"}
    for lang in LANGS:  # Zola needs a section page for the folder
        suffix = "" if lang == "en" else f".{lang}"
        (site / "content/case-studies").mkdir(parents=True, exist_ok=True)
        (site / f"content/case-studies/_index{suffix}.md").write_text(
            f'+++\ntitle = "{case_studies[lang]}"\nsort_by = "weight"\n+++\n', "utf-8")
    for lang, rel, title, weight, body in site_pages(content):
        suffix = "" if lang == "en" else f".{lang}"
        path = site / "content" / rel.parent / f"{rel.stem}{suffix}.md"
        if lang == "en":  # Zola puts the default language at the root
            body = body.replace("](/en/", "](/")
        path.parent.mkdir(parents=True, exist_ok=True)
        sort = 'sort_by = "weight"\n' if rel.name == "_index.md" else ""
        path.write_text(f"+++\ntitle = {toml_str(title)}\nweight = {weight}\n{sort}+++\n{body}", "utf-8")


ZOLA_TEMPLATES = {
    "base.html": """<!DOCTYPE html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock %}</title></head>
<body>
<header><a href="{{ get_url(path='@/_index.md', lang=lang) }}">{{ config.title }}</a></header>
<main>{% block main %}{% endblock %}</main>
</body>
</html>
""",
    "index.html": """{% extends "base.html" %}
{% block main %}<h1>{{ section.title }}</h1>{{ section.content | safe }}
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}</ul>{% endblock %}
""",
    "section.html": """{% extends "base.html" %}
{% block title %}{{ section.title }}{% endblock %}
{% block main %}<nav>{% for t in section.translations %}<a href="{{ t.permalink }}">{{ t.lang }}</a> {% endfor %}</nav>
<h1>{{ section.title }}</h1>{{ section.content | safe }}
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}
{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>{% endfor %}</ul>{% endblock %}
""",
    "page.html": """{% extends "base.html" %}
{% block title %}{{ page.title }}{% endblock %}
{% block main %}<nav>{% for t in page.translations %}<a href="{{ t.permalink }}">{{ t.lang }}</a> {% endfor %}</nav>
<nav>{% for a in page.ancestors %}{% set s = get_section(path=a, metadata_only=true) %}<a href="{{ s.permalink }}">{{ s.title }}</a> › {% endfor %}</nav>
<h1>{{ page.title }}</h1>
<nav class="toc"><ul>{% for h in page.toc %}<li><a href="#{{ h.id }}">{{ h.title }}</a></li>{% endfor %}</ul></nav>
{{ page.content | safe }}
<nav>{% if page.lower %}<a href="{{ page.lower.permalink }}">{{ page.lower.title }}</a>{% endif %} {% if page.higher %}<a href="{{ page.higher.permalink }}">{{ page.higher.title }}</a>{% endif %}</nav>
{% endblock %}
""",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, required=True, help="about how many pages in all (4 languages)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    meta = generate(args.out.resolve(), args.pages, args.seed)
    print(f"corpus: {meta['pages']} pages ({meta['pages_per_language']} per language), "
          f"{len(meta['synthetic_chapters'])} synthetic chapters, {meta['challenges']} challenges per language, in {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
