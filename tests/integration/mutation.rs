//! Random mutations of real files (Markdown with the toolkit's extensions, front matter, Fluent,
//! sources.toml, the glossary and the site settings), checked in process: whatever a hurried
//! translator or a broken editor produces, `check` answers in time, without a panic, and every
//! problem it reports names a file; what passes the check renders without a panic too.
//!
//! Runs for a bounded time (`TOOLKIT_MUTATION_SECONDS`, default 20). The seed is printed and can
//! be replayed with `TOOLKIT_MUTATION_SEED=N cargo test --release --test integration mutation`.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::*;

/// A small deterministic generator (xorshift64*), so a failing seed replays exactly.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FILES: &[&str] = &[
    "content/en/1/1.1/a.md",
    "content/fr/1/1.1/a.md",
    "content/en/1/1.1/_index.md",
    "content/en/1/_index.md",
    "content/en/boxes/tools.md",
    "content/en/case-studies/example.md",
    "content/en/_index.md",
    "content/en/glossary.toml",
    "content/fr/glossary.toml",
    "content/sources.toml",
    "content/toolkit.toml",
    "i18n/en/site.ftl",
    "i18n/fr/site.ftl",
];

/// Pieces of the syntaxes involved, half-written, mistyped or hostile.
const FRAGMENTS: &[&str] = &[
    "[@",
    "[@VPs: 4]",
    "[-@MIGA: II-16]",
    "[@VPs: 4; @MIGA]",
    "[@: ]",
    "[@VPs, part: ",
    "](ref:",
    "[](ref:1.1.a#gp-",
    "[](ref:)",
    "[](box:tools)",
    "\n[](box:tools)\n",
    "[^1]",
    "[^1]: ",
    "\n## ",
    "\n### x {onfocus=alert(1)}\n",
    "{#main}",
    "{#",
    "+++",
    "\n+++\n",
    "\"",
    "\\",
    "\\\"",
    "= ",
    "[[source]]\nkey = \"X\"\n",
    "[source.fr]\n",
    "[[term]]\nid = \"x\"\nabbr = \"\"\n",
    "{ $",
    "{ $count ->",
    "*[other]",
    "{ -term }",
    "{ missing }",
    "\n  ",
    "\t",
    "\u{0}",
    "\u{1b}",
    "\r",
    "\r\n",
    "\u{feff}",
    "\u{202e}",
    "<script>",
    "<b>",
    "](javascript:alert(1))",
    "<javascript:x>",
    "> ",
    "- ",
    "1. ",
    "```",
    "|a|b|\n|-|-|\n",
    "&#106;",
    "挑战",
    "« ",
    " »",
    "😀",
];

fn mutate(text: &str, random: &mut Random) -> String {
    let mut text = text.to_string();
    for _ in 0..1 + random.below(4) {
        let at = floor_boundary(&text, random.below(text.len() + 1));
        match random.below(6) {
            0 => text.insert_str(at, FRAGMENTS[random.below(FRAGMENTS.len())]),
            1 => text.truncate(at),
            2 => {
                let end = floor_boundary(&text, (at + random.below(200)).min(text.len()));
                text.replace_range(at..end, "");
            }
            3 => {
                let end = floor_boundary(&text, (at + random.below(300)).min(text.len()));
                let copy = text[at..end].to_string();
                text.insert_str(end, &copy);
            }
            4 => {
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                text.insert_str(line_start, FRAGMENTS[random.below(FRAGMENTS.len())]);
            }
            _ => {
                let repeated = FRAGMENTS[random.below(FRAGMENTS.len())].repeat(1 + random.below(2000));
                text.insert_str(at, &repeated);
            }
        }
    }
    text
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[test]
fn mutated_files_are_checked_in_time_without_panic() {
    let seed = std::env::var("TOOLKIT_MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1);
    let seconds: u64 = std::env::var("TOOLKIT_MUTATION_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    println!("mutation seed {seed} (replay with TOOLKIT_MUTATION_SEED={seed})");
    let mut random = Random(seed);
    let project = Project::fixture();
    let originals: Vec<String> = FILES.iter().map(|f| project.read(f)).collect();
    let start = Instant::now();
    let mut rounds = 0;
    while start.elapsed() < Duration::from_secs(seconds) {
        rounds += 1;
        let index = random.below(FILES.len());
        let mutated = mutate(&originals[index], &mut random);
        project.write(FILES[index], &mutated);
        let root = project.root().to_path_buf();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
                let report = toolkit::build::run(&root, None);
                // What passes the check is also rendered, as a build would.
                if let (false, Ok(loaded)) = (report.failed(false), toolkit::build::load(&root)) {
                    let facts = toolkit::build::gather_facts(&root, &loaded);
                    let pages: [Box<dyn toolkit::outputs::Output>; 1] = [Box::new(toolkit::outputs::pages::Pages)];
                    let _ = toolkit::build::render(&root, &loaded, &facts, &pages, &toolkit::outputs::Memory::default());
                }
                report
            }));
            let _ = sender.send(outcome);
        });
        let outcome = receiver.recv_timeout(Duration::from_secs(30));
        let context = format!("seed {seed}, round {rounds}, {}:\n{mutated}", FILES[index]);
        let report = match outcome {
            Ok(Ok(report)) => report,
            Ok(Err(_)) => panic!("check panicked ({context})"),
            Err(_) => panic!("check did not finish within 30 s ({context})"),
        };
        for diagnostic in &report.diagnostics {
            assert!(!diagnostic.file.as_os_str().is_empty(), "a problem without a file: {diagnostic} ({context})");
        }
        project.write(FILES[index], &originals[index]);
    }
    println!("{rounds} mutated projects checked");
    assert!(rounds > 10, "only {rounds} rounds in {seconds} s");
}
