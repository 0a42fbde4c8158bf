//! `toolkit search`: ranked results from the index of the last build when it is current,
//! from a fresh one otherwise.

use std::path::Path;

use super::documents::Kind;
use super::index::LanguageIndex;
use crate::load::localize::Localizer;
use crate::model::Site;

#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    /// `2.1.a`, `2.1.a#gp-2`, `box:…`, `case-studies/…`, `source:…`.
    pub id: String,
    pub kind: Kind,
    pub title: String,
    /// The page's address from the site root, e.g. `/en/2.1.a/#gp-2`.
    pub url: String,
    pub breadcrumb: Vec<String>,
    /// Text around the first match, matches in [brackets].
    pub snippet: String,
    pub score: f32,
}

/// The index of `lang`: the kept one when current, else the loaded site indexed and kept anew.
pub fn current_index(root: &Path, lang: &str, site: &Site, ui: &Localizer) -> Result<LanguageIndex, String> {
    if site.config.language(lang).is_none() {
        return Err(format!("There is no language \"{lang}\" in content/toolkit.toml."));
    }
    if let Some(index) = super::open_kept(root, lang) {
        return Ok(index);
    }
    let fingerprint = super::fingerprint(root);
    let fresh = super::fresh_folder(root);
    let kept = super::index_site(site, ui, Some(&fresh)).and_then(|mut indexes| {
        let at = indexes.iter().position(|i| i.lang == lang).ok_or("no index")?;
        Ok(indexes.swap_remove(at))
    });
    match kept {
        Ok(_) => {
            // Reopened from disk so the folder can move into place first.
            super::keep(root, &fresh, &fingerprint).map_err(|e| format!("The search index could not be saved: {e}."))?;
            super::open_kept(root, lang).ok_or_else(|| "The search index could not be read back.".to_string())
        }
        Err(problem) => {
            let _ = std::fs::remove_dir_all(&fresh);
            Err(problem)
        }
    }
}

pub fn search(index: &LanguageIndex, query: &str, limit: usize) -> Result<Vec<Hit>, String> {
    let terms = index.query_terms(query);
    let hits = index.search(&terms, limit).map_err(|e| format!("The search failed: {e}."))?;
    Ok(hits
        .into_iter()
        .map(|(score, doc)| {
            let document = &index.documents[doc];
            let text = if document.lead.is_empty() { &document.body } else { &document.lead };
            let text = if text.is_empty() { &document.title } else { text };
            Hit {
                id: document.id.clone(),
                kind: document.kind.clone(),
                title: document.title.clone(),
                url: format!("/{}", document.url.replace("index.html", "")),
                breadcrumb: document.breadcrumb.clone(),
                snippet: super::snippet(&document.text_lang, text, &terms, 120, |word| format!("[{word}]")),
                score,
            }
        })
        .collect())
}
