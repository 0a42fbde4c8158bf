//! Finds the version of an English file that a translation was made from, so a translator can
//! see exactly what changed since: the hash recorded by `stamp` is looked up in the file's git
//! history (translators work in a clone of the project).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use similar::TextDiff;

use crate::hash::text_hash;

/// Where an older English text was found.
#[derive(Clone)]
pub struct OldVersion {
    pub text: String,
    /// The commit, or `None` when the current file still matches.
    pub commit: Option<String>,
}

/// The text of `file` (relative to `root`) whose hash is `wanted`: the working copy, or the
/// newest commit that had it. `None` if neither git nor the history knows it.
pub fn find_version(root: &Path, file: &Path, wanted: &str) -> Option<OldVersion> {
    let current = std::fs::read_to_string(root.join(file)).ok()?;
    if text_hash(&current) == wanted {
        return Some(OldVersion { text: current, commit: None });
    }
    // A hash names one text for good, so what the history gave once is kept for the process: the
    // live preview recomputes the status page on every edit.
    static FOUND: OnceLock<Mutex<HashMap<(PathBuf, String), OldVersion>>> = OnceLock::new();
    let key = (root.join(file), wanted.to_string());
    if let Some(found) = FOUND.get_or_init(Default::default).lock().ok()?.get(&key) {
        return Some(found.clone());
    }
    // Outside a clone there is nothing to ask, and asking costs a process per file.
    if !available(root) {
        return None;
    }
    let path = file.to_string_lossy().replace('\\', "/");
    let log = git(root, &["log", "--format=%H", "-n", "500", "--", &path])?;
    for commit in log.lines().filter(|l| !l.is_empty()) {
        let Some(text) = git(root, &["show", &format!("{commit}:{path}")]) else { continue };
        if text_hash(&text) == wanted {
            let found = OldVersion { text, commit: Some(commit.to_string()) };
            FOUND.get_or_init(Default::default).lock().ok()?.insert(key, found.clone());
            return Some(found);
        }
    }
    None
}

/// Whether the project's git history can be read (a translator may work from a copy without it).
/// Asked once per project folder in a process.
pub fn available(root: &Path) -> bool {
    static KNOWN: OnceLock<Mutex<HashMap<PathBuf, bool>>> = OnceLock::new();
    let mut known = KNOWN.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    *known
        .entry(root.to_path_buf())
        .or_insert_with(|| git(root, &["rev-parse", "--is-inside-work-tree"]).is_some_and(|out| out.trim() == "true"))
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git").arg("-C").arg(root).args(args).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A unified diff between two texts, with labels for both sides.
pub fn unified(old: &str, new: &str, old_label: &str, new_label: &str) -> String {
    TextDiff::from_lines(old, new).unified_diff().context_radius(3).header(old_label, new_label).to_string()
}
