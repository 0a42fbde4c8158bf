//! The site's addresses. Pages live in folders (`en/2.1.a/index.html`, shown as `/en/2.1.a/`);
//! links between them are relative and name `index.html`, so the site works under any base path
//! and when opened from disk (file://), where browsers do not add `index.html` themselves.

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
