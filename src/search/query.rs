//! `toolkit search`: ranked results from the index of the last build when it is current,
//! from a fresh one otherwise.

use std::path::Path;

use super::documents::Kind;
use super::engine;
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
    /// The query's words this result lacks (only when no result has them all).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// The corrected query these results are for, when the query as typed found nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected: Option<String>,
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

/// The results of a query, as the search page shows them (see `engine::answer`), in edition
/// number `edition` only when given (see `documents::edition_number`).
pub fn answer(index: &LanguageIndex, query: &str, edition: Option<usize>) -> engine::Outcome {
    engine::answer(&index.engine, query, |doc| edition.is_none_or(|bit| index.documents[doc].editions & (1 << bit) != 0))
}

pub fn search(index: &LanguageIndex, query: &str, limit: usize) -> Result<Vec<Hit>, String> {
    search_edition(index, query, limit, None)
}

pub fn search_edition(index: &LanguageIndex, query: &str, limit: usize, edition: Option<usize>) -> Result<Vec<Hit>, String> {
    let outcome = answer(index, query, edition);
    let terms = engine::highlight_terms(&outcome.clauses);
    Ok(outcome
        .results
        .into_iter()
        .take(limit)
        .map(|ranked| {
            let document = &index.documents[ranked.doc];
            let mut text = document.lead.clone();
            if !document.body.is_empty() {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&document.body);
            }
            let text = if text.is_empty() { document.title.clone() } else { text };
            Hit {
                id: document.id.clone(),
                kind: document.kind.clone(),
                title: document.title.clone(),
                url: format!("/{}", document.url.replace("index.html", "")),
                breadcrumb: document.breadcrumb.clone(),
                snippet: super::snippet(&index.lang, &text, &terms, 120, |word| format!("[{word}]")),
                score: ranked.score as f32 / 100.0,
                missing: ranked.missing,
                corrected: outcome.corrected.then(|| outcome.query.clone()),
            }
        })
        .collect())
}
