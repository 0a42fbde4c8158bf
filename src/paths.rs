//! Every address of the site in one place: page folders, the other files a build writes, and
//! the anchors inside pages. Pages, the search index, the offline lists, the preview and the
//! handout printer all agree through these functions.
//!
//! Pages live in folders (`en/2.1.a/index.html`, shown as `/en/2.1.a/`); links between them are
//! relative and name `index.html`, so the site works under any base path and when opened from
//! disk (file://), where browsers do not add `index.html` themselves.

/// A page's folder relative to the site root: `en/2.1.a/`; the language chooser is `""`.
pub fn home(lang: &str) -> String {
    format!("{lang}/")
}

pub fn chapter(lang: &str, number: u32) -> String {
    format!("{lang}/{number}/")
}

/// Sections and challenges share one pattern: `/en/2.1/`, `/en/2.1.a/`.
pub fn section_or_challenge(lang: &str, id: &str) -> String {
    format!("{lang}/{id}/")
}

/// A later edition's pages are under its id: its contents `/en/hub/`, its sections and
/// challenges `/en/hub/3.7/`, `/en/hub/3.7.a/` (the base edition keeps `/en/3.7.a/`).
pub fn edition_home(lang: &str, edition: &str) -> String {
    format!("{lang}/{edition}/")
}

pub fn edition_page(lang: &str, edition: &str, id: &str) -> String {
    format!("{lang}/{edition}/{id}/")
}

/// What changed in a challenge between the edition before and this one: `/en/hub/3.7.a/changes/`.
pub fn edition_changes(lang: &str, edition: &str, id: &str) -> String {
    format!("{lang}/{edition}/{id}/changes/")
}

pub fn sources(lang: &str) -> String {
    format!("{lang}/sources/")
}

pub fn case_studies(lang: &str) -> String {
    format!("{lang}/case-studies/")
}

pub fn case_study(lang: &str, slug: &str) -> String {
    format!("{lang}/case-studies/{slug}/")
}

pub fn glossary(lang: &str) -> String {
    format!("{lang}/glossary/")
}

/// Shown by the service worker for a page that is not kept on the device when there is no
/// connection (see `themes/default/service-worker.js`).
pub fn offline(lang: &str) -> String {
    format!("{lang}/offline/")
}

pub fn search(lang: &str) -> String {
    format!("{lang}/search/")
}

pub fn handout(lang: &str, number: u32) -> String {
    format!("{lang}/{number}/print/")
}

/// A chapter's handout printed to PDF by `build --pdf`, beside the chapter's page; its name
/// says what it is once downloaded.
pub fn handout_pdf(lang: &str, number: u32) -> String {
    format!("{lang}/{number}/dcaf-icrc-toolkit-chapter-{number}-{lang}.pdf")
}

/// A chapter's handout as a later edition has it, for the chapters that edition (or one between
/// the base and it) revises: `/en/hub/3/print/` (the base edition's stays `/en/3/print/`).
pub fn edition_handout(lang: &str, edition: &str, number: u32) -> String {
    format!("{lang}/{edition}/{number}/print/")
}

/// That handout printed to PDF by `build --pdf`, beside it.
pub fn edition_handout_pdf(lang: &str, edition: &str, number: u32) -> String {
    format!("{lang}/{edition}/{number}/dcaf-icrc-toolkit-chapter-{number}-{edition}-{lang}.pdf")
}

pub fn is_pdf(path: &str) -> bool {
    path.ends_with(".pdf")
}

/// A file of the theme (`style.css`, `search/search.js`) as published.
pub fn asset(path: &str) -> String {
    format!("{ASSETS}{path}")
}

/// The folder of the theme's files in the site.
pub const ASSETS: &str = "assets/";

/// The folder of a language's search index files.
pub fn search_data(lang: &str) -> String {
    format!("{SEARCH_DATA}{lang}/")
}

/// The folder of all search index files.
pub const SEARCH_DATA: &str = "search/";

/// The theme file (under `static/`, published under `assets/`) that stems words of `lang` in
/// the browser.
pub fn stemmer_script(lang: &str) -> String {
    format!("search/stemmer-{lang}.js")
}

/// The list of files a reader saves to read `lang` offline.
pub fn offline_manifest(lang: &str) -> String {
    format!("offline/{lang}.json")
}

pub const SERVICE_WORKER: &str = "sw.js";
pub const SITEMAP: &str = "sitemap.xml";

/// Part `number` (from 1) of a sitemap too large for one file, listed by `SITEMAP`.
pub fn sitemap_part(number: usize) -> String {
    format!("sitemap-{number}.xml")
}
pub const NOT_FOUND: &str = "404.html";
pub const CHOOSER: &str = "index.html";
/// The icon browsers ask for at the site's root (and, as a theme file, under `assets/`).
pub const FAVICON: &str = "favicon.ico";
/// The translators' status page: at `status/` in the reference language (its first address),
/// and in each language at `<lang>/status/`.
pub const STATUS: &str = "status/";

pub fn status(lang: &str) -> String {
    format!("{lang}/{STATUS}")
}

/// The anchor of a good practice by its position, when its heading names none: `gp-2`.
pub fn practice_anchor(number: usize) -> String {
    format!("gp-{number}")
}

/// Prefixes of the ids pages give their own parts (boxes, notes, handout sections and
/// challenges), which content's anchors must not use.
pub const GENERATED_ID_PREFIXES: &[&str] = &["box-", "fn-", "fnref-", "c-", "s-"];

/// A box placed in a page.
pub fn box_anchor(name: &str) -> String {
    format!("box-{name}")
}

/// Note `number` at the foot of a page (notes are numbered page-wide, handouts included).
pub fn note_anchor(number: usize) -> String {
    format!("fn-{number}")
}

/// The `call`-th call of note `number` in the text (the first has no suffix).
pub fn note_call_anchor(number: usize, call: usize) -> String {
    if call == 1 { format!("fnref-{number}") } else { format!("fnref-{number}-{call}") }
}

/// A section, a challenge and a good practice inside a chapter's handout.
pub fn handout_section_anchor(section: &str) -> String {
    format!("s-{section}")
}

pub fn handout_challenge_anchor(challenge: &str) -> String {
    format!("c-{challenge}")
}

/// The ids `handout.html` gives its list of sources cited and its notes (fixed ids of the
/// template, which content's anchors may not take).
pub const HANDOUT_SOURCES: &str = "sources-cited";
pub const HANDOUT_NOTES: &str = "handout-notes";

pub fn handout_practice_anchor(challenge: &str, practice: &str) -> String {
    format!("c-{challenge}-{practice}")
}

/// The way back to the site root from a page folder: `en/2.1.a/` → `../../`.
pub fn root_from(folder: &str) -> String {
    "../".repeat(folder.matches('/').count())
}

/// A link from a page to another page's folder (and optional `#fragment`).
pub fn href(root: &str, folder: &str, fragment: Option<&str>) -> String {
    let mut link = format!("{root}{folder}index.html");
    if let Some(fragment) = fragment {
        link.push('#');
        link.push_str(fragment);
    }
    link
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links() {
        assert_eq!(root_from(""), "");
        assert_eq!(root_from("en/"), "../");
        assert_eq!(root_from("en/2/print/"), "../../../");
        assert_eq!(href("../../", &sources("fr"), Some("VPs")), "../../fr/sources/index.html#VPs");
        assert_eq!(href("", "", None), "index.html");
    }
}
