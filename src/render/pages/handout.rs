//! A chapter's printable handout, and the CSS and dates it needs.

use super::*;

#[derive(Serialize)]
struct HandoutPage<'a> {
    #[serde(flatten)]
    layout: Layout,
    page_style: String,
    chapter_title: String,
    number: u32,
    edition: &'a str,
    note: &'a str,
    language_name: String,
    date: String,
    sections: Vec<SectionView>,
    sources: Vec<SourceView>,
    /// The page numbers of the contents' last entries (empty until known, as all page numbers).
    sources_page: String,
    notes: Vec<Note>,
    notes_page: String,
    chapter_href: String,
    /// The chapter's address on the web, for the cover of a printed copy.
    online_url: String,
    /// Rendered for the PDF printer: no script, no Print button.
    for_printer: bool,
    pdf: Option<PdfLink>,
}

#[derive(Serialize)]
struct ChallengeView {
    id: String,
    anchor: String,
    heading: String,
    statement: String,
    lang: String,
    page: String,
    practices: Vec<Practice>,
}

#[derive(Serialize)]
struct SectionView {
    id: String,
    anchor: String,
    heading: String,
    lang: String,
    page: String,
    intro: String,
    challenges: Vec<ChallengeView>,
}

#[derive(Serialize)]
struct SourceView {
    label: String,
    title: String,
    lang: String,
    author: Option<String>,
    author_lang: String,
    year: Option<String>,
    url: Option<String>,
}

impl Renderer<'_> {
    /// A chapter as one printable document: cover, contents, every section, challenge and good
    /// practice, then the sources cited and the notes, numbered through the chapter. `pages`
    /// gives the printed page of its anchors, when a first print has shown them: the PDF printer
    /// renders it again with them, for the contents and the cross-references.
    pub fn handout<'p>(&'p self, lang: &'p str, number: u32, pages: Option<&'p PageMap>) -> Result<Page, Diagnostic> {
        let folder = paths::handout(lang, number);
        let chapter_title = self.site.chapter(lang, number).map(|c| c.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::ChapterHeading, &[("number", &number.to_string()), ("title", &chapter_title)]);
        let mut layout = self.base(lang, &folder, &heading, |l| paths::handout(l, number));
        let mut writer = PageWriter::new(self.site, self.ui, lang, &folder);
        // Chapter on the cover (h1), sections h2, challenges h3, good practices h4.
        writer.heading_shift = 2;
        writer.pages = pages;
        let page_of =
            |anchor: &str| pages.and_then(|p| p.get(anchor)).map(|page| page_number("toc-page", &page.to_string())).unwrap_or_default();
        let Some(chapter) = self.site.toc.chapter(number) else {
            return Err(Diagnostic::error("content", None, format!("Chapter {number} is not declared.")));
        };
        let sections: Vec<_> = chapter.sections.iter().filter(|s| s.published).collect();
        // Cross-references to parts of this handout point inside it.
        for section in &sections {
            writer.local_targets.insert(section.id.clone(), format!("#s-{}", section.id));
            for challenge in section.challenges.iter().filter(|c| c.published) {
                writer.local_targets.insert(challenge.id.clone(), format!("#{}", paths::handout_challenge_anchor(&challenge.id)));
                if let Some(found) = self.site.challenge(lang, &challenge.id) {
                    for practice in &found.item.practices {
                        writer.local_targets.insert(
                            format!("{}#{}", challenge.id, practice.anchor),
                            format!("#{}", paths::handout_practice_anchor(&challenge.id, &practice.anchor)),
                        );
                    }
                }
            }
        }
        let tag = self.tag(lang);
        let mut cited = std::collections::BTreeSet::new();
        let views: Vec<SectionView> = sections
            .iter()
            .map(|section| {
                let found = self.site.section(lang, &section.id);
                let title = found.map(|s| s.item.title.clone()).unwrap_or_default();
                SectionView {
                    id: section.id.clone(),
                    anchor: paths::handout_section_anchor(&section.id),
                    heading: self.t(lang, Msg::SectionHeading, &[("id", &section.id), ("title", &title)]),
                    lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                    page: page_of(&paths::handout_section_anchor(&section.id)),
                    intro: found.map(|f| self.document_html(&writer, &f.item.intro, &f.item.info.path)).unwrap_or_default(),
                    challenges: section
                        .challenges
                        .iter()
                        .filter(|c| c.published)
                        .filter_map(|c| self.site.challenge(lang, &c.id))
                        .map(|found| {
                            let challenge = found.item;
                            for node in challenge.nodes() {
                                if let Node::Citation(citation) = &node.node {
                                    cited.extend(citation.items.iter().map(|i| i.key.clone()));
                                }
                            }
                            ChallengeView {
                                id: challenge.id.clone(),
                                anchor: paths::handout_challenge_anchor(&challenge.id),
                                heading: self.t(lang, Msg::ChallengeHeading, &[("id", &challenge.id)]),
                                statement: challenge.statement.clone(),
                                lang: lang_attr(found.lang, &tag, self.site),
                                page: page_of(&paths::handout_challenge_anchor(&challenge.id)),
                                practices: challenge
                                    .practices
                                    .iter()
                                    .enumerate()
                                    .map(|(i, p)| {
                                        Practice::new(
                                            &writer,
                                            p,
                                            paths::handout_practice_anchor(&challenge.id, &p.anchor),
                                            i + 1,
                                            challenge,
                                        )
                                    })
                                    .collect(),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let default = self.site.default_language();
        let mut sources: Vec<SourceView> = cited
            .iter()
            .filter_map(|key| self.site.sources.get(key))
            .map(|source| {
                let (title, title_lang) = source.title(lang, default);
                SourceView {
                    label: source.label.clone(),
                    title: title.to_string(),
                    lang: lang_attr(title_lang, &tag, self.site),
                    author: source.author(lang, default).map(|(a, _)| a.to_string()),
                    author_lang: source.author(lang, default).map(|(_, l)| lang_attr(l, &tag, self.site)).unwrap_or_default(),
                    year: source.year.clone(),
                    url: source.url.clone(),
                }
            })
            .collect();
        sources.sort_by_key(|s| s.label.to_lowercase());
        let home = self.site.home(lang);
        // The running head and page numbers of printed pages can only be set in CSS, per page.
        let page_style = format!(
            "@page {{ @top-left {{ content: {}; }} @bottom-right {{ content: {} \" \" counter(page) \" / \" counter(pages); }} }}\n@page :first {{ @top-left {{ content: none; }} @bottom-right {{ content: none; }} }}",
            css_string(&heading),
            css_string(&self.t(lang, Msg::HandoutPage, &[]))
        );
        // The Print button's script runs only on the site: what the PDF printer renders runs none.
        let scripts = if pages.is_some() { crate::render::csp::Scripts::None } else { crate::render::csp::Scripts::Site };
        layout.csp = crate::render::csp::policy(scripts, &[&page_style]);
        let view = HandoutPage {
            layout,
            page_style,
            chapter_title,
            number,
            edition: home.map(|h| h.item.edition.as_str()).unwrap_or_default(),
            note: home.map(|h| h.item.note.as_str()).unwrap_or_default(),
            language_name: self.t(lang, Msg::LanguageName, &[]),
            date: self.build_date(lang),
            sections: views,
            sources,
            sources_page: page_of(paths::HANDOUT_SOURCES),
            notes: self.notes(&writer),
            notes_page: page_of(paths::HANDOUT_NOTES),
            chapter_href: paths::href(&writer.root, &paths::chapter(lang, number), None),
            online_url: format!("{}{}", self.site.config.base_url, paths::chapter(lang, number)),
            for_printer: pages.is_some(),
            pdf: self.pdf_link(lang, number, &writer.root),
        };
        self.render_view(lang, folder, "handout.html", &view)
    }

    /// The day of the build in the reader's language.
    pub(super) fn build_date(&self, lang: &str) -> String {
        let (year, month, day) = civil_date(self.facts.build_day);
        let month_name = self.t(lang, Msg::month(month), &[]);
        self.t(
            lang,
            Msg::Date,
            &[("year", &year.to_string()), ("month", &month_name), ("month-number", &month.to_string()), ("day", &day.to_string())],
        )
    }
}

/// A CSS string literal, safe inside a `<style>` element.
fn css_string(text: &str) -> String {
    // Letters, digits and spaces as they are; controls (which end a CSS string or a line) as a
    // space; everything else as a hex escape, which can end neither the string nor the element.
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            c if c.is_control() => out.push(' '),
            c if c.is_alphanumeric() || c == ' ' => out.push(c),
            c => out.push_str(&format!("\\{:x} ", c as u32)),
        }
    }
    out.push('"');
    out
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's `civil_from_days`.
fn civil_date(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::{civil_date, css_string};

    #[test]
    pub(super) fn css_strings_cannot_escape_their_style_element() {
        assert_eq!(css_string("Chapter 2. A \"b\" </style>"), "\"Chapter 2\\2e  A \\22 b\\22  \\3c \\2f style\\3e \"");
        assert_eq!(css_string("a\r} body {\u{c}x"), "\"a \\7d  body \\7b  x\"");
        assert_eq!(css_string("挑战 2"), "\"挑战 2\"");
    }

    #[test]
    pub(super) fn civil_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(20_414), (2025, 11, 22));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
    }
}
