//! `toolkit handout --chapter N --lang L [--edition E] --pdf FILE`: prints a chapter handout to
//! PDF with a locally installed Chromium or Chrome (headless). The HTML handout itself needs nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build;
use crate::outputs::assets::Assets;
use crate::outputs::staging::{self, OutputFile};
use crate::outputs::{Context, Memory, Output};
use crate::paths;
use crate::render::html::PageMap;
use crate::render::pages::Renderer;

/// Paper sizes trainers use; the handout's margins suit both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    A4,
    Letter,
}

/// Where a Chromium-family browser may be: `CHROME` first, then the usual names and places.
pub fn find_browser() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROME").map(PathBuf::from).filter(|p| p.is_file()) {
        return Some(path);
    }
    let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge"];
    let in_path = std::env::var_os("PATH").into_iter().flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>());
    for folder in in_path {
        for name in names {
            let candidate = folder.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    [
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
        "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.is_file())
}

/// Prints chapter `chapter` in `lang` as edition `edition` has it (default: the current one) to
/// `pdf`; returns the name of the edition printed, for the command to say.
pub fn print_pdf(root: &Path, chapter: u32, lang: &str, edition: Option<&str>, pdf: &Path, paper: Paper) -> Result<String, String> {
    check_destination(pdf)?;
    let loaded = build::load(root).map_err(|problems| format!("The site could not be built:\n{problems}"))?;
    let site = &loaded.site;
    if site.config.language(lang).is_none() {
        return Err(format!("There is no language \"{lang}\" in content/toolkit.toml."));
    }
    if !has_handout(site, chapter) {
        return Err(format!("There is no handout for chapter {chapter}: the chapter has no published section."));
    }
    let printed = edition_to_print(site, chapter, edition)?;
    let browser = find_browser().ok_or(NO_BROWSER)?;
    // Only what the printed page needs: the handout itself and the theme's files.
    let facts = build::gather_facts(root, &loaded);
    let context = Context { root, site, ui: &loaded.ui, theme: &loaded.theme, facts: &facts };
    let printer = Printer::new(&context, browser, paper)?;
    printer.print(&context, lang, chapter, printed, pdf)?;
    let named = printed.or(site.base_edition());
    Ok(named.and_then(|e| site.edition_name(lang, e)).map(|n| n.item.clone()).unwrap_or_default())
}

/// The later edition whose handout of `chapter` a reader of `asked` (default: the current
/// edition) prints: the newest up to it that revises the chapter; `None`: the base's.
pub fn edition_to_print<'s>(site: &'s crate::model::Site, chapter: u32, asked: Option<&str>) -> Result<Option<&'s str>, String> {
    let declared: Vec<&str> = site.config.editions.iter().map(|e| e.id.as_str()).collect();
    let Some(asked) = asked.or(site.config.current_edition().map(|e| e.id.as_str())) else {
        return Ok(None);
    };
    if declared.is_empty() {
        return Err(format!("There is no edition \"{asked}\": content/toolkit.toml declares no editions, so leave out --edition."));
    }
    let Some(edition) = site.config.edition(asked) else {
        return Err(format!(
            "There is no edition \"{asked}\". The editions declared in content/toolkit.toml are: {}.",
            declared.join(", ")
        ));
    };
    Ok(site.handout_edition(&edition.id, chapter))
}

/// Says why PDFs cannot be made here, and what to do instead.
pub const NO_BROWSER: &str = "No Chromium or Google Chrome was found, and it is needed to make a PDF. Install one (e.g. \"apt install chromium\"), or name it with the CHROME environment variable. Without it, open the handout page in any browser and print it: the page is made for that.";

/// Whether chapter `number` has a handout: a published section.
pub fn has_handout(site: &crate::model::Site, number: u32) -> bool {
    site.toc.chapters.iter().any(|c| c.number == number && c.sections.iter().any(|s| s.published))
}

/// A browser and a temporary copy of the theme's files, where handouts are rendered and printed
/// (several at once, each with its own page and browser profile). Removed when dropped.
pub struct Printer {
    browser: PathBuf,
    work: PathBuf,
}

impl Printer {
    pub fn new(context: &Context<'_>, browser: PathBuf, paper: Paper) -> Result<Printer, String> {
        static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let work = std::env::temp_dir().join(format!("toolkit-handout-{}-{n}", std::process::id()));
        let printer = Printer { browser, work };
        let memory = Memory::default();
        Assets.write(context, &memory).map_err(|problems| problems.to_string())?;
        let mut files: Vec<OutputFile> = memory.into_files().into_iter().map(|(path, bytes)| OutputFile { path, bytes }).collect();
        // The paper size is the only thing the PDF adds to the printable page.
        let size = match paper {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        };
        if let Some(css) = files.iter_mut().find(|f| f.path == paths::asset("handout.css")) {
            css.bytes.extend_from_slice(format!("\n@page {{ size: {size}; }}\n").as_bytes());
        }
        staging::write_site(&printer.site(), &files).map_err(|e| format!("A temporary copy of the handout could not be written: {e}"))?;
        Ok(printer)
    }

    fn site(&self) -> PathBuf {
        self.work.join("site")
    }

    /// Prints the handout of `chapter` in `lang` (as later edition `edition` has it, or the
    /// base's) to `pdf`, then again with the page numbers the last PDF shows, until they no
    /// longer move (the contents page could grow by a line).
    pub fn print(&self, context: &Context<'_>, lang: &str, chapter: u32, edition: Option<&str>, pdf: &Path) -> Result<(), String> {
        let renderer = Renderer { facts: context.facts, site: context.site, ui: context.ui, theme: context.theme };
        let mut pages = PageMap::new();
        for _ in 0..3 {
            let handout = renderer.handout(lang, chapter, edition, Some(&pages)).map_err(|problem| problem.to_string())?;
            let page = self.site().join(&handout.path);
            std::fs::create_dir_all(page.parent().unwrap_or(&self.work)).map_err(|e| format!("{}: {e}", page.display()))?;
            std::fs::write(&page, handout.body).map_err(|e| format!("{}: {e}", page.display()))?;
            let profile = format!("profile-{lang}-{chapter}-{}", edition.unwrap_or("base"));
            print(&self.browser, &self.work.join(profile), &page, pdf)?;
            let found = crate::pdf::destination_pages(&std::fs::read(pdf).map_err(|e| format!("{}: {e}", pdf.display()))?);
            if found.is_empty() || found == pages {
                break;
            }
            pages = found;
        }
        Ok(())
    }
}

impl Printer {
    /// The PDF of the handout of `chapter` in `lang` (in later edition `edition`, or the
    /// base's), printed in the printer's own folder.
    pub fn print_to_memory(&self, context: &Context<'_>, lang: &str, chapter: u32, edition: Option<&str>) -> Result<Vec<u8>, String> {
        let pdf = self.work.join(format!("{lang}-{chapter}-{}.pdf", edition.unwrap_or("base")));
        self.print(context, lang, chapter, edition, &pdf)?;
        std::fs::read(&pdf).map_err(|e| format!("{}: {e}", pdf.display()))
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.work);
    }
}

/// Says before any work is done when the PDF cannot be written where asked.
fn check_destination(pdf: &Path) -> Result<(), String> {
    if pdf.is_dir() {
        return Err(format!(
            "{} is a folder: give the name of the PDF file to write, e.g. {}/chapter-2.pdf.",
            pdf.display(),
            pdf.display()
        ));
    }
    let folder = pdf.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !folder.is_dir() {
        return Err(format!("The folder {} does not exist: create it first, or choose another place for the PDF.", folder.display()));
    }
    let probe = folder.join(format!(".toolkit-write-test-{}", std::process::id()));
    std::fs::write(&probe, b"")
        .map_err(|e| format!("The PDF cannot be written in {}: {e}. Choose a folder you can write to.", folder.display()))?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

fn print(browser: &Path, profile: &Path, page: &Path, pdf: &Path) -> Result<(), String> {
    let target = std::path::absolute(pdf).map_err(|e| format!("{}: {e}", pdf.display()))?;
    let url = format!("file://{}", std::path::absolute(page).map_err(|e| e.to_string())?.display());
    // No script runs in the page printed: its Content-Security-Policy allows none (see
    // `render::csp`), since a handout needs none.
    let mut command = Command::new(browser);
    // Chromium refuses to start as root with its sandbox; anyone else keeps it.
    if running_as_root() {
        command.arg("--no-sandbox");
    }
    let output = command
        .args([
            "--headless",
            "--disable-extensions",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            // Bookmarks from the headings, for the PDF reader's sidebar.
            "--generate-pdf-document-outline",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", target.display()))
        .arg(&url)
        .output()
        .map_err(|e| format!("{} could not be started: {e}", browser.display()))?;
    if !output.status.success() || !target.is_file() {
        let said = String::from_utf8_lossy(&output.stderr);
        let reason = said.lines().last().map(|line| line.rsplit("] ").next().unwrap_or(line).trim()).unwrap_or("");
        return Err(format!(
            "{} could not print the handout to {}.{}",
            browser.display(),
            target.display(),
            if reason.is_empty() { String::new() } else { format!(" The browser said: {reason}") }
        ));
    }
    Ok(())
}

#[cfg(unix)]
fn running_as_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[cfg(not(unix))]
fn running_as_root() -> bool {
    false
}
