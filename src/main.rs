use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use toolkit::build;
use toolkit::diagnostics::Severity;
use toolkit::translation::{diff, stamp, status};

/// Builds the Security and Human Rights toolkit web site from content/, themes/ and i18n/.
#[derive(Parser)]
#[command(name = "toolkit", version, about)]
struct Cli {
    /// The project folder (the one holding content/, themes/ and i18n/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Builds the site. A failed build leaves the previous site untouched.
    Build {
        /// Where to write the site, relative to the project folder.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Replace the output folder even if it holds files that toolkit did not write.
        #[arg(long)]
        force: bool,
        /// Also print every chapter handout, in every language, to a PDF the site links to
        /// (needs Chromium or Google Chrome; `pdf = true` in content/toolkit.toml does the same).
        #[arg(long)]
        pdf: bool,
    },
    /// Checks all content and prints every problem with its file and line; writes nothing.
    Check {
        /// Treat warnings as errors (references to forthcoming parts of the toolkit excepted).
        #[arg(long)]
        strict: bool,
        /// Also list each reference to a part of the toolkit not published yet.
        #[arg(long)]
        verbose: bool,
    },
    /// Builds and serves the site on 127.0.0.1 and rebuilds it (and reloads open pages)
    /// whenever a file in content/, themes/ or i18n/ changes.
    Serve {
        /// The port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    /// Prints a chapter handout to PDF with a locally installed Chromium or Chrome.
    Handout {
        /// The chapter number.
        #[arg(long)]
        chapter: u32,
        /// The language, e.g. fr (default: the site's reference language).
        #[arg(long)]
        lang: Option<String>,
        /// The edition, e.g. third (default: the current edition, see content/toolkit.toml).
        #[arg(long)]
        edition: Option<String>,
        /// The PDF file to write.
        #[arg(long)]
        pdf: PathBuf,
        /// Paper size.
        #[arg(long, value_enum, default_value = "a4")]
        paper: toolkit::handout::Paper,
    },
    /// Searches the toolkit like the site's search page: one result a line (id, title,
    /// address, snippet), best first.
    Search {
        /// What to look for, e.g. "grievance mechanism".
        #[arg(required = true)]
        query: Vec<String>,
        /// The language to search (default: the site's reference language).
        #[arg(long)]
        lang: Option<String>,
        /// How many results at most (1 or more).
        #[arg(long, default_value_t = 10, value_parser = result_count)]
        limit: usize,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
        /// Only what this edition holds (its id in content/toolkit.toml, e.g. hub); by default
        /// every edition, the current one first.
        #[arg(long)]
        edition: Option<String>,
    },
    /// Tools for translators.
    #[command(subcommand)]
    I18n(I18n),
}

#[derive(Subcommand)]
enum I18n {
    /// What is translated, missing or outdated in each language.
    Status {
        /// Only this language (e.g. fr).
        #[arg(long)]
        lang: Option<String>,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
        /// Fail (exit 1) when anything is missing, outdated or out of step with English.
        #[arg(long)]
        strict: bool,
    },
    /// Shows what changed in the English original since a translation was stamped.
    Diff {
        /// A translated file, e.g. content/fr/2/2.1/a.md or i18n/fr/site.ftl.
        file: PathBuf,
    },
    /// Records that translations match the current English text (after you have checked them).
    Stamp {
        /// Translated files, e.g. content/fr/2/2.1/a.md.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// For content/sources.toml: the language whose source titles you checked.
        #[arg(long)]
        lang: Option<String>,
    },
}

/// `--limit`: a whole number of results from 1 up (more than the toolkit has just shows all).
fn result_count(text: &str) -> Result<usize, String> {
    match text.trim().parse::<u64>() {
        Ok(0) => Err("show at least 1 result".into()),
        Ok(n) => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Err(_) => Err("write a whole number of results, such as 10".into()),
    }
}

/// The language asked for, or the site's reference language (English if the settings cannot be
/// read: the command then says what is wrong with them).
fn language_or_reference(root: &std::path::Path, lang: Option<String>) -> String {
    lang.unwrap_or_else(|| toolkit::load::config::Config::load(root).map_or_else(|_| "en".to_string(), |c| c.default_language))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { out, force, pdf } => {
            report(build::run(&cli.root, Some(build::Target { out: &out, force, pdf })), "built", false, false)
        }
        Command::Check { strict, verbose } => report(build::run(&cli.root, None), "checked", strict, verbose),
        Command::I18n(command) => i18n(&cli.root, command),
        Command::Search { query, lang, limit, json, edition } => {
            search(&cli.root, &query.join(" "), &language_or_reference(&cli.root, lang), limit, json, edition.as_deref())
        }
        Command::Handout { chapter, lang, edition, pdf, paper } => {
            let lang = language_or_reference(&cli.root, lang);
            match toolkit::handout::print_pdf(&cli.root, chapter, &lang, edition.as_deref(), &pdf, paper) {
                Ok(edition) if edition.is_empty() => {
                    println!("Wrote {}", pdf.display());
                    ExitCode::SUCCESS
                }
                Ok(edition) => {
                    println!("Wrote {} (chapter {chapter}, {edition})", pdf.display());
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve { port } => {
            let result = toolkit::serve::serve(&cli.root, port, |address| {
                println!("Previewing at {address} (stop with Ctrl+C)");
            });
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn report(report: build::Report, verb: &str, strict: bool, verbose: bool) -> ExitCode {
    // References to forthcoming parts are the plan of a living document, not mistakes: one line
    // unless asked for, so that the problems to fix stand out.
    for diagnostic in report.diagnostics.iter().filter(|d| verbose || d.severity != Severity::Forthcoming) {
        eprintln!("{diagnostic}");
    }
    if !verbose && report.forthcoming() > 0 {
        let mut targets: Vec<&str> =
            report.diagnostics.iter().filter(|d| d.severity == Severity::Forthcoming).filter_map(|d| d.subject.as_deref()).collect();
        targets.sort_by_key(|t| toolkit::model::ids::order(t));
        targets.dedup();
        eprintln!(
            "note: {} cross-references point to parts of the toolkit not published yet ({}); they are shown as plain text. toolkit check --verbose lists them.",
            report.forthcoming(),
            targets.join(", ")
        );
    }
    for notice in &report.notices {
        eprintln!("note: {notice}");
    }
    let failed = report.failed(strict);
    let verb = if failed { "failed" } else { verb };
    eprintln!("{}", report.summary(verb));
    if failed {
        if report.count(Severity::Error) == 0 {
            eprintln!("(--strict: warnings count as errors)");
        }
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn search(root: &std::path::Path, query: &str, lang: &str, limit: usize, json: bool, edition: Option<&str>) -> ExitCode {
    use toolkit::search::{documents, query};
    let loaded = match build::load(root) {
        Ok(loaded) => loaded,
        Err(problems) => {
            eprint!("The toolkit has errors; fix them to search it:\n{problems}");
            return ExitCode::FAILURE;
        }
    };
    let edition = match edition.map(|id| documents::edition_number(&loaded.site, id).ok_or(id)).transpose() {
        Ok(edition) => edition,
        Err(id) => {
            let known: Vec<&str> = loaded.site.config.editions.iter().map(|e| e.id.as_str()).collect();
            let known = if known.is_empty() { "none is declared".to_string() } else { format!("the editions are: {}", known.join(", ")) };
            eprintln!("There is no edition \"{id}\" in content/toolkit.toml; {known}.");
            return ExitCode::FAILURE;
        }
    };
    let hits =
        query::current_index(root, lang, &loaded.site, &loaded.ui).and_then(|index| query::search_edition(&index, query, limit, edition));
    match hits {
        Ok(hits) => {
            if json {
                println!("{}", serde_json::to_string_pretty(&hits).unwrap_or_default());
            } else if hits.is_empty() {
                eprintln!("Nothing found for \"{query}\" in {lang}.");
            } else {
                // Said on the side (stderr), so that the results stay one a line for other tools.
                if let Some(corrected) = hits.first().and_then(|h| h.corrected.as_deref()) {
                    eprintln!("Nothing found for \"{query}\"; showing results for \"{corrected}\".");
                }
                if hits.iter().any(|h| !h.missing.is_empty()) {
                    eprintln!(
                        "No result contains all of \"{query}\"; showing results with some of the words (the last column says which words each lacks)."
                    );
                }
                for hit in hits {
                    let lacks = if hit.missing.is_empty() { String::new() } else { format!("\tlacks: {}", hit.missing.join(" ")) };
                    println!("{}\t{}\t{}\t{}{lacks}", hit.id, hit.title, hit.url, hit.snippet);
                }
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("{problem}");
            ExitCode::FAILURE
        }
    }
}

fn i18n(root: &std::path::Path, command: I18n) -> ExitCode {
    let loaded = match build::load_with_errors(root) {
        Ok(loaded) => loaded,
        Err(problems) => {
            eprint!("{problems}");
            return ExitCode::FAILURE;
        }
    };
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error).cloned().collect();
    match command {
        I18n::Status { lang, json, strict } => {
            if let Some(lang) = &lang
                && loaded.site.config.language(lang).is_none()
            {
                eprintln!("error: there is no language \"{lang}\" in content/toolkit.toml");
                return ExitCode::FAILURE;
            }
            let status = status::compute(root, &loaded.site, &loaded.ui, lang.as_deref());
            if json {
                println!("{}", serde_json::to_string_pretty(&status).unwrap_or_default());
            } else {
                print!("{}", status::to_text(&status));
                for problem in &errors {
                    eprintln!("{problem}");
                }
            }
            let incomplete = status.languages.iter().any(|l| !l.is_complete());
            if strict && (incomplete || !errors.is_empty()) { ExitCode::FAILURE } else { ExitCode::SUCCESS }
        }
        I18n::Diff { file } => match stamp::project_file(root, &file).and_then(|file| diff::english_changes(root, &loaded.site, &file)) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("{problem}");
                ExitCode::FAILURE
            }
        },
        I18n::Stamp { files, lang } => {
            let mut failed = false;
            for file in files {
                match stamp::project_file(root, &file).and_then(|file| stamp::stamp(root, &loaded.site, &file, lang.as_deref())) {
                    Ok(done) => println!("{done}"),
                    Err(problem) => {
                        eprintln!("{problem}");
                        failed = true;
                    }
                }
            }
            if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
        }
    }
}
