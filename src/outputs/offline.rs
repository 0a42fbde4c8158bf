//! Reading offline on a phone: the service worker `sw.js` (from the theme's
//! `service-worker.js`) and, per language, `offline/<lang>.json`, the files a reader saves with
//! "Save for offline reading" and a fingerprint of each, so an update fetches only what changed.
//! It runs last: it lists what the other outputs wrote.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Problems};
use crate::hash::bytes_hash;
use crate::outputs::{Context, Output, Sink, Written, write_problem};
use crate::paths;

/// The theme file that becomes `sw.js`.
pub const SERVICE_WORKER_SOURCE: &str = "service-worker.js";

pub struct Offline;

#[derive(Serialize)]
struct Manifest<'a> {
    lang: &'a str,
    /// Total size, so readers know what saving costs before they start.
    bytes: usize,
    files: BTreeMap<&'a str, &'a str>,
}

/// Whether a language's offline copy needs `path`: its pages and search index, the shared style
/// sheets and scripts, and the language chooser.
fn belongs_to(path: &str, lang: &str) -> bool {
    // The chapters' PDFs are downloads, too heavy to save with every page of a language.
    (path.starts_with(&paths::home(lang)) && !paths::is_pdf(path))
        || path.starts_with(&paths::search_data(lang))
        || path.starts_with(paths::ASSETS)
        || path == paths::CHOOSER
}

impl Output for Offline {
    fn name(&self) -> &'static str {
        "files for reading offline"
    }

    fn write(&self, context: &Context<'_>, sink: &dyn Sink) -> Result<Written, Problems> {
        let source = context.theme.folder.join(SERVICE_WORKER_SOURCE);
        let worker = std::fs::read_to_string(context.root.join(&source))
            .map_err(|e| Problems::one(Diagnostic::error(&source, None, format!("The file could not be read: {e}."))))?;
        let written = sink.fingerprints();
        for lang in context.site.config.codes() {
            let mine: Vec<&(String, String, usize)> = written.iter().filter(|(path, _, _)| belongs_to(path, lang)).collect();
            let manifest = Manifest {
                lang,
                bytes: mine.iter().map(|(_, _, size)| size).sum(),
                files: mine.iter().map(|(path, hash, _)| (path.as_str(), hash.as_str())).collect(),
            };
            let json = serde_json::to_string(&manifest).unwrap_or_default();
            let path = paths::offline_manifest(lang);
            sink.put(&path, json.as_bytes()).map_err(|e| write_problem(self.name(), &path, e))?;
        }
        // The version changes with any file (the manifests list every page), so browsers install
        // the new worker, which refreshes saved languages.
        let mut all: String = written.iter().map(|(path, hash, _)| format!("{path} {hash}\n")).collect();
        all.push_str(&worker);
        let version = bytes_hash(all.as_bytes());
        // Each language's "not available offline" page is kept when the worker installs, so a
        // language never opened still says so in its own words when the connection is gone.
        let languages = serde_json::to_string(&context.site.config.codes().collect::<Vec<_>>()).unwrap_or_default();
        let body = format!("const VERSION = '{version}';\nconst LANGUAGES = {languages};\n{worker}");
        sink.put(paths::SERVICE_WORKER, body.as_bytes()).map_err(|e| write_problem(self.name(), paths::SERVICE_WORKER, e))?;
        Ok(Written::default())
    }
}
