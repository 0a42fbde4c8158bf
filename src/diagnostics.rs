//! Problems found in the content, collected and reported together.
//!
//! Every problem names the file (relative to the project root) and, where it can, the line, and
//! says in plain words what is wrong and how to fix it: translators read these.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// A cross-reference to a part of the toolkit that is declared but not written yet: part of
    /// a living document's plan, not a mistake, so `--strict` lets it pass.
    Forthcoming,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based; `None` when the problem concerns the whole file.
    pub line: Option<u32>,
    pub message: String,
    /// What the problem is about, when a report groups problems by it: for `Forthcoming`, the
    /// id of the part not written yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, line: Option<u32>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Error, file: file.into(), line, message: message.into(), subject: None }
    }

    pub fn warning(file: impl Into<PathBuf>, line: Option<u32>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, file: file.into(), line, message: message.into(), subject: None }
    }

    /// A reference to `target`, a part of the toolkit that is declared but not written yet.
    pub fn forthcoming(file: impl Into<PathBuf>, line: Option<u32>, target: &str, message: impl Into<String>) -> Self {
        Self { severity: Severity::Forthcoming, file: file.into(), line, message: message.into(), subject: Some(target.to_string()) }
    }

    /// `file:line`, or just the file.
    pub fn location(&self) -> String {
        let file = display_path(&self.file);
        match self.line {
            Some(line) => format!("{file}:{line}"),
            None => file,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Forthcoming => "note",
        };
        write!(f, "{label}: {}: {}", self.location(), self.message)
    }
}

/// Paths are shown with forward slashes on every platform, as translators see them in docs.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A thread-safe collector, so parallel passes can report into one list.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&self, diagnostic: Diagnostic) {
        self.items.lock().unwrap_or_else(|e| e.into_inner()).push(diagnostic);
    }

    pub fn error(&self, file: impl Into<PathBuf>, line: Option<u32>, message: impl Into<String>) {
        self.push(Diagnostic::error(file, line, message));
    }

    pub fn warning(&self, file: impl Into<PathBuf>, line: Option<u32>, message: impl Into<String>) {
        self.push(Diagnostic::warning(file, line, message));
    }

    pub fn extend(&self, more: impl IntoIterator<Item = Diagnostic>) {
        self.items.lock().unwrap_or_else(|e| e.into_inner()).extend(more);
    }

    pub fn has_errors(&self) -> bool {
        self.items.lock().unwrap_or_else(|e| e.into_inner()).iter().any(|d| d.severity == Severity::Error)
    }

    /// Sorted by file, line and message so reports are stable from run to run.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().unwrap_or_else(|e| e.into_inner());
        items.sort_by(|a, b| (&a.file, a.line, a.severity, &a.message).cmp(&(&b.file, b.line, b.severity, &b.message)));
        items.dedup();
        items
    }
}

/// What stopped a pass: every problem it found (errors first in importance, but warnings found
/// on the way are kept too, so that one report shows everything).
#[derive(Debug, Clone, Default)]
pub struct Problems(pub Vec<Diagnostic>);

impl Problems {
    pub fn one(diagnostic: Diagnostic) -> Problems {
        Problems(vec![diagnostic])
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for Problems {
    /// The errors, one a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in self.errors() {
            writeln!(f, "{error}")?;
        }
        Ok(())
    }
}

impl Diagnostics {
    /// The problems collected, as `Err` when one of them is an error.
    pub fn into_result<T>(self, value: T) -> Result<(T, Vec<Diagnostic>), Problems> {
        let items = self.into_sorted();
        if items.iter().any(|d| d.severity == Severity::Error) { Err(Problems(items)) } else { Ok((value, items)) }
    }
}

/// Maps byte offsets of a text to 1-based line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    pub fn line_of(&self, offset: usize) -> u32 {
        let index = self.starts.partition_point(|&start| start <= offset);
        index.max(1) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based() {
        let index = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(2), 1);
        assert_eq!(index.line_of(3), 2);
        assert_eq!(index.line_of(6), 3);
        assert_eq!(index.line_of(7), 4);
    }

    #[test]
    fn diagnostics_are_sorted_and_deduplicated() {
        let all = Diagnostics::new();
        all.error("b.md", Some(2), "x");
        all.warning("a.md", Some(9), "y");
        all.error("b.md", Some(2), "x");
        let sorted = all.into_sorted();
        assert_eq!(sorted.len(), 2);
        assert_eq!(sorted[0].to_string(), "warning: a.md:9: y");
    }
}
