//! Site settings: `content/toolkit.toml`.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::load::frontmatter::toml_file;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where the site is published; used only where the web requires full addresses
    /// (sitemap.xml, the 404 page, which is served from any folder).
    pub base_url: String,
    /// The reference language: the table of contents and the texts translators translate.
    pub default_language: String,
    #[serde(rename = "language")]
    pub languages: Vec<Language>,
    /// Whether every build prints the chapter handouts to PDF (as `build --pdf` does).
    #[serde(default)]
    pub pdf: bool,
    /// The editions, oldest first; none declared means one unnamed edition.
    #[serde(rename = "edition", default)]
    pub editions: Vec<Edition>,
}

/// Search keeps which editions a result belongs to as the bits of one number.
pub const MAX_EDITIONS: usize = 32;

/// A named snapshot of the toolkit. The first is the base (its files are `content/<lang>/...`);
/// a later one holds only the parts it revises (`content/<lang>/editions/<id>/...`) and takes
/// every other part from the edition before it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// The folder and address name: `content/en/editions/hub/`, `/en/hub/`.
    pub id: String,
    /// The edition readers should read; by default the last one declared.
    #[serde(default)]
    pub current: bool,
    /// When it was published, as the publishers give it (none: not shown).
    pub date: Option<String>,
    /// How its challenges write good practices: `headings` (each `##` heading is one, the
    /// default) or `bullets` (each top-level list item is one, `#` headings are its parts).
    #[serde(default)]
    pub practices: PracticeForm,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PracticeForm {
    #[default]
    Headings,
    Bullets,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// The folder and URL name: `content/fr/`, `/fr/`.
    pub code: String,
    /// The BCP 47 tag for `<html lang>` and `hreflang`, e.g. `zh-Hans`.
    pub tag: String,
}

impl Config {
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let relative = Path::new("content").join("toolkit.toml");
        let text = crate::load::text_file::read(root, &relative)?;
        let config: Config = toml_file(&relative, &text, "The site settings")?;
        config.validate(&relative)?;
        Ok(config)
    }

    fn validate(&self, file: &Path) -> Result<(), Diagnostic> {
        if !self.languages.iter().any(|l| l.code == self.default_language) {
            return Err(Diagnostic::error(
                file,
                None,
                format!("default_language is \"{}\" but no [[language]] has that code.", self.default_language),
            ));
        }
        for language in &self.languages {
            let valid = !language.code.is_empty() && language.code.chars().all(|c| c.is_ascii_lowercase() || c == '-');
            if !valid {
                return Err(Diagnostic::error(
                    file,
                    None,
                    format!("The language code \"{}\" must be lower-case letters, like \"fr\".", language.code),
                ));
            }
        }
        for language in &self.languages {
            // The tag is written into lang and hreflang attributes on every page.
            let valid = !language.tag.is_empty()
                && language
                    .tag
                    .split('-')
                    .all(|part| !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric()));
            if !valid {
                return Err(Diagnostic::error(
                    file,
                    None,
                    format!("The language tag \"{}\" is not a BCP 47 language tag such as \"fr\" or \"zh-Hans\".", language.tag),
                ));
            }
        }
        if let Err(why) = crate::load::safe_url::check(&self.base_url).and_then(|_| {
            if self.base_url.to_ascii_lowercase().starts_with("mailto:") { Err("it must be a web address".to_string()) } else { Ok(()) }
        }) {
            return Err(Diagnostic::error(file, None, format!("base_url \"{}\" cannot be used: {why}.", self.base_url)));
        }
        if !self.base_url.ends_with('/') {
            return Err(Diagnostic::error(file, None, "base_url must end with a slash, like \"https://example.org/toolkit/\"."));
        }
        self.validate_editions(file)
    }

    fn validate_editions(&self, file: &Path) -> Result<(), Diagnostic> {
        let mut seen = std::collections::BTreeSet::new();
        for edition in &self.editions {
            // An edition's id is a folder of every language's site, beside its other pages.
            let reserved = ["sources", "case-studies", "glossary", "offline", "search", "print", "status", "assets", "editions"];
            if !crate::model::is_slug(&edition.id)
                || edition.id.chars().all(|c| c.is_ascii_digit())
                || reserved.contains(&edition.id.as_str())
            {
                return Err(Diagnostic::error(
                    file,
                    None,
                    format!(
                        "The edition id \"{}\" cannot be used: write lower-case letters, digits and hyphens, not only digits, and none of {}.",
                        edition.id,
                        reserved.join(", ")
                    ),
                ));
            }
            if !seen.insert(edition.id.as_str()) {
                return Err(Diagnostic::error(file, None, format!("The edition \"{}\" is declared twice.", edition.id)));
            }
        }
        if self.editions.len() > MAX_EDITIONS {
            return Err(Diagnostic::error(file, None, format!("At most {MAX_EDITIONS} editions can be declared.")));
        }
        if self.editions.iter().filter(|e| e.current).count() > 1 {
            return Err(Diagnostic::error(file, None, "Only one [[edition]] can be current = true."));
        }
        Ok(())
    }

    /// The edition readers should read: the one marked current, or the last declared.
    pub fn current_edition(&self) -> Option<&Edition> {
        self.editions.iter().find(|e| e.current).or(self.editions.last())
    }

    pub fn edition(&self, id: &str) -> Option<&Edition> {
        self.editions.iter().find(|e| e.id == id)
    }

    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The path part of `base_url`, e.g. `/toolkit/`.
    pub fn base_path(&self) -> &str {
        let without_scheme = self.base_url.split_once("://").map_or(self.base_url.as_str(), |(_, rest)| rest);
        without_scheme.find('/').map_or("/", |i| &without_scheme[i..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_is_the_path_of_the_base_url() {
        let config = Config {
            base_url: "https://example.org/toolkit/".into(),
            default_language: "en".into(),
            languages: vec![],
            pdf: false,
            editions: vec![],
        };
        assert_eq!(config.base_path(), "/toolkit/");
    }
}
