//! `toolkit i18n status`: the report for people.

use std::collections::BTreeMap;

use crate::translation::status::{Item, State, Status};

/// Said first when the project's history cannot be read.
pub const HISTORY_WARNING: &str = "Warning: the project's history (git) is not available in this folder (a copy without it, such as a zip file). What is missing and which files are outdated is still right, but what changed in English cannot be shown, and for interface texts only whole files can be known to be behind. Work in a clone of the project (git clone) to see the changes.";

/// The report for people: a table per language, then what to do.
pub fn to_text(status: &Status) -> String {
    let mut out = String::new();
    if !status.history {
        out.push_str(HISTORY_WARNING);
        out.push_str("\n\n");
    }
    for language in &status.languages {
        let (translated, missing, outdated) = language.totals();
        out.push_str(&format!(
            "{} ({}): {}% done — {translated} translated, {missing} missing, {outdated} outdated, {} out of step with English\n\n",
            language.name,
            language.lang,
            language.percent(),
            language.structure.len()
        ));
        let words = language.words();
        if words > 0 {
            out.push_str(&format!("  About {words} English words to translate or review.\n\n"));
        }
        out.push_str(&format!("  {:<26}{:>11}{:>9}{:>10}\n", "", "translated", "missing", "outdated"));
        for group in &language.groups {
            out.push_str(&format!("  {:<26}{:>11}{:>9}{:>10}\n", group.label, group.translated, group.missing, group.outdated));
        }
        let list = |state: State, title: &str, out: &mut String| {
            let items: Vec<&Item> = language.groups.iter().flat_map(|g| g.items.iter()).filter(|i| i.state == state).collect();
            if items.is_empty() {
                return;
            }
            out.push_str(&format!("\n  {title} ({}):\n", items.len()));
            // Interface texts are listed by file: a new language would otherwise list sixty lines.
            let mut messages: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for item in items {
                if let Some(id) = item.label.strip_prefix("Interface text ") {
                    messages.entry(item.file.as_str()).or_default().push(id);
                    continue;
                }
                out.push_str(&format!("    {} — {}", item.label, item.file));
                match &item.reason {
                    Some(reason) => out.push_str(&format!("\n      {reason}")),
                    None => out.push_str(&format!(" (translate {})", item.english_file)),
                }
                if state == State::Outdated && item.file.ends_with(".md") {
                    out.push_str(&format!("\n      see what changed: toolkit i18n diff {}", item.file));
                }
                out.push('\n');
            }
            for (file, ids) in messages {
                out.push_str(&format!("    Interface texts in {file} ({}): {}\n", ids.len(), ids.join(", ")));
                if state == State::Outdated {
                    out.push_str(&format!("      see what changed: toolkit i18n diff {file}\n"));
                }
            }
        };
        list(State::Missing, "Missing", &mut out);
        list(State::Outdated, "Outdated", &mut out);
        if !language.structure.is_empty() {
            out.push_str(&format!("\n  Out of step with English ({}):\n", language.structure.len()));
            for problem in &language.structure {
                out.push_str(&format!("    {}: {}\n", problem.location(), problem.message));
            }
        }
        out.push('\n');
    }
    out
}
