//! Challenge pages: the statement, the good practices, notes and the way around.

use super::*;

#[derive(Serialize)]
struct ChallengePage<'a> {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    statement: &'a str,
    practices: Vec<Practice>,
    notes: Vec<Note>,
    content_lang: String,
    #[serde(flatten)]
    notice: Notice,
    /// The "not prescriptive" note of the home page, when the language has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note_lang: Option<String>,
    pager: Pager,
    breadcrumbs: Vec<Crumb>,
    /// The edition, and its later version (when the toolkit declares editions).
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<super::edition::EditionLine>,
}

impl Renderer<'_> {
    pub(super) fn challenge(&self, lang: &str, entry: &TocChallenge) -> Result<Page, Diagnostic> {
        let id = entry.id.as_str();
        let folder = paths::section_or_challenge(lang, id);
        let Some(found) = self.site.challenge(lang, id) else {
            return Err(Diagnostic::error("content", None, format!("Challenge {id} has no text.")));
        };
        let challenge: &Challenge = found.item;
        let heading = self.t(lang, Msg::ChallengeHeading, &[("id", id)]);
        let mut layout = self.base(lang, &folder, &heading, |l| paths::section_or_challenge(l, id));
        layout.description = describe(&challenge.statement);
        let mut writer = self.writer(lang, &folder);
        writer.heading_shift = 1;
        // Cross-references to this page's own good practices stay on the page.
        for practice in &challenge.practices {
            writer.local_targets.insert(format!("{id}#{}", practice.anchor), format!("#{}", practice.anchor));
        }
        let practices: Vec<Practice> =
            challenge.practices.iter().enumerate().map(|(i, p)| Practice::new(&writer, p, p.anchor.clone(), i + 1, challenge)).collect();
        let notice = self.notice(&found, &challenge.info, lang, &writer.root, |l| paths::section_or_challenge(l, id));
        let home = self.site.home(lang);
        let published: Vec<&TocChallenge> = self.site.toc.published_challenges().collect();
        let position = published.iter().position(|c| c.id == id).unwrap_or(0);
        let neighbour = |c: Option<&&TocChallenge>| c.map(|c| self.challenge_neighbour(lang, &writer.root, c, entry.chapter));
        let chapter = entry.chapter;
        let view = ChallengePage {
            layout,
            heading,
            statement: &challenge.statement,
            practices,
            notes: self.notes(&writer),
            content_lang: self.fallback_attr(&found, lang),
            notice,
            note: home.map(|h| h.item.note.as_str()),
            note_lang: home.map(|h| self.fallback_attr(&h, lang)),
            pager: Pager {
                previous: neighbour(position.checked_sub(1).and_then(|p| published.get(p))),
                next: neighbour(published.get(position + 1)),
            },
            breadcrumbs: self.crumbs(lang, &writer.root, Some(chapter), Some(&entry.section)),
            edition: self.base_edition_line(lang, &writer.root, id),
        };
        self.render_view(lang, folder, "challenge.html", &view)
    }
}
