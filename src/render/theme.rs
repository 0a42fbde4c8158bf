//! The theme: tera templates (one set per language, each with its own `t()` for interface texts)
//! and static files.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentValue;
use tera::{Tera, Value};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::localize::Localizer;

pub struct Theme {
    pub folder: PathBuf,
    /// Per language code.
    pub tera: HashMap<String, Tera>,
    /// Interface message ids the templates use, for `check`.
    pub used_messages: BTreeSet<String>,
    /// The fixed ids the templates give elements (`id="main"`), which content's own anchors
    /// must not take.
    pub ids: BTreeSet<String>,
}

/// `t(key="nav-home", n=3, ...)`: an interface text in the template's language.
struct Translate {
    ui: Arc<Localizer>,
    lang: String,
}

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args.get("key").and_then(Value::as_str).ok_or("t() needs key=\"message-id\"")?;
        let lang = args.get("lang").and_then(Value::as_str).unwrap_or(&self.lang);
        let values: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .filter(|(name, _)| *name != "key" && *name != "lang")
            .map(|(name, value)| {
                let value = match value {
                    Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or_default()),
                    Value::String(s) => FluentValue::from(s.as_str()),
                    other => FluentValue::from(other.to_string()),
                };
                (name.as_str(), value)
            })
            .collect();
        Ok(Value::String(self.ui.get_id(lang, key, &values)))
    }

    fn is_safe(&self) -> bool {
        false
    }
}

impl Theme {
    pub fn load(root: &Path, languages: &[&str], ui: Arc<Localizer>, diagnostics: &Diagnostics) -> Option<Theme> {
        let folder = PathBuf::from("themes/default");
        let templates = root.join(&folder).join("templates");
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Tera's own escaping also rewrites "/" as "&#x2F;", which makes every link unreadable.
        tera.set_escape_fn(crate::render::html::escape);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&templates)
            .map(|e| e.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "html" || x == "xml")).collect())
            .unwrap_or_default();
        files.sort();
        if files.is_empty() {
            diagnostics.error(folder.join("templates"), None, "The theme has no templates.");
            return None;
        }
        let mut used_messages = BTreeSet::new();
        let mut ids = BTreeSet::new();
        let mut sources = Vec::new();
        for path in &files {
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            match std::fs::read_to_string(path) {
                Ok(text) => {
                    used_messages.extend(message_ids(&text));
                    ids.extend(fixed_ids(&text));
                    sources.push((name, text));
                }
                Err(error) => {
                    diagnostics.error(folder.join("templates").join(&name), None, format!("The template could not be read: {error}."))
                }
            }
        }
        if let Err(error) = tera.add_raw_templates(sources) {
            diagnostics.push(template_error(&folder, &error));
            return None;
        }
        let tera = languages
            .iter()
            .map(|lang| {
                let mut copy = tera.clone();
                copy.register_function("t", Translate { ui: ui.clone(), lang: lang.to_string() });
                (lang.to_string(), copy)
            })
            .collect();
        Some(Theme { folder, tera, used_messages, ids })
    }

    pub fn render(&self, lang: &str, template: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        let tera = self.tera.get(lang).ok_or_else(|| Diagnostic::error(&self.folder, None, format!("No templates for {lang}.")))?;
        tera.render(template, context).map_err(|error| template_error(&self.folder, &error))
    }

    /// Static files (style sheet, scripts), relative to the theme's `static/` folder.
    pub fn static_files(&self, root: &Path) -> Vec<(String, PathBuf)> {
        let base = root.join(&self.folder).join("static");
        walkdir::WalkDir::new(&base)
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let relative = e.path().strip_prefix(&base).unwrap_or(e.path()).to_string_lossy().replace('\\', "/");
                (relative, e.path().to_path_buf())
            })
            .collect()
    }
}

/// The message ids a template passes to `t(key="...")`.
fn message_ids(template: &str) -> Vec<String> {
    template
        .match_indices("t(key=\"")
        .filter_map(|(i, prefix)| {
            let rest = &template[i + prefix.len()..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .collect()
}

/// The literal values of `id="..."` in a template (not those computed with `{{ }}`).
fn fixed_ids(template: &str) -> Vec<String> {
    template
        .match_indices(" id=\"")
        .filter_map(|(i, prefix)| {
            let rest = &template[i + prefix.len()..];
            let id = &rest[..rest.find('"')?];
            (!id.contains('{')).then(|| id.to_string())
        })
        .collect()
}

/// Tera's error chain, flattened into one readable message.
fn template_error(folder: &Path, error: &tera::Error) -> Diagnostic {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Diagnostic::error(folder.join("templates"), None, format!("A template failed: {message}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_message_ids() {
        assert_eq!(message_ids(r#"{{ t(key="a-b") }} x {{ t(key="c", n=2) }}"#), ["a-b", "c"]);
    }

    #[test]
    fn finds_fixed_ids() {
        assert_eq!(fixed_ids(r#"<main id="main"><h2 id="{{ p.anchor }}-title"><p id="note">"#), ["main", "note"]);
    }
}
