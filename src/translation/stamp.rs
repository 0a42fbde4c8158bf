//! `toolkit i18n stamp`: after a translator has checked a translation against the current
//! English text, record that English text's hash in the translation.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, display_path};
use crate::hash::text_hash;
use crate::model::Site;
use crate::translation::status::{english_counterpart, source_hash};

/// Stamps one file; returns a line saying what was done.
pub fn stamp(root: &Path, site: &Site, file: &Path, sources_lang: Option<&str>) -> Result<String, Diagnostic> {
    let shown = display_path(file);
    if shown == display_path(&site.sources.file) {
        let lang = sources_lang.ok_or_else(|| {
            Diagnostic::error(
                file,
                None,
                "Say which language's source titles you checked, e.g. toolkit i18n stamp content/sources.toml --lang fr.",
            )
        })?;
        return stamp_sources(root, site, file, lang);
    }
    let english = english_counterpart(site, file).ok_or_else(|| {
        Diagnostic::error(file, None, "This is not a translated file: stamp files under content/<language>/ or i18n/<language>/ of a language other than the reference.")
    })?;
    let english_text = std::fs::read_to_string(root.join(&english))
        .map_err(|_| Diagnostic::error(file, None, format!("Its English original {} does not exist.", display_path(&english))))?;
    let hash = text_hash(&english_text);
    let text = std::fs::read_to_string(root.join(file))
        .map_err(|error| Diagnostic::error(file, None, format!("The file could not be read: {error}.")))?;
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let stamped = match extension {
        "md" => set_front_matter(&text, &hash)
            .ok_or_else(|| Diagnostic::error(file, Some(1), "The file has no settings block (+++ ... +++) to record the stamp in."))?,
        "ftl" => set_ftl_stamp(&text, &hash),
        "toml" => set_toml_key(&text, &hash).map_err(|message| Diagnostic::error(file, None, message))?,
        _ => return Err(Diagnostic::error(file, None, "Only .md, .toml and .ftl translations can be stamped.")),
    };
    write(root, file, &stamped)?;
    Ok(format!("{shown}: stamped as translating {} ({hash})", display_path(&english)))
}

fn write(root: &Path, file: &Path, text: &str) -> Result<(), Diagnostic> {
    std::fs::write(root.join(file), text).map_err(|error| Diagnostic::error(file, None, format!("The file could not be written: {error}.")))
}

/// Sets `translates = "HASH"` inside the `+++` block, replacing an earlier stamp.
pub fn set_front_matter(text: &str, hash: &str) -> Option<String> {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.first()?.trim_end() != "+++" {
        return None;
    }
    let close = lines.iter().skip(1).position(|l| l.trim_end() == "+++")? + 1;
    let stamp = format!("translates = \"{hash}\"\n");
    match lines[1..close].iter().position(|l| l.trim_start().starts_with("translates")) {
        Some(at) => lines[at + 1] = &stamp,
        None => lines.insert(close, &stamp),
    }
    Some(lines.concat())
}

fn set_ftl_stamp(text: &str, hash: &str) -> String {
    let stamp = format!("# translates: {hash}\n");
    let rest: String = text.split_inclusive('\n').filter(|l| !l.starts_with("# translates:")).collect();
    format!("{stamp}{rest}")
}

fn set_toml_key(text: &str, hash: &str) -> Result<String, String> {
    let mut document: toml_edit::DocumentMut = text.parse().map_err(|e| format!("The file is not valid TOML: {e}"))?;
    document["translates"] = toml_edit::value(hash);
    Ok(document.to_string())
}

fn stamp_sources(root: &Path, site: &Site, file: &Path, lang: &str) -> Result<String, Diagnostic> {
    if site.config.language(lang).is_none() || lang == site.default_language() {
        return Err(Diagnostic::error(file, None, format!("\"{lang}\" is not a translated language of this site.")));
    }
    let text = std::fs::read_to_string(root.join(file))
        .map_err(|error| Diagnostic::error(file, None, format!("The file could not be read: {error}.")))?;
    let mut document: toml_edit::DocumentMut =
        text.parse().map_err(|e| Diagnostic::error(file, None, format!("The file is not valid TOML: {e}")))?;
    let mut stamped = Vec::new();
    if let Some(array) = document.get_mut("source").and_then(|s| s.as_array_of_tables_mut()) {
        for table in array.iter_mut() {
            let key = table.get("key").and_then(|k| k.as_str()).unwrap_or_default().to_string();
            let Some(source) = site.sources.get(&key) else { continue };
            let Some(translation) = table.get_mut(lang).and_then(|t| t.as_table_like_mut()) else { continue };
            if translation.get("title").is_some() {
                translation.insert("translates", toml_edit::value(source_hash(source)));
                stamped.push(key);
            }
        }
    }
    write(root, file, &document.to_string())?;
    Ok(format!("{}: stamped the {lang} texts of {} sources ({})", display_path(file), stamped.len(), stamped.join(", ")))
}

/// Makes a path given on the command line relative to the project folder.
pub fn relative_to_root(root: &Path, file: &Path) -> PathBuf {
    let absolute_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let absolute = if file.is_absolute() {
        file.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(file)).unwrap_or_else(|_| file.to_path_buf())
    };
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    absolute.strip_prefix(&absolute_root).map(Path::to_path_buf).unwrap_or_else(|_| file.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_front_matter_once() {
        let text = "+++\nstatement = \"x\"\n+++\n## A\n";
        let once = set_front_matter(text, "abc").unwrap();
        assert_eq!(once, "+++\nstatement = \"x\"\ntranslates = \"abc\"\n+++\n## A\n");
        let twice = set_front_matter(&once, "def").unwrap();
        assert_eq!(twice, "+++\nstatement = \"x\"\ntranslates = \"def\"\n+++\n## A\n");
        assert!(set_front_matter("## no settings\n", "x").is_none());
    }

    #[test]
    fn stamps_fluent_and_toml_files() {
        assert_eq!(set_ftl_stamp("# translates: old\na = b\n", "new"), "# translates: new\na = b\n");
        let toml = set_toml_key("[[term]]\nid = \"x\"\nterm = \"y\"\n", "h").unwrap();
        assert!(toml.starts_with("translates = \"h\"\n"), "{toml}");
    }
}
