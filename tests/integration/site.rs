//! The fixture toolkit, built: every page at its address, links that resolve, citations and
//! cross-references in each language's style, fallbacks, and output that is safe and portable.

use crate::common;

use common::*;

fn built() -> Project {
    let project = Project::fixture();
    let report = project.build();
    assert_clean(&report);
    assert!(report.wrote);
    project
}

#[test]
fn every_page_is_at_its_address() {
    let project = built();
    for page in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "assets/style.css",
        "en/index.html",
        "en/1/index.html",
        "en/2/index.html",
        "en/1.1/index.html",
        "en/1.1.a/index.html",
        "en/1.1.b/index.html",
        "en/sources/index.html",
        "en/glossary/index.html",
        "en/case-studies/index.html",
        "en/case-studies/example/index.html",
        "fr/1.1.a/index.html",
        "fr/1.1.b/index.html",
        "zh/1.1.a/index.html",
    ] {
        assert!(project.path("public").join(page).is_file(), "missing {page}");
    }
    // A forthcoming section or challenge has no page: links to it are plain text.
    assert!(!project.path("public/en/1.2").exists());
    assert!(!project.path("public/en/1.2.a").exists());
}

#[test]
fn every_internal_link_and_anchor_resolves() {
    let project = built();
    let broken = broken_links(&project.path("public"));
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn citations_link_to_their_source_in_the_readers_style() {
    let project = built();
    let en = project.page("en/1.1.a/index.html");
    assert!(en.contains(r#"(<a class="cite" href="../../en/sources/index.html#VPs" title="Voluntary Principles on Security and Human Rights (2000)">VPs: 4</a>)"#), "{en}");
    // Two sources in one pair of brackets; a label that differs from the key; no brackets.
    assert!(en.contains(">VPs: 4</a>; <a class=\"cite\" href=\"../../en/sources/index.html#MIGA\""));
    assert!(en.contains(">PSC.1: 24</a>)"));
    assert!(en.contains(r#"<span class="citation"><a class="cite" href="../../en/sources/index.html#MIGA""#));
    let fr = project.page("fr/1.1.a/index.html");
    // The French title of the source in the tooltip, the link into the French sources page.
    assert!(
        fr.contains(
            r#"href="../../fr/sources/index.html#VPs" title="Principes volontaires sur la sécurité et les droits de l’homme (2000)""#
        ),
        "{fr}"
    );
    // The sources page lists every place that cites a source.
    let sources = project.page("en/sources/index.html");
    assert!(sources.contains(r#"id="VPs""#));
    assert!(sources.contains(r#"href="../../en/1.1.a/index.html#gp-1""#), "{sources}");
    assert!(sources.contains(r#"href="../../en/1.1.b/index.html#gp-1""#));
}

#[test]
fn cross_references_link_when_published_and_are_plain_text_when_forthcoming() {
    let project = built();
    let page = project.page("en/1.1.a/index.html");
    assert!(page.contains(
        r#"<a class="xref" href="../../en/1.1.b/index.html" title="Public security forces may lack resources.">Challenge 1.1.b</a>"#
    ));
    // Explained in visible words, not in a tooltip that touch screens never show.
    assert!(page.contains(
        r#"<span class="xref forthcoming">Section 1.2. Forthcoming things</span><span class="forthcoming-note"> (forthcoming)</span>"#
    ));
    assert!(page.contains(r#"<span class="xref forthcoming">Challenge 1.2.a</span><span class="forthcoming-note"> (forthcoming)</span>"#));
    assert!(page.contains(r##"<a class="xref" href="#gp-1""##), "a reference to a practice on the same page stays on the page");
    assert!(page.contains(r#"href="../../en/case-studies/example/index.html" title="An example case study">the example</a>"#));
    // The forthcoming targets are warnings, reported once (on the English file), not errors.
    let report = project.check();
    let forthcoming: Vec<_> =
        report.diagnostics.iter().filter(|d| d.severity == toolkit::diagnostics::Severity::Forthcoming).cloned().collect();
    assert_eq!(forthcoming.len(), 2, "{forthcoming:?}");
    let only_forthcoming = toolkit::build::Report { diagnostics: forthcoming, ..Default::default() };
    assert!(!only_forthcoming.failed(true), "--strict lets forthcoming references pass");

    // On the command line they are one note, so that problems to fix stand out; --verbose lists them.
    let check = |args: &[&str]| {
        let output =
            std::process::Command::new(env!("CARGO_BIN_EXE_toolkit")).arg("--root").arg(project.root()).args(args).output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stderr).unwrap()
    };
    let quiet = check(&["check"]);
    assert!(quiet.contains("note: 2 cross-references point to parts of the toolkit not published yet (1.2, 1.2.a)"), "{quiet}");
    assert!(quiet.contains(" warnings, 2 references to parts not published yet ·"), "{quiet}");
    assert!(!quiet.lines().any(|l| l.starts_with("warning:") && l.contains("not published yet")), "{quiet}");
    let verbose = check(&["check", "--verbose"]);
    assert_eq!(
        verbose
            .lines()
            .filter(|l| l.starts_with("note:") && l.contains("points to a part of the toolkit that is not published yet"))
            .count(),
        2,
        "{verbose}"
    );
}

#[test]
fn good_practices_have_stable_anchors_identical_across_languages() {
    let project = built();
    let anchors = |page: &str| -> Vec<String> {
        attributes(&project.page(page), "id")
            .into_iter()
            .filter(|id| id.starts_with("gp-") || id == "follow-up")
            .filter(|id| !id.ends_with("-title"))
            .collect()
    };
    assert_eq!(anchors("en/1.1.a/index.html"), ["gp-1", "gp-2", "follow-up"]);
    assert_eq!(anchors("en/1.1.a/index.html"), anchors("fr/1.1.a/index.html"));
}

#[test]
fn a_good_practice_heading_keeps_its_text_in_one_piece() {
    // The heading lays out its number beside its text: a cross-reference inside the text must
    // stay inside the text's own element, not become a column of its own.
    let page = built().page("en/1.1.a/index.html");
    let start = page.find(r#"<h3 id="gp-2-title">"#).expect("heading of gp-2");
    let heading = &page[start..start + page[start..].find("</h3>").unwrap()];
    let title = &heading[heading.find(r#"<span class="practice-title">"#).expect("the title's element")..];
    assert!(title.contains(r#"class="xref"#), "{heading}");
}

#[test]
fn footnotes_are_numbered_with_links_both_ways() {
    let project = built();
    let page = project.page("en/1.1.a/index.html");
    assert!(page.contains(r##"<a id="fnref-1" href="#fn-1" role="doc-noteref""##));
    assert!(page.contains(r#"<li id="fn-1"><p>Performance Indicators (International Alert), p.15.</p>"#));
    assert!(page.contains(r##"<a class="back" href="#fnref-1""##));
}

#[test]
fn boxes_are_placed_where_the_text_says() {
    let project = built();
    let page = project.page("en/1.1.a/index.html");
    let practice = page.find(r#"id="gp-2""#).unwrap();
    let next = page.find(r#"id="follow-up""#).unwrap();
    let the_box = page.find(r#"<aside class="box" id="box-tools""#).expect("box rendered");
    assert!(practice < the_box && the_box < next, "the box sits inside good practice 2");
    assert!(page.contains(r#"<h4 id="box-tools-title">Gender Sensitive Tools</h4>"#));
    let fr = project.page("fr/1.1.a/index.html");
    assert!(fr.contains(">Outils sensibles au genre</h4>"), "the translated box");
}

#[test]
fn missing_translations_fall_back_to_english_marked_as_such() {
    let project = built();
    let page = project.page("fr/1.1.b/index.html");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(page.contains(r#"<article lang="en">"#), "the English text is marked as English");
    assert!(page.contains(r#"<p class="notice" role="note">"#));
    assert!(page.contains(r#"href="../../en/1.1.b/index.html" hreflang="en""#));
    // Chinese has no content at all: every page falls back, and says so.
    let zh = project.page("zh/1.1.a/index.html");
    assert!(zh.contains("<html lang=\"zh-Hans\">"));
    assert!(zh.contains(r#"<article lang="en">"#));
}

#[test]
fn every_page_declares_its_language_and_its_alternates() {
    let project = built();
    for (path, html) in html_files(&project.path("public")) {
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\""), "{path}");
        // The 404 page answers any address; the status page is one page for all languages.
        if path == "404.html" || path == "status/index.html" {
            continue;
        }
        let alternates = html.matches("<link rel=\"alternate\" hreflang=").count();
        assert!(alternates >= 3, "{path} has {alternates} alternates");
    }
    let page = project.page("fr/1.1.a/index.html");
    assert!(page.contains(r#"<link rel="alternate" hreflang="zh-Hans" href="../../zh/1.1.a/index.html">"#));
    assert!(page.contains(r#"<a href="../../en/1.1.a/index.html" hreflang="en" lang="en">"#), "the switcher leads to the same page");
    let sitemap = project.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/toolkit/fr/1.1.a/</loc>"));
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="zh-Hans" href="https://example.org/toolkit/zh/1.1.a/"/>"#));
}

#[test]
fn raw_html_in_content_is_escaped() {
    let project = built();
    let page = project.page("en/1.1.a/index.html");
    assert!(page.contains("&lt;b&gt;bold&lt;/b&gt; HTML"));
    assert!(!page.contains("<b>bold"));
}

#[test]
fn the_site_loads_nothing_from_elsewhere_and_links_relatively() {
    let project = built();
    for (path, html) in html_files(&project.path("public")) {
        for src in attributes(&html, "src") {
            assert!(!src.contains("://"), "{path} loads {src}");
        }
        for tag in html.match_indices("<link ") {
            let rest = &html[tag.0..];
            let tag_text = &rest[..rest.find('>').unwrap()];
            assert!(!tag_text.contains("://"), "{path}: {tag_text}");
        }
        if path != "404.html" {
            for href in attributes(&html, "href") {
                assert!(!href.starts_with('/'), "{path} links to the absolute path {href}");
            }
        }
    }
}

#[test]
fn abbreviations_are_explained_on_first_use() {
    let project = built();
    let page = project.page("en/1.1.a/index.html");
    assert_eq!(page.matches("<abbr title=\"Voluntary Principles on Security and Human Rights\">VPs</abbr>").count(), 1);
    assert!(page.contains("<abbr title=\"private security provider\">PSPs</abbr>"), "plural forms too");
    let fr = project.page("fr/1.1.a/index.html");
    assert!(fr.contains("<abbr title=\"prestataire de sécurité privée\">PSP</abbr>"));
    let glossary = project.page("fr/glossary/index.html");
    assert!(glossary.contains("prestataire de sécurité privée"));
    assert!(glossary.contains(r#"<span lang="en">private security provider</span>"#));
}

#[test]
fn two_builds_are_byte_identical() {
    // Every file, search index and offline lists included; the build day is fixed as packagers
    // fix it (SOURCE_DATE_EPOCH), so the test cannot fail across midnight.
    let project = Project::fixture();
    let build = |out: &str| {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_toolkit"))
            .args(["build", "--out", out, "--root"])
            .arg(project.root())
            .env("SOURCE_DATE_EPOCH", "1764633600")
            .status()
            .unwrap();
        assert!(status.success());
        site_files(&project.path(out))
    };
    let first = build("one");
    let second = build("two");
    assert!(first.len() > 100, "{} files", first.len());
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{path} differs between two builds");
    }
}

#[test]
fn challenge_pages_have_breadcrumbs_previous_next_and_the_note() {
    let project = built();
    let page = project.page("en/1.1.b/index.html");
    assert!(page.contains(r#"<nav class="breadcrumbs""#));
    assert!(page.contains(r#"rel="prev" href="../../en/1.1.a/index.html""#));
    assert!(page.contains("These good practices are not meant to be prescriptive."));
    let chapter = project.page("en/1/index.html");
    assert!(chapter.contains(r#"href="../../en/1.1/index.html""#));
    assert!(chapter.contains("An example case study"));
}

#[test]
fn the_language_chooser_needs_no_script() {
    let project = built();
    let page = project.page("index.html");
    assert!(!page.contains("<script"));
    for lang in ["en", "fr", "zh"] {
        assert!(page.contains(&format!("href=\"{lang}/index.html\"")), "{lang}");
    }
}

fn offline_manifest(project: &Project, lang: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(project.path(&format!("public/offline/{lang}.json"))).unwrap()).unwrap()
}

#[test]
fn each_language_lists_its_files_for_offline_reading() {
    let project = built();
    for lang in ["en", "fr", "zh"] {
        let manifest = offline_manifest(&project, lang);
        let files = manifest["files"].as_object().unwrap();
        let folders = [format!("{lang}/"), format!("search/{lang}/"), "assets/".to_string()];
        let expected: Vec<(String, Vec<u8>)> = site_files(&project.path("public"))
            .into_iter()
            .filter(|(path, _)| folders.iter().any(|f| path.starts_with(f.as_str())))
            .collect();
        assert_eq!(files.len(), expected.len() + 1, "{lang}: its pages, search index, shared assets and the chooser");
        for (path, bytes) in &expected {
            assert_eq!(files[path].as_str(), Some(toolkit::hash::bytes_hash(bytes).as_str()), "{path}");
        }
        assert!(files.contains_key("index.html"));
        assert!(files.keys().all(|p| !p.starts_with("es/") && !p.contains("/es/")), "{lang}: nothing of another language");
        let total: usize =
            expected.iter().map(|(_, b)| b.len()).sum::<usize>() + std::fs::read(project.path("public/index.html")).unwrap().len();
        assert_eq!(manifest["bytes"].as_u64(), Some(total as u64));
    }
    // An edit changes the worker's version and the fingerprint of the edited page only.
    let worker = std::fs::read_to_string(project.path("public/sw.js")).unwrap();
    assert!(worker.starts_with("const VERSION = '") && worker.contains("addEventListener('fetch'"));
    let before = offline_manifest(&project, "en");
    project.edit("content/en/1/1.1/a.md", "Raise the", "Raise again the");
    assert_clean(&project.build());
    let after = offline_manifest(&project, "en");
    assert_ne!(worker, std::fs::read_to_string(project.path("public/sw.js")).unwrap());
    assert_ne!(before["files"]["en/1.1.a/index.html"], after["files"]["en/1.1.a/index.html"]);
    assert_eq!(before["files"]["en/1.1.b/index.html"], after["files"]["en/1.1.b/index.html"]);
}

#[test]
fn a_challenge_lists_its_good_practices_to_jump_to() {
    let project = built();
    let page = project.page("fr/1.1.a/index.html");
    let index = &page[page.find(r#"<details class="practice-index">"#).expect("a list of the good practices")..];
    let index = &index[..index.find("</details>").unwrap()];
    assert!(index.contains("<summary>Les 3 bonnes pratiques en un coup d’œil</summary>"), "{index}");
    for anchor in ["gp-1", "gp-2", "follow-up"] {
        assert!(index.contains(&format!(r##"<a href="#{anchor}">"##)), "{anchor}: {index}");
        assert!(page.contains(&format!(r#"<section class="practice" id="{anchor}""#)), "{anchor}");
    }
    // Plain text: no links, citations or abbreviations inside the list's links.
    assert_eq!(index.matches("<a ").count(), 3, "{index}");
}

#[test]
fn a_large_site_gets_a_sitemap_index_within_the_protocols_limits() {
    let project = Project::fixture();
    let loaded = toolkit::build::load(project.root()).unwrap();
    let facts = toolkit::render::pages::Facts::default();
    let renderer = toolkit::render::pages::Renderer { facts: &facts, site: &loaded.site, ui: &loaded.ui, theme: &loaded.theme };
    let placed: Vec<(String, Option<String>)> =
        (0..23).flat_map(|i| ["en", "fr"].map(move |lang| (format!("{lang}/page-{i}/index.html"), Some(lang.to_string())))).collect();
    // The real limits keep a small site in one file.
    let one = renderer.sitemaps(&placed, toolkit::render::pages::sitemap::MAX_URLS, toolkit::render::pages::sitemap::MAX_BYTES);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].body.matches("<loc>").count(), 46);
    // Past the limits (here 10 addresses, or a few kilobytes), an index and its parts.
    for (max_urls, max_bytes) in [(10, usize::MAX), (usize::MAX, 3_000)] {
        let files = renderer.sitemaps(&placed, max_urls, max_bytes);
        let index = files.iter().find(|p| p.path == "sitemap.xml").unwrap();
        assert!(index.body.contains("<sitemapindex"), "{}", index.body);
        let parts: Vec<_> = files.iter().filter(|p| p.path != "sitemap.xml").collect();
        assert!(parts.len() > 1);
        let mut urls = 0;
        for part in &parts {
            assert!(index.body.contains(&format!("<loc>https://example.org/toolkit/{}</loc>", part.path)), "{}", part.path);
            let count = part.body.matches("<loc>").count();
            assert!(count <= max_urls && part.body.len() <= max_bytes, "{}: {count} addresses, {} bytes", part.path, part.body.len());
            urls += count;
        }
        assert_eq!(urls, 46, "every address once");
    }
}
