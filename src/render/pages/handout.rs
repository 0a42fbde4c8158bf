//! A chapter's printable handout, and the CSS and dates it needs.

use super::*;

#[derive(Serialize)]
struct HandoutPage<'a> {
    #[serde(flatten)]
    layout: Layout,
    page_style: String,
    chapter_title: String,
    number: u32,
    edition: String,
    /// ` lang="en"` when the edition's name is a fallback.
    edition_lang: String,
    note: &'a str,
    language_name: String,
    date: String,
    sections: Vec<SectionView>,
    sources: Vec<SourceView>,
    /// The page numbers of the contents' last entries (empty until known, as all page numbers).
    sources_page: String,
    notes: Vec<Note>,
    notes_page: String,
    /// The chapter's page (a later edition's handout: that edition's contents).
    back_href: String,
    /// A later edition's handout (its own address), else the base's.
    in_edition: bool,
    /// On the base edition's print page: the current edition's handout of the chapter, when
    /// that edition revises it.
    later: Option<LaterHandout>,
    /// The chapter's address on the web (a later edition's contents), for the cover of a printed copy.
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
    /// The base edition's good practices, one heading each.
    practices: Vec<Practice>,
    /// A later edition's text in its own form (parts, reference lines, practices as a list).
    blocks: Vec<super::edition::BlockView>,
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

/// A link from the base edition's print page to a later edition's handout of the chapter.
#[derive(Serialize)]
struct LaterHandout {
    name: String,
    href: String,
}

/// A link to a handout, and to its PDF when the build printed it.
#[derive(Serialize)]
pub(super) struct HandoutLink {
    number: u32,
    href: String,
    pdf: Option<PdfLink>,
}

impl Renderer<'_> {
    /// A chapter as one printable document: cover, contents, every section, challenge and good
    /// practice, then the sources cited and the notes, numbered through the chapter. `edition`:
    /// the chapter as that later edition has it (the parts it, or an edition between the base and
    /// it, revises in their form; the others the base's); `None`, the base edition's. `pages`
    /// gives the printed page of its anchors, when a first print has shown them: the PDF printer
    /// renders it again with them, for the contents and the cross-references.
    pub fn handout<'p>(
        &'p self,
        lang: &'p str,
        number: u32,
        edition: Option<&'p str>,
        pages: Option<&'p PageMap>,
    ) -> Result<Page, Diagnostic> {
        let folder_in = |l: &str| match edition {
            Some(edition) => paths::edition_handout(l, edition, number),
            None => paths::handout(l, number),
        };
        let folder = folder_in(lang);
        let chapter_title = self.site.chapter(lang, number).map(|c| c.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::ChapterHeading, &[("number", &number.to_string()), ("title", &chapter_title)]);
        let mut layout = self.base(lang, &folder, &heading, folder_in);
        let mut writer = PageWriter::new(self.site, self.ui, lang, &folder);
        // Chapter on the cover (h1), sections h2, challenges h3, good practices h4.
        writer.heading_shift = 2;
        writer.pages = pages;
        let page_of =
            |anchor: &str| pages.and_then(|p| p.get(anchor)).map(|page| page_number("toc-page", &page.to_string())).unwrap_or_default();
        let Some(chapter) = self.site.toc.chapter(number) else {
            return Err(Diagnostic::error("content", None, format!("Chapter {number} is not declared.")));
        };
        // Each section with the edition whose text the handout gives (`None`: the base's).
        let parts: Vec<(&TocSection, Option<&str>)> = chapter
            .sections
            .iter()
            .filter_map(|section| {
                let version = edition.and_then(|e| self.site.revising_edition(e, |c| c.sections.contains_key(&section.id)));
                (version.is_some() || section.published).then_some((section, version))
            })
            .collect();
        let challenges: Vec<Vec<InLanguage<'_, Challenge>>> =
            parts.iter().map(|(section, version)| self.handout_challenges(lang, section, *version)).collect();
        // Cross-references to parts of this handout, by any name content gives them, point inside it.
        for ((section, version), challenges) in parts.iter().zip(&challenges) {
            for name in self.names_in_handout(&section.id, *version) {
                writer.local_targets.insert(name, format!("#{}", paths::handout_section_anchor(&section.id)));
            }
            for found in challenges {
                let id = &found.item.id;
                for name in self.names_in_handout(id, *version) {
                    for practice in &found.item.practices {
                        writer.local_targets.insert(
                            format!("{name}#{}", practice.anchor),
                            format!("#{}", paths::handout_practice_anchor(id, &practice.anchor)),
                        );
                    }
                    writer.local_targets.insert(name, format!("#{}", paths::handout_challenge_anchor(id)));
                }
            }
        }
        let tag = self.tag(lang);
        let mut cited = std::collections::BTreeSet::new();
        let views: Vec<SectionView> = parts
            .iter()
            .zip(&challenges)
            .map(|((section, version), challenges)| {
                let found = match version {
                    Some(version) => self.site.edition_section(lang, version, &section.id),
                    None => self.site.section(lang, &section.id),
                };
                let title = found.map(|s| s.item.title.clone()).unwrap_or_default();
                SectionView {
                    id: section.id.clone(),
                    anchor: paths::handout_section_anchor(&section.id),
                    heading: self.t(lang, Msg::SectionHeading, &[("id", &section.id), ("title", &title)]),
                    lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                    page: page_of(&paths::handout_section_anchor(&section.id)),
                    intro: found.map(|f| self.document_html(&writer, &f.item.intro, &f.item.info.path)).unwrap_or_default(),
                    challenges: challenges
                        .iter()
                        .map(|found| {
                            let challenge = found.item;
                            for node in challenge.nodes() {
                                if let Node::Citation(citation) = &node.node {
                                    cited.extend(citation.items.iter().map(|i| i.key.clone()));
                                }
                            }
                            let anchor = |p: &GoodPractice| paths::handout_practice_anchor(&challenge.id, &p.anchor);
                            // A later edition's text in its own form, as on its pages.
                            let (practices, blocks) = match version {
                                Some(_) => (Vec::new(), super::edition::challenge_blocks(&writer, challenge, anchor)),
                                None => (
                                    challenge
                                        .practices
                                        .iter()
                                        .enumerate()
                                        .map(|(i, p)| Practice::new(&writer, p, anchor(p), i + 1, challenge))
                                        .collect(),
                                    Vec::new(),
                                ),
                            };
                            ChallengeView {
                                id: challenge.id.clone(),
                                anchor: paths::handout_challenge_anchor(&challenge.id),
                                heading: self.t(lang, Msg::ChallengeHeading, &[("id", &challenge.id)]),
                                statement: challenge.statement.clone(),
                                lang: lang_attr(found.lang, &tag, self.site),
                                page: page_of(&paths::handout_challenge_anchor(&challenge.id)),
                                practices,
                                blocks,
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
        // The edition, named on the cover and, when the toolkit has several, in the running head.
        let (edition_name, edition_lang) = match edition.or(self.site.base_edition()) {
            Some(named) => self.edition_name(lang, named),
            None => (home.map(|h| h.item.edition.clone()).unwrap_or_default(), String::new()),
        };
        let running_head = if self.site.config.editions.len() > 1 {
            self.t(lang, Msg::HandoutRunningHead, &[("chapter", &heading), ("edition", &edition_name)])
        } else {
            heading.clone()
        };
        // The running head and page numbers of printed pages can only be set in CSS, per page.
        let page_style = format!(
            "@page {{ @top-left {{ content: {}; }} @bottom-right {{ content: {} \" \" counter(page) \" / \" counter(pages); }} }}\n@page :first {{ @top-left {{ content: none; }} @bottom-right {{ content: none; }} }}",
            css_string(&running_head),
            css_string(&self.t(lang, Msg::HandoutPage, &[]))
        );
        // The Print button's script runs only on the site: what the PDF printer renders runs none.
        let scripts = if pages.is_some() { crate::render::csp::Scripts::None } else { crate::render::csp::Scripts::Site };
        layout.csp = crate::render::csp::policy(scripts, &[&page_style]);
        // A later edition's handout leads back to that edition's contents, the base's to its chapter.
        let back = match edition {
            Some(edition) => paths::edition_home(lang, edition),
            None => paths::chapter(lang, number),
        };
        let later = match (edition, self.site.config.current_edition()) {
            (None, Some(current)) => self.site.handout_edition(&current.id, number).map(|later| LaterHandout {
                name: self.edition_name(lang, later).0,
                href: self.handout_link(lang, later, number, &writer.root).href,
            }),
            _ => None,
        };
        let pdf_path = match edition {
            Some(edition) => paths::edition_handout_pdf(lang, edition, number),
            None => paths::handout_pdf(lang, number),
        };
        let view = HandoutPage {
            layout,
            page_style,
            chapter_title,
            number,
            edition: edition_name,
            edition_lang,
            note: home.map(|h| h.item.note.as_str()).unwrap_or_default(),
            language_name: self.t(lang, Msg::LanguageName, &[]),
            date: self.build_date(lang),
            sections: views,
            sources,
            sources_page: page_of(paths::HANDOUT_SOURCES),
            notes: self.notes(&writer),
            notes_page: page_of(paths::HANDOUT_NOTES),
            back_href: paths::href(&writer.root, &back, None),
            in_edition: edition.is_some(),
            later,
            online_url: format!("{}{}", self.site.config.base_url, back),
            for_printer: pages.is_some(),
            pdf: self.pdf_link(&pdf_path, &writer.root),
        };
        self.render_view(lang, folder, "handout.html", &view)
    }

    /// The challenges of `section` in a handout: a later edition's own (`version`), or the base's
    /// published ones.
    fn handout_challenges<'s>(
        &'s self,
        lang: &'s str,
        section: &'s TocSection,
        version: Option<&'s str>,
    ) -> Vec<InLanguage<'s, Challenge>> {
        match version.and_then(|v| self.site.reference().editions.get(v).map(|revised| (v, revised))) {
            Some((version, revised)) => revised
                .challenges
                .keys()
                .filter(|id| id.rsplit_once('.').is_some_and(|(s, _)| s == section.id))
                .filter_map(|id| self.site.edition_challenge(lang, version, id))
                .collect(),
            None => section.challenges.iter().filter(|c| c.published).filter_map(|c| self.site.challenge(lang, &c.id)).collect(),
        }
    }

    /// The names content may give part `id` whose text is `version`'s (`None`: the base's): its
    /// plain id names the base's text, `<edition>/<id>` the text that edition has.
    fn names_in_handout(&self, id: &str, version: Option<&str>) -> Vec<String> {
        let mut names: Vec<String> = version.is_none().then(|| id.to_string()).into_iter().collect();
        for later in self.site.config.editions.iter().skip(1) {
            if self.site.revising_edition(&later.id, |e| e.sections.contains_key(id) || e.challenges.contains_key(id)) == version {
                names.push(format!("{}/{id}", later.id));
            }
        }
        names
    }

    /// The handout of chapter `number` as later edition `edition` has it (which must revise a
    /// part of it), and its PDF when the build printed it.
    pub(super) fn handout_link(&self, lang: &str, edition: &str, number: u32, root: &str) -> HandoutLink {
        HandoutLink {
            number,
            href: paths::href(root, &paths::edition_handout(lang, edition, number), None),
            pdf: self.pdf_link(&paths::edition_handout_pdf(lang, edition, number), root),
        }
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
