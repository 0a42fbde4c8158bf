//! One build, start to finish: load → check → render → write. `check` is the same without the
//! writing. Problems are collected from every pass and reported together.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Diagnostics, Problems, Severity};
use crate::load::config::Config;
use crate::load::content;
use crate::load::localize::{Localizer, Msg};
use crate::model::Site;
use crate::outputs::assets::Assets;
use crate::outputs::offline::Offline;
use crate::outputs::pages::Pages;
use crate::outputs::pdfs::Pdfs;
use crate::outputs::search::SearchIndex;
use crate::outputs::staging::{self, Staging};
use crate::outputs::{Context, Discard, Output, Sink, Written};
use crate::paths;
use crate::render::pages::Facts;
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
    /// What the outputs say besides problems (PDFs printed, or skipped and why).
    pub notices: Vec<String>,
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

/// Everything loaded and checked: what every command and output reads.
pub struct Loaded {
    pub site: Site,
    pub ui: Arc<Localizer>,
    pub theme: Theme,
    /// Warnings and notes found while loading; errors too, from `load_with_errors` only.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads and checks the whole project; any error fails it.
pub fn load(root: &Path) -> Result<Loaded, Problems> {
    let loaded = load_with_errors(root)?;
    if loaded.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(Problems(loaded.diagnostics));
    }
    Ok(loaded)
}

/// Loads and checks the whole project, keeping what loads when some files have errors (they are
/// in `diagnostics`), for the translators' tools; fails only without settings or a theme.
pub fn load_with_errors(root: &Path) -> Result<Loaded, Problems> {
    let diagnostics = Diagnostics::new();
    let config = Config::load(root).map_err(Problems::one)?;
    let ui = Arc::new(Localizer::load(root, &config, &diagnostics));
    let site = content::load(root, &config, &diagnostics);
    validate::check(&site, &diagnostics);
    crate::validate::translations::check(&site, &diagnostics);
    let codes: Vec<&str> = config.codes().collect();
    let theme = Theme::load(root, &codes, ui.clone(), &diagnostics);
    let mut required: std::collections::BTreeSet<String> = Msg::ALL.iter().map(|m| m.id().to_string()).collect();
    if let Some(theme) = &theme {
        required.extend(theme.used_messages.iter().cloned());
        check_anchors_against_theme(&site, theme, &diagnostics);
    }
    ui.check(&required, &diagnostics);
    match theme {
        Some(theme) => Ok(Loaded { site, ui, theme, diagnostics: diagnostics.into_sorted() }),
        None => Err(Problems(diagnostics.into_sorted())),
    }
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

/// What the pages need from the disk, git and the clock, read once before rendering.
pub fn gather_facts(root: &Path, loaded: &Loaded) -> Facts {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
    let static_folder = root.join(&loaded.theme.folder).join("static");
    let stemmers =
        loaded.site.config.codes().filter(|lang| static_folder.join(paths::stemmer_script(lang)).is_file()).map(str::to_string).collect();
    Facts {
        status: crate::translation::status::compute(root, &loaded.site, &loaded.ui, None),
        build_day: seconds.div_euclid(86_400),
        stemmers,
        pdfs: BTreeMap::new(),
    }
}

/// The outputs of a full build, in the order they run (the offline lists last: they list the
/// others' files). `keep_search_in` keeps the tantivy indexes for `toolkit search`.
pub fn all_outputs(keep_search_in: Option<PathBuf>) -> Vec<Box<dyn Output>> {
    vec![Box::new(Pages), Box::new(Assets), Box::new(SearchIndex { keep_in: keep_search_in }), Box::new(Offline)]
}

/// Runs `outputs` over the loaded project into `sink`; returns the pages per language and what
/// the outputs have to say.
pub fn render(root: &Path, loaded: &Loaded, facts: &Facts, outputs: &[Box<dyn Output>], sink: &dyn Sink) -> Result<Written, Problems> {
    let context = Context { root, site: &loaded.site, ui: &loaded.ui, theme: &loaded.theme, facts };
    let mut all = Written::default();
    for output in outputs {
        let written = output.write(&context, sink)?;
        crate::outputs::release_free_memory();
        all.pages.extend(written.pages);
        all.notices.extend(written.notices);
    }
    // A text that could not be written must not reach readers as a raw id.
    let failures = Diagnostics::new();
    loaded.ui.report_failures(&failures);
    failures.into_result(all).map(|(all, _)| all)
}

/// Where a build writes the site.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    /// The output folder, relative to the project folder.
    pub out: &'a Path,
    /// Replace the folder even though it holds files this tool did not write.
    pub force: bool,
    /// Also print every chapter handout to PDF (as `pdf = true` in the settings does).
    pub pdf: bool,
}

/// Builds into `target`, or only checks when `target` is `None`.
pub fn run(root: &Path, target: Option<Target<'_>>) -> Report {
    let start = Instant::now();
    let mut report = Report::default();
    let result = match target {
        None => check(root, &mut report),
        Some(target) => build(root, target, &mut report),
    };
    report.diagnostics = match result {
        Ok(diagnostics) => diagnostics,
        Err(Problems(problems)) => problems,
    };
    report.elapsed = start.elapsed();
    report
}

/// Loads and renders every page without writing any, so that `check` finds all that `build`
/// would (templates and interface texts fail only when a page is rendered).
fn check(root: &Path, report: &mut Report) -> Result<Vec<Diagnostic>, Problems> {
    let loaded = load(root)?;
    let facts = gather_facts(root, &loaded);
    report.pages = render(root, &loaded, &facts, &[Box::new(Pages)], &Discard)?.pages;
    Ok(loaded.diagnostics)
}

/// Loads, renders every output into a staging folder, and publishes it in place of `out`.
fn build(root: &Path, Target { out, force, pdf }: Target<'_>, report: &mut Report) -> Result<Vec<Diagnostic>, Problems> {
    if let Some(why) = staging::refuse_target(root, &root.join(out), force) {
        return Err(Problems::one(Diagnostic::error(out, None, format!("The site was not written to {}: {why}", out.display()))));
    }
    // The fingerprint reads every content file again: beside the loading, not after it.
    let (loaded, fingerprint) = rayon::join(|| load(root), || search::fingerprint(root));
    let loaded = loaded?;
    let fresh_search = search::fresh_folder(root);
    let written = Staging::open(&root.join(out)).map_err(|e| unwritable(out, e)).and_then(|staging| {
        let mut facts = gather_facts(root, &loaded);
        if pdf || loaded.site.config.pdf {
            // First, so that the pages link to the PDFs made, with their sizes.
            report.notices = render(root, &loaded, &facts, &[Box::new(Pdfs)], &staging)?.notices;
            facts.pdfs =
                staging.fingerprints().into_iter().filter(|(path, _, _)| paths::is_pdf(path)).map(|(path, _, size)| (path, size)).collect();
        }
        report.pages = render(root, &loaded, &facts, &all_outputs(Some(fresh_search.clone())), &staging)?.pages;
        staging.publish().map_err(|e| unwritable(out, e))
    });
    // The search command reuses the index of a successful build; a failed one leaves none.
    let kept = written.is_ok() && search::keep(root, &fresh_search, &fingerprint).is_ok();
    if !kept {
        let _ = std::fs::remove_dir_all(&fresh_search);
    }
    written?;
    report.wrote = true;
    Ok(loaded.diagnostics)
}

fn unwritable(out: &Path, error: std::io::Error) -> Problems {
    Problems::one(Diagnostic::error(out, None, format!("The site could not be written: {error}.")))
}
