//! `toolkit i18n diff FILE`: what changed in English since this translation was stamped.

use std::path::Path;

use crate::diagnostics::{Diagnostic, display_path};
use crate::load::frontmatter::read_translates;
use crate::model::Site;
use crate::translation::history;
use crate::translation::status::english_counterpart;

pub fn english_changes(root: &Path, site: &Site, file: &Path) -> Result<String, Diagnostic> {
    let english = english_counterpart(site, file).ok_or_else(|| {
        Diagnostic::error(file, None, "This is not a translated file: give a file under content/<language>/ or i18n/<language>/.")
    })?;
    let text = std::fs::read_to_string(root.join(file))
        .map_err(|error| Diagnostic::error(file, None, format!("The file could not be read: {error}.")))?;
    let current = std::fs::read_to_string(root.join(&english))
        .map_err(|_| Diagnostic::error(file, None, format!("Its English original {} does not exist.", display_path(&english))))?;
    let stamp = read_translates(file, &text);
    let english_name = display_path(&english);
    let Some(stamp) = stamp else {
        return Ok(format!(
            "{} has never been stamped, so it is not known which English text it translates.\nCompare it with {english_name} and, once it matches, run: toolkit i18n stamp {}\n",
            display_path(file),
            display_path(file)
        ));
    };
    let Some(old) = history::find_version(root, &english, &stamp) else {
        return Ok(format!(
            "The English text this translation was made from ({stamp}) is not in the project's history (git), so the changes cannot be shown.\nCompare the translation with the whole of {english_name}, then run: toolkit i18n stamp {}\n",
            display_path(file)
        ));
    };
    if old.commit.is_none() {
        return Ok(format!("Up to date: {english_name} has not changed since this translation was stamped.\n"));
    }
    let commit = old.commit.as_deref().unwrap_or_default();
    let short = &commit[..commit.len().min(10)];
    Ok(history::unified(&old.text, &current, &format!("{english_name} (as translated, {short})"), &format!("{english_name} (now)")))
}
