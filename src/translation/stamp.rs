//! `toolkit i18n stamp`: after a translator has checked a translation against the current
//! English text, record that English text's hash in the translation.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, display_path};
use crate::hash::text_hash;
use crate::load::frontmatter::{in_file_format, set_translates};
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
    let stamped = set_translates(file, &text, &hash)?;
    write(root, file, &stamped)?;
    Ok(format!("{shown}: stamped as translating {} ({hash})", display_path(&english)))
}

fn write(root: &Path, file: &Path, text: &str) -> Result<(), Diagnostic> {
    std::fs::write(root.join(file), text).map_err(|error| Diagnostic::error(file, None, format!("The file could not be written: {error}.")))
}

fn stamp_sources(root: &Path, site: &Site, file: &Path, lang: &str) -> Result<String, Diagnostic> {
    if site.config.language(lang).is_none() || lang == site.default_language() {
        return Err(Diagnostic::error(file, None, format!("\"{lang}\" is not a translated language of this site.")));
    }
    let text = std::fs::read_to_string(root.join(file))
        .map_err(|error| Diagnostic::error(file, None, format!("The file could not be read: {error}.")))?;
    let mut stamped = Vec::new();
    let written = in_file_format(&text, |text| {
        let mut document: toml_edit::DocumentMut =
            text.parse().map_err(|e| Diagnostic::error(file, None, format!("The file is not valid TOML: {e}")))?;
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
        Ok(document.to_string())
    })?;
    write(root, file, &written)?;
    Ok(format!("{}: stamped the {lang} texts of {} sources ({})", display_path(file), stamped.len(), stamped.join(", ")))
}

/// The project-relative path of a file given on the command line (relative to the current
/// folder or to the project folder). Refused when it is not a file inside the project once
/// `..` and links are resolved, or when it is itself a link: these commands write only there.
pub fn project_file(root: &Path, file: &Path) -> Result<PathBuf, Diagnostic> {
    let absolute_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let candidates = [std::env::current_dir().map(|d| d.join(file)).unwrap_or_else(|_| file.to_path_buf()), root.join(file)];
    let Some(given) = candidates.iter().find(|p| p.exists()) else {
        return Err(Diagnostic::error(
            file,
            None,
            "There is no such file. Give the path of a translated file, e.g. content/fr/2/2.1/a.md.",
        ));
    };
    if std::fs::symlink_metadata(given).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Diagnostic::error(file, None, "This is a link to another file (a symbolic link); give the translated file itself."));
    }
    let resolved = given.canonicalize().map_err(|error| Diagnostic::error(file, None, format!("The file could not be found: {error}.")))?;
    match resolved.strip_prefix(&absolute_root) {
        Ok(relative) if resolved.is_file() => Ok(relative.to_path_buf()),
        Ok(_) => Err(Diagnostic::error(file, None, "This is a folder; give a translated file, e.g. content/fr/2/2.1/a.md.")),
        Err(_) => Err(Diagnostic::error(
            file,
            None,
            format!(
                "This file is outside the project folder ({}); only the project's own translations can be used.",
                absolute_root.display()
            ),
        )),
    }
}
