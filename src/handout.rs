//! `toolkit handout --chapter N --lang L --pdf FILE`: prints a chapter handout to PDF with a
//! locally installed Chromium or Chrome (headless). The HTML handout itself needs nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build;
use crate::outputs::assets::Assets;
use crate::outputs::staging::{self, OutputFile};
use crate::outputs::{Context, Memory, Output};
use crate::paths;
use crate::render::html;
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

pub fn print_pdf(root: &Path, chapter: u32, lang: &str, pdf: &Path, paper: Paper) -> Result<(), String> {
    check_destination(pdf)?;
    let browser = find_browser().ok_or(
        "No Chromium or Google Chrome was found, and it is needed to make a PDF. Install one (e.g. \"apt install chromium\"), or name it with the CHROME environment variable. Without it, open the handout page in any browser and print it: the page is made for that.",
    )?;
    let loaded = build::load(root).map_err(|problems| format!("The site could not be built:\n{problems}"))?;
    if loaded.site.config.language(lang).is_none() {
        return Err(format!("There is no language \"{lang}\" in content/toolkit.toml."));
    }
    let published = loaded.site.toc.chapters.iter().any(|c| c.number == chapter && c.sections.iter().any(|s| s.published));
    if !published {
        return Err(format!("There is no handout for chapter {chapter}: the chapter has no published section."));
    }
    // Only what the printed page needs: the handout itself and the theme's files.
    let facts = build::gather_facts(root, &loaded);
    let renderer = Renderer { facts: &facts, site: &loaded.site, ui: &loaded.ui, theme: &loaded.theme };
    let handout = renderer.handout(lang, chapter).map_err(|problem| problem.to_string())?;
    let work = std::env::temp_dir().join(format!("toolkit-handout-{}", std::process::id()));
    let site = work.join("site");
    let memory = Memory::default();
    let context = Context { root, site: &loaded.site, ui: &loaded.ui, theme: &loaded.theme, facts: &facts };
    Assets.write(&context, &memory).map_err(|problems| problems.to_string())?;
    let mut files: Vec<OutputFile> = memory.into_files().into_iter().map(|(path, bytes)| OutputFile { path, bytes }).collect();
    // The paper size is the only thing the PDF adds to the printable page.
    let size = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    if let Some(css) = files.iter_mut().find(|f| f.path == paths::asset("handout.css")) {
        css.bytes.extend_from_slice(format!("\n@page {{ size: {size}; }}\n").as_bytes());
    }
    let page = handout.path.clone();
    files.push(OutputFile { path: handout.path, bytes: handout.body.into_bytes() });
    staging::write_site(&site, &files).map_err(|e| format!("A temporary copy of the handout could not be written: {e}"))?;
    let result = print_numbered(&browser, &work, &site.join(&page), pdf);
    let _ = std::fs::remove_dir_all(&work);
    result
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

/// Prints the handout, then again with the page numbers the first PDF shows in its table of
/// contents, until they no longer move (the contents page could grow by a line).
fn print_numbered(browser: &Path, work: &Path, page: &Path, pdf: &Path) -> Result<(), String> {
    let html = std::fs::read_to_string(page).map_err(|e| format!("{}: {e}", page.display()))?;
    let mut numbers = BTreeMap::new();
    for _ in 0..3 {
        std::fs::write(page, html::fill_page_slots(&html, &numbers)).map_err(|e| format!("{}: {e}", page.display()))?;
        print(browser, work, page, pdf)?;
        let found = crate::pdf::destination_pages(&std::fs::read(pdf).map_err(|e| format!("{}: {e}", pdf.display()))?);
        if found.is_empty() || found == numbers {
            break;
        }
        numbers = found;
    }
    Ok(())
}

fn print(browser: &Path, work: &Path, page: &Path, pdf: &Path) -> Result<(), String> {
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
        .arg(format!("--user-data-dir={}", work.join("profile").display()))
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
