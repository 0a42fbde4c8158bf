//! One build, start to finish: load → check → render → write. `check` is the same without the
//! writing. Problems are collected from every pass and reported together.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::localize::{Localizer, Msg};
use crate::model::Site;
use crate::offline;
use crate::output::{self, OutputFile};
use crate::render::pages::Renderer;
use crate::render::theme::Theme;
use crate::search;
use crate::validate;

#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// Pages written per language (`""` for pages of no language: chooser, 404, sitemap).
    pub pages: BTreeMap<String, usize>,
    pub elapsed: Duration,
    pub wrote: bool,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// Errors, plus (when strict) warnings; references to forthcoming parts never fail.
    pub fn failed(&self, strict: bool) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error || (strict && d.severity == Severity::Warning))
    }

    /// References to parts of the toolkit not published yet.
    pub fn forthcoming(&self) -> usize {
        self.count(Severity::Forthcoming)
    }

    pub fn summary(&self, verb: &str) -> String {
        let pages: Vec<String> = self.pages.iter().filter(|(l, _)| !l.is_empty()).map(|(l, n)| format!("{l} {n}")).collect();
        let pages = if pages.is_empty() { String::new() } else { format!("pages: {} · ", pages.join(", ")) };
        let forthcoming = match self.forthcoming() {
            0 => String::new(),
            n => format!(", {n} references to parts not published yet"),
        };
        format!(
            "{verb}: {pages}{} errors, {} warnings{forthcoming} · {:.2} s",
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.elapsed.as_secs_f64()
        )
    }
}

/// Everything loaded and checked, for commands that read the toolkit without building it.
pub struct Loaded {
    pub site: Site,
    pub ui: Arc<Localizer>,
    pub theme: Option<Theme>,
}

/// Loads and checks the whole project. `None` when the settings themselves cannot be read.
pub fn load(root: &Path, diagnostics: &Diagnostics) -> Option<Loaded> {
    let config = match Config::load(root) {
        Ok(config) => config,
        Err(problem) => {
            diagnostics.push(problem);
            return None;
        }
    };
    let ui = Arc::new(Localizer::load(root, &config, diagnostics));
    let site = content::load(root, &config, diagnostics);
    validate::check(&site, diagnostics);
    crate::translation::structure::check(&site, diagnostics);
    let codes: Vec<&str> = config.codes().collect();
    let theme = Theme::load(root, &codes, ui.clone(), diagnostics);
    let mut required: std::collections::BTreeSet<String> = Msg::ALL.iter().map(|m| m.id().to_string()).collect();
    if let Some(theme) = &theme {
        required.extend(theme.used_messages.iter().cloned());
        check_anchors_against_theme(&site, theme, diagnostics);
    }
    ui.check(&required, diagnostics);
    Some(Loaded { site, ui, theme })
}

/// A good practice's own anchor must not be an id the page's template already gives.
fn check_anchors_against_theme(site: &Site, theme: &Theme, diagnostics: &Diagnostics) {
    for content in &site.languages {
        for challenge in content.challenges.values() {
            for practice in challenge.practices.iter().filter(|p| theme.ids.contains(&p.anchor)) {
                diagnostics.error(
                    &challenge.info.file,
                    Some(practice.line),
                    format!(
                        "The anchor {{#{}}} cannot be used: the page already uses that name for one of its own parts. Choose another name.",
                        practice.anchor
                    ),
                );
            }
        }
    }
}

/// The whole site as files in memory, ready to write or to serve.
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub pages: BTreeMap<String, usize>,
}

/// What to do about the search index when rendering.
#[derive(Clone, Copy)]
pub enum SearchIndex<'a> {
    /// Checks, single pages and the live preview (which adds it later) do not need it.
    Skip,
    /// Built, and kept on disk in this folder for `toolkit search`.
    KeepIn(&'a Path),
}

/// Loads, checks and renders; `None` (with the reasons in `diagnostics`) when anything is wrong.
pub fn render(root: &Path, diagnostics: &Diagnostics, search_index: SearchIndex<'_>) -> Option<Rendered> {
    let loaded = load(root, diagnostics)?;
    let theme = loaded.theme.as_ref()?;
    if diagnostics.has_errors() {
        return None;
    }
    let renderer = Renderer { root, site: &loaded.site, ui: &loaded.ui, theme };
    let pages = match renderer.all_pages() {
        Ok(pages) => pages,
        Err(problems) => {
            diagnostics.extend(problems);
            return None;
        }
    };
    loaded.ui.report_failures(diagnostics);
    let mut counts = BTreeMap::new();
    for page in &pages {
        *counts.entry(page.lang.clone().unwrap_or_default()).or_default() += 1;
    }
    let mut files: Vec<OutputFile> = pages.into_iter().map(|p| OutputFile { path: p.path, bytes: p.body.into_bytes() }).collect();
    let keep_in = match search_index {
        SearchIndex::Skip => None,
        SearchIndex::KeepIn(folder) => Some(folder),
    };
    if let Some(folder) = keep_in {
        files.extend(search_files(root, &loaded, Some(folder), diagnostics));
    }
    for (path, source) in theme.static_files(root) {
        match std::fs::read(&source) {
            Ok(bytes) => files.push(OutputFile { path: format!("assets/{path}"), bytes }),
            Err(error) => diagnostics.error(theme.folder.join("static").join(&path), None, format!("The file could not be read: {error}.")),
        }
    }
    if keep_in.is_some() {
        // Saving a language for offline reading needs its search index, so the live preview
        // has no offline copy.
        let languages: Vec<&str> = loaded.site.config.languages.iter().map(|l| l.code.as_str()).collect();
        match offline::service_worker(root, &theme.folder).and_then(|worker| offline::files(&files, &languages, &worker)) {
            Ok(extra) => files.extend(extra),
            Err(problem) => diagnostics.error(theme.folder.join(offline::SERVICE_WORKER), None, problem),
        }
    }
    (!diagnostics.has_errors()).then_some(Rendered { files, pages: counts })
}

/// The browser's search index files; the tantivy indexes also kept in `keep_in` when given.
fn search_files(root: &Path, loaded: &Loaded, keep_in: Option<&Path>, diagnostics: &Diagnostics) -> Vec<OutputFile> {
    match search::index_site(&loaded.site, &loaded.ui, keep_in).and_then(|i| search::export_site(&i, &loaded.ui)) {
        Ok(files) => files,
        Err(problem) => {
            diagnostics.error(root.join(search::INDEX_FOLDER), None, problem);
            Vec::new()
        }
    }
}

/// Only the search index files (in memory), for the live preview, which publishes pages first.
pub fn render_search(root: &Path) -> Option<Vec<OutputFile>> {
    let diagnostics = Diagnostics::new();
    let loaded = load(root, &diagnostics)?;
    let files = search_files(root, &loaded, None, &diagnostics);
    (!diagnostics.has_errors()).then_some(files)
}

/// Where a build writes the site.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    /// The output folder, relative to the project folder.
    pub out: &'a Path,
    /// Replace the folder even though it holds files this tool did not write.
    pub force: bool,
}

/// Builds into `target`, or only checks when `target` is `None`.
pub fn run(root: &Path, target: Option<Target<'_>>) -> Report {
    let start = Instant::now();
    let diagnostics = Diagnostics::new();
    let mut report = Report::default();
    if let Some(Target { out, force }) = target {
        if let Some(why) = output::refuse_target(root, &root.join(out), force) {
            diagnostics.error(out, None, format!("The site was not written to {}: {why}", out.display()));
            report.diagnostics = diagnostics.into_sorted();
            report.elapsed = start.elapsed();
            return report;
        }
    }
    let out = target.map(|t| t.out);
    let fingerprint = search::fingerprint(root);
    let fresh_search = out.map(|_| search::fresh_folder(root));
    let search_index = fresh_search.as_deref().map_or(SearchIndex::Skip, SearchIndex::KeepIn);
    if let Some(rendered) = render(root, &diagnostics, search_index) {
        report.pages = rendered.pages;
        if let Some(out) = out {
            match output::write_site(&root.join(out), &rendered.files) {
                Ok(()) => report.wrote = true,
                Err(error) => diagnostics.error(out, None, format!("The site could not be written: {error}.")),
            }
        }
    }
    if let Some(fresh) = fresh_search {
        // The search command reuses the index of a successful build; a failed one leaves none.
        let kept = report.wrote && search::keep(root, &fresh, &fingerprint).is_ok();
        if !kept {
            let _ = std::fs::remove_dir_all(&fresh);
        }
    }
    report.diagnostics = diagnostics.into_sorted();
    report.elapsed = start.elapsed();
    report
}
