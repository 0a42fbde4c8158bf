//! Reading offline on a phone: the service worker `sw.js` (from the theme's
//! `service-worker.js`) and, per language, `offline/<lang>.json`, the files a reader saves with
//! "Save for offline reading" and a fingerprint of each, so an update fetches only what changed.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::hash::bytes_hash;
use crate::output::OutputFile;

/// The theme file that becomes `sw.js`.
pub const SERVICE_WORKER: &str = "service-worker.js";

#[derive(Serialize)]
struct Manifest<'a> {
    lang: &'a str,
    /// Total size, so readers know what saving costs before they start.
    bytes: usize,
    files: BTreeMap<&'a str, String>,
}

/// Whether a language's offline copy needs `path`: its pages and search index, the shared style
/// sheets and scripts, and the language chooser.
fn belongs_to(path: &str, lang: &str) -> bool {
    path.starts_with(&format!("{lang}/"))
        || path.starts_with(&format!("search/{lang}/"))
        || path.starts_with("assets/")
        || path == "index.html"
}

/// `sw.js` and the manifests, for the site's `files` (complete but for these).
pub fn files(files: &[OutputFile], languages: &[&str], service_worker: &str) -> Result<Vec<OutputFile>, String> {
    let fingerprints: BTreeMap<&str, (String, usize)> =
        files.iter().map(|f| (f.path.as_str(), (bytes_hash(&f.bytes), f.bytes.len()))).collect();
    let mut out = Vec::new();
    for lang in languages {
        let mine: Vec<(&str, &(String, usize))> =
            fingerprints.iter().filter(|(path, _)| belongs_to(path, lang)).map(|(p, f)| (*p, f)).collect();
        let manifest = Manifest {
            lang,
            bytes: mine.iter().map(|(_, (_, size))| size).sum(),
            files: mine.iter().map(|(path, (hash, _))| (*path, hash.clone())).collect(),
        };
        let json = serde_json::to_string(&manifest).map_err(|e| e.to_string())?;
        out.push(OutputFile { path: format!("offline/{lang}.json"), bytes: json.into_bytes() });
    }
    // The version changes with any file (the manifests list every page), so browsers install
    // the new worker, which refreshes saved languages.
    let mut all: String = fingerprints.iter().map(|(path, (hash, _))| format!("{path} {hash}\n")).collect();
    all.push_str(service_worker);
    let version = bytes_hash(all.as_bytes());
    out.push(OutputFile { path: "sw.js".into(), bytes: format!("const VERSION = '{version}';\n{service_worker}").into_bytes() });
    Ok(out)
}

/// The theme's service worker source.
pub fn service_worker(root: &Path, theme_folder: &Path) -> Result<String, String> {
    std::fs::read_to_string(root.join(theme_folder).join(SERVICE_WORKER)).map_err(|e| format!("The file could not be read: {e}."))
}
