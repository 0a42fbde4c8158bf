//! Every chapter handout in every language (and each later edition's handout of the chapters it
//! revises) printed to PDF with the local Chromium (`build
//! --pdf`, or `pdf = true` in `content/toolkit.toml`), placed beside its chapter's page. It
//! runs before the pages, which link to the PDFs it made, with their size.

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Problems};
use crate::handout::{self, Paper, Printer};
use crate::outputs::{Context, Output, Sink, Written, write_problem};
use crate::paths;

pub struct Pdfs;

/// Handouts printed at once: each Chromium uses most of a core while it lays out a chapter.
const AT_ONCE: usize = 2;

impl Output for Pdfs {
    fn name(&self) -> &'static str {
        "PDF handouts"
    }

    fn write(&self, context: &Context<'_>, sink: &dyn Sink) -> Result<Written, Problems> {
        let start = std::time::Instant::now();
        let Some(browser) = handout::find_browser() else {
            return Ok(Written {
                notices: vec![format!("PDFs were skipped, and the pages link to none. {}", handout::NO_BROWSER)],
                ..Written::default()
            });
        };
        let printer = Printer::new(context, browser, Paper::A4).map_err(|e| Problems::one(Diagnostic::error("PDF", None, e)))?;
        // Every chapter's handout, and each later edition's of the chapters it revises.
        let site = context.site;
        let jobs: Vec<(&str, u32, Option<&str>)> = site
            .config
            .codes()
            .flat_map(|lang| {
                site.toc.chapters.iter().filter(|c| handout::has_handout(site, c.number)).flat_map(move |c| {
                    let editions = site.config.editions.iter().skip(1).map(|e| e.id.as_str());
                    std::iter::once(None)
                        .chain(editions.filter(move |e| site.has_edition_handout(e, c.number)).map(Some))
                        .map(move |edition| (lang, c.number, edition))
                })
            })
            .collect();
        let print = |&(lang, number, edition): &(&str, u32, Option<&str>)| -> Result<(), Problems> {
            let path = match edition {
                Some(edition) => paths::edition_handout_pdf(lang, edition, number),
                None => paths::handout_pdf(lang, number),
            };
            let bytes =
                printer.print_to_memory(context, lang, number, edition).map_err(|e| Problems::one(Diagnostic::error(&path, None, e)))?;
            sink.put(&path, &bytes).map_err(|e| write_problem(self.name(), &path, e))
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(AT_ONCE)
            .build()
            .map_err(|e| Problems::one(Diagnostic::error("PDF", None, e.to_string())))?;
        let problems: Vec<Diagnostic> =
            pool.install(|| jobs.par_iter().map(print).collect::<Vec<_>>()).into_iter().filter_map(Result::err).flat_map(|p| p.0).collect();
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        let seconds = start.elapsed().as_secs_f64();
        Ok(Written { notices: vec![format!("{} chapter handouts printed to PDF in {seconds:.1} s", jobs.len())], ..Written::default() })
    }
}
