//! Challenge pages: the statement, the good practices, notes and the way around.

use super::*;

impl Renderer<'_> {
    pub(super) fn challenge(&self, lang: &str, entry: &TocChallenge) -> Result<Page, Diagnostic> {
        let id = entry.id.as_str();
        let folder = paths::section_or_challenge(lang, id);
        let Some(found) = self.site.challenge(lang, id) else {
            return Err(Diagnostic::error("content", None, format!("Challenge {id} has no text.")));
        };
        let challenge: &Challenge = found.item;
        let heading = self.t(lang, Msg::ChallengeHeading, &[("id", id)]);
        let mut context =
            self.base(lang, &folder, &format!("{heading}{}{}", self.t(lang, Msg::LabelSeparator, &[]), challenge.statement), |l| {
                paths::section_or_challenge(l, id)
            });
        let mut writer = self.writer(lang, &folder);
        writer.heading_shift = 1;
        // Cross-references to this page's own good practices stay on the page.
        for practice in &challenge.practices {
            writer.local_targets.insert(format!("{id}#{}", practice.anchor), format!("#{}", practice.anchor));
        }
        let practices: Vec<Practice> =
            challenge.practices.iter().enumerate().map(|(i, p)| Practice::new(&writer, p, p.anchor.clone(), i + 1, challenge)).collect();
        context.insert("id", id);
        context.insert("heading", &heading);
        context.insert("statement", &challenge.statement);
        context.insert("practices", &practices);
        context.insert("notes", &self.notes(&writer));
        context.insert("content_lang", &self.fallback_attr(&found, lang));
        if found.is_fallback(lang) {
            context.insert("fallback_href", &paths::href(&writer.root, &paths::section_or_challenge(found.lang, id), None));
        } else if self.site.is_outdated(&challenge.info) {
            let english = self.site.default_language();
            context.insert("outdated_href", &paths::href(&writer.root, &paths::section_or_challenge(english, id), None));
        }
        if let Some(home) = self.site.home(lang) {
            context.insert("note", &home.item.note);
            context.insert("note_lang", &self.fallback_attr(&home, lang));
        }
        let published: Vec<&TocChallenge> = self.site.toc.published_challenges().collect();
        let position = published.iter().position(|c| c.id == id).unwrap_or(0);
        let neighbour = |c: Option<&&TocChallenge>| c.map(|c| self.challenge_entry(lang, &writer.root, c));
        context.insert("previous", &neighbour(position.checked_sub(1).and_then(|p| published.get(p))));
        context.insert("next", &neighbour(published.get(position + 1)));
        let chapter: u32 = id.split('.').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        context.insert("breadcrumbs", &self.crumbs(lang, &writer.root, chapter, Some(&entry.section)));
        self.page(lang, folder, "challenge.html", &context)
    }
}
