//! What a build produces, each from the same loaded model: the pages, the theme's files, the
//! search index and the files for reading offline. Each is an `Output` (in the spirit of
//! mdBook's renderers) that `build` runs in order, writing into a `Sink`: the staging folder of
//! a build, or memory for the live preview. A new kind of output is one more module here.

pub mod assets;
pub mod offline;
pub mod pages;
pub mod pdfs;
pub mod search;
pub mod staging;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use crate::diagnostics::Problems;
use crate::hash::bytes_hash;
use crate::load::localize::Localizer;
use crate::model::Site;
use crate::render::pages::Facts;
use crate::render::theme::Theme;

/// Everything an output may read: the checked model, the interface texts, the theme, and the
/// facts gathered from outside the model before rendering.
pub struct Context<'a> {
    pub root: &'a Path,
    pub site: &'a Site,
    pub ui: &'a Localizer,
    pub theme: &'a Theme,
    pub facts: &'a Facts,
}

/// What an output wrote, for the build's summary: pages per language (`""` for pages of no
/// language: the chooser, the 404 page).
#[derive(Debug, Default)]
pub struct Written {
    pub pages: BTreeMap<String, usize>,
    /// What the build should tell its user besides problems ("PDFs were skipped: ...").
    pub notices: Vec<String>,
}

pub trait Output: Sync {
    /// What it makes, for messages ("search index").
    fn name(&self) -> &'static str;
    fn write(&self, context: &Context<'_>, sink: &dyn Sink) -> Result<Written, Problems>;
}

/// Where outputs put their files, by path in the site. Thread-safe: pages are written in parallel.
pub trait Sink: Sync {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
    /// Every file put so far, in path order, with its fingerprint and size.
    fn fingerprints(&self) -> Vec<(String, String, usize)>;
}

/// A sink that keeps the files in memory (the live preview, tests).
#[derive(Default)]
pub struct Memory {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Memory {
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.files.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string(), bytes.to_vec());
        Ok(())
    }

    fn fingerprints(&self) -> Vec<(String, String, usize)> {
        let files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.iter().map(|(path, bytes)| (path.clone(), bytes_hash(bytes), bytes.len())).collect()
    }
}

/// A sink that keeps nothing: `check` renders every page, to find what only rendering finds,
/// and writes none.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _path: &str, _bytes: &[u8]) -> std::io::Result<()> {
        Ok(())
    }

    fn fingerprints(&self) -> Vec<(String, String, usize)> {
        Vec::new()
    }
}

/// The problem of a file that could not be put into the sink.
pub fn write_problem(output: &str, path: &str, error: std::io::Error) -> Problems {
    Problems::one(crate::diagnostics::Diagnostic::error(path, None, format!("The {output} could not be written: {error}.")))
}

/// Gives the memory freed since the last call back to the system. glibc's allocator keeps it
/// for reuse, in every thread's arena: after the pages of a 10,000-page site that was 80 MB,
/// which the search index's peak then came on top of (bench/README.md).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's own heaps to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}
