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
        Ok(())
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
        let config =
            Config { base_url: "https://example.org/toolkit/".into(), default_language: "en".into(), languages: vec![], pdf: false };
        assert_eq!(config.base_path(), "/toolkit/");
    }
}
