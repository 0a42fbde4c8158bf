//! Terminology of the translations, after the 2026 revision: each glossary term is the one the
//! translation uses where English uses the English term, and the wordings the revision rejected
//! (for instance Chinese arrest vocabulary for what private security may do) do not come back.

use std::collections::BTreeMap;

use crate::common::project_root;
use toolkit::search::analyzer::Analyzer;

/// Wordings rejected by the revision, per language, with the reason a reviser gave.
const REJECTED: &[(&str, &str, &str)] = &[
    ("zh", "逮捕", "State power of arrest: private security apprehends (控制) and holds (扣留) a person"),
    ("zh", "拘留", "State power of detention: private security holds (扣留, 看管) a person"),
    ("zh", "羁押", "State power of custody"),
    ("zh", "扣押", "State power of seizure: 抓扣或扣留"),
    ("zh", "人权尽职调查", "the UN Guiding Principles say 人权尽责"),
    ("zh", "尽职调查", "the UN Guiding Principles say 尽责"),
    ("zh", "仅有英文版", "false: the OECD handbook and CSBP exist in other languages"),
    ("zh", "国际人道主义法", "the ICRC's Chinese term is 国际人道法"),
    ("es", "autoridades fiscales", "means tax authorities: the prosecuting authority is el ministerio público / la fiscalía"),
    ("es", "solo en inglés", "false: the OECD handbook and CSBP exist in Spanish"),
    ("es", "conjunto de herramientas", "the publication is «la caja de herramientas»"),
    ("es", "Irak", "UN usage is Iraq"),
    ("fr", "atteintes au droit international humanitaire", "IHL is violated: « violations du droit international humanitaire »"),
    ("fr", "atteinte au droit international humanitaire", "IHL is violated: « violation du droit international humanitaire »"),
    ("fr", "et/ou", "not used in French official texts"),
    ("fr", "anarchie", "lawlessness is « situation de non-droit »"),
];

/// Everything readers of `lang` see that translators wrote: content, interface texts and the
/// language's tables in sources.toml.
fn translated_text(lang: &str) -> String {
    let root = project_root();
    let mut text = String::new();
    for entry in walkdir::WalkDir::new(root.join("content").join(lang)).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            text.push_str(&std::fs::read_to_string(path).unwrap());
            text.push('\n');
        }
    }
    text.push_str(&std::fs::read_to_string(root.join("i18n").join(lang).join("site.ftl")).unwrap());
    let sources: toml::Table = std::fs::read_to_string(root.join("content/sources.toml")).unwrap().parse().unwrap();
    for source in sources["source"].as_array().unwrap() {
        if let Some(table) = source.get(lang).and_then(|t| t.as_table()) {
            for value in table.values().filter_map(|v| v.as_str()) {
                text.push_str(value);
                text.push('\n');
            }
        }
    }
    text
}

#[test]
fn rejected_wordings_do_not_come_back() {
    let mut found = Vec::new();
    for lang in ["fr", "es", "zh"] {
        let text = translated_text(lang);
        for (_, term, why) in REJECTED.iter().filter(|(l, _, _)| *l == lang) {
            if text.contains(term) {
                found.push(format!("{lang}: \"{term}\" ({why})"));
            }
        }
    }
    assert!(found.is_empty(), "rejected wordings in use:\n{}", found.join("\n"));
}

/// The glossary's terms of `lang` by id, with their abbreviations, without a gloss in brackets
/// ("Réseau africain … (African Security Sector Network)").
fn glossary(lang: &str) -> BTreeMap<String, (String, Option<String>)> {
    let path = project_root().join("content").join(lang).join("glossary.toml");
    let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    table["term"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let term = t["term"].as_str().unwrap();
            let term = term.split(" (").next().unwrap_or(term).to_string();
            (t["id"].as_str().unwrap().to_string(), (term, t.get("abbr").and_then(|a| a.as_str()).map(str::to_string)))
        })
        .collect()
}

/// Whether `term` occurs in `text` as analysed for search (so plurals and case do not matter).
fn uses(analyzer: &Analyzer, text: &[String], term: &str) -> bool {
    let wanted: Vec<String> = analyzer.index_tokens(term).into_iter().map(|t| t.term).collect();
    !wanted.is_empty() && text.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

#[test]
fn glossary_terms_are_the_ones_translations_use() {
    let english_glossary = glossary("en");
    let english = Analyzer::new("en");
    let english_text: Vec<String> = english.index_tokens(&translated_text("en")).into_iter().map(|t| t.term).collect();
    let mut missing = Vec::new();
    let mut checked = 0;
    for lang in ["fr", "es", "zh"] {
        let analyzer = Analyzer::new(lang);
        let text: Vec<String> = analyzer.index_tokens(&translated_text(lang)).into_iter().map(|t| t.term).collect();
        for (id, (term, abbr)) in glossary(lang) {
            let Some((english_term, _)) = english_glossary.get(&id) else { continue };
            if !uses(&english, &english_text, english_term) {
                continue;
            }
            checked += 1;
            // An organisation may be named by its abbreviation instead (ONU for the United Nations).
            if !uses(&analyzer, &text, &term) && !abbr.is_some_and(|a| uses(&analyzer, &text, &a)) {
                missing.push(format!("{lang}: \"{term}\" ({id}; English uses \"{english_term}\")"));
            }
        }
    }
    assert!(checked > 20, "only {checked} terms checked");
    assert!(missing.is_empty(), "glossary terms the translation does not use:\n{}", missing.join("\n"));
}
