//! The cited sources: `content/sources.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex};
use crate::load::frontmatter::toml_file;

/// A source's texts in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceText {
    pub title: Option<String>,
    /// The author or publisher, as named in this language (e.g. "Banque mondiale").
    pub author: Option<String>,
    pub note: Option<String>,
    /// Version of the English texts this translation was made from (see `i18n::stamp`).
    pub translates: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Source {
    pub key: String,
    pub label: String,
    pub author: Option<String>,
    pub year: Option<String>,
    pub url: Option<String>,
    /// The English title and note.
    pub english: SourceText,
    /// Translated titles and notes, by language code.
    pub translations: BTreeMap<String, SourceText>,
    pub line: u32,
}

impl Source {
    /// The title in `lang`, or in English; with the language it is really in (a translation
    /// may keep the original title of a source published in English only).
    pub fn title<'a>(&'a self, lang: &'a str, default: &'a str) -> (&'a str, &'a str) {
        match self.translations.get(lang).and_then(|t| t.title.as_deref()) {
            Some(title) if Some(title) != self.english.title.as_deref() => (title, lang),
            _ => (self.english.title.as_deref().unwrap_or(&self.label), default),
        }
    }

    /// The author in `lang`, or in English; with the language it is really in.
    pub fn author<'a>(&'a self, lang: &'a str, default: &'a str) -> Option<(&'a str, &'a str)> {
        match self.translations.get(lang).and_then(|t| t.author.as_deref()) {
            Some(author) if Some(author) != self.author.as_deref() => Some((author, lang)),
            _ => self.author.as_deref().map(|a| (a, default)),
        }
    }

    pub fn note<'a>(&'a self, lang: &'a str, default: &'a str) -> Option<(&'a str, &'a str)> {
        match self.translations.get(lang).and_then(|t| t.note.as_deref()) {
            Some(note) => Some((note, lang)),
            None => self.english.note.as_deref().map(|n| (n, default)),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub file: PathBuf,
    /// In the order of the file.
    pub list: Vec<Source>,
    /// The file could not be read at all (already reported), so citations cannot be checked.
    pub unreadable: bool,
}

impl Sources {
    pub fn get(&self, key: &str) -> Option<&Source> {
        self.list.iter().find(|s| s.key == key)
    }

    pub fn load(root: &Path, languages: &[&str], diagnostics: &Diagnostics) -> Sources {
        let file = Path::new("content").join("sources.toml");
        let text = match crate::load::text_file::read(root, &file) {
            Ok(text) => text,
            Err(problem) => {
                diagnostics.push(problem);
                return Sources { file, list: Vec::new(), unreadable: true };
            }
        };
        match parse(&file, &text, languages) {
            Ok((sources, problems)) => {
                diagnostics.extend(problems);
                sources
            }
            Err(problem) => {
                diagnostics.push(problem);
                Sources { file, list: Vec::new(), unreadable: true }
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default, rename = "source")]
    sources: Vec<RawSource>,
}

#[derive(Deserialize)]
struct RawSource {
    key: toml::Spanned<String>,
    label: Option<String>,
    title: String,
    author: Option<String>,
    year: Option<toml::Value>,
    url: Option<toml::Spanned<String>>,
    note: Option<String>,
    /// Language tables such as `[source.fr]`, checked below.
    #[serde(flatten)]
    rest: BTreeMap<String, toml::Value>,
}

pub fn parse(file: &Path, text: &str, languages: &[&str]) -> Result<(Sources, Vec<Diagnostic>), Diagnostic> {
    let raw: RawFile = toml_file(file, text, "The list of sources")?;
    let index = LineIndex::new(text);
    let mut problems = Vec::new();
    let mut list: Vec<Source> = Vec::new();
    for raw in raw.sources {
        let line = index.line_of(raw.key.span().start);
        let key = raw.key.into_inner();
        if let Some(first) = list.iter().find(|s| s.key == key) {
            problems.push(Diagnostic::error(
                file,
                Some(line),
                format!("The source key \"{key}\" is used twice (first on line {}). Each source needs its own key.", first.line),
            ));
            continue;
        }
        let valid_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !valid_key {
            problems.push(Diagnostic::error(
                file,
                Some(line),
                format!("The source key \"{key}\" may only use letters, digits, - and _ (it becomes part of web addresses)."),
            ));
        }
        let mut translations = BTreeMap::new();
        for (name, value) in raw.rest {
            if !languages.contains(&name.as_str()) {
                problems.push(Diagnostic::error(
                    file,
                    Some(line),
                    format!("The source \"{key}\" has a setting \"{name}\" that is not known. Known settings: key, label, title, author, year, url, note, and a table per language such as [source.fr]."),
                ));
                continue;
            }
            match value.try_into::<SourceText>() {
                Ok(translation) => {
                    translations.insert(name, translation);
                }
                Err(error) => problems.push(Diagnostic::error(
                    file,
                    Some(line),
                    format!(
                        "The {name} texts of the source \"{key}\" could not be read: {}. Use title = \"...\", author = \"...\" and note = \"...\".",
                        error.message().trim()
                    ),
                )),
            }
        }
        let url = raw.url.and_then(|url| {
            let url_line = index.line_of(url.span().start);
            let url = url.into_inner();
            match crate::load::safe_url::check(&url) {
                Ok(_) => Some(url),
                Err(why) => {
                    problems.push(Diagnostic::error(
                        file,
                        Some(url_line),
                        format!("The url of the source \"{key}\" cannot be used: {why}."),
                    ));
                    None
                }
            }
        });
        let year = raw.year.map(|value| match value {
            toml::Value::String(s) => s,
            other => other.to_string(),
        });
        list.push(Source {
            label: raw.label.unwrap_or_else(|| key.clone()),
            key,
            author: raw.author,
            year,
            url,
            english: SourceText { title: Some(raw.title), author: None, note: raw.note, translates: None },
            translations,
            line,
        });
    }
    Ok((Sources { file: file.to_path_buf(), list, unreadable: false }, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[source]]
key = "VPs"
title = "Voluntary Principles on Security and Human Rights"
year = 2000

[source.fr]
title = "Principes volontaires"

[[source]]
key = "PSC1"
label = "PSC.1"
title = "Management System"
"#;

    #[test]
    fn reads_sources_with_translations_and_lines() {
        let (sources, problems) = parse(Path::new("s.toml"), SAMPLE, &["en", "fr"]).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let vps = sources.get("VPs").unwrap();
        assert_eq!(vps.line, 3);
        assert_eq!(vps.year.as_deref(), Some("2000"));
        assert_eq!(vps.title("fr", "en"), ("Principes volontaires", "fr"));
        assert_eq!(vps.title("es", "en").1, "en");
        assert_eq!(sources.get("PSC1").unwrap().label, "PSC.1");
    }

    #[test]
    fn duplicate_keys_and_unknown_languages_are_reported() {
        let text = format!("{SAMPLE}\n[[source]]\nkey = \"VPs\"\ntitle = \"x\"\n[source.xx]\ntitle = \"y\"\n");
        let (_, problems) = parse(Path::new("s.toml"), &text, &["en", "fr"]).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("twice"));
        let text = format!("{SAMPLE}\n[source.xx]\ntitle = \"y\"\n");
        let (_, problems) = parse(Path::new("s.toml"), &text, &["en", "fr"]).unwrap();
        assert!(problems[0].message.contains("\"xx\""), "{problems:?}");
    }
}
