//! The theme's static files (style sheets, scripts), under `assets/`.

use crate::diagnostics::{Diagnostic, Problems};
use crate::outputs::{Context, Output, Sink, Written, write_problem};
use crate::paths;

pub struct Assets;

impl Output for Assets {
    fn name(&self) -> &'static str {
        "theme files"
    }

    fn write(&self, context: &Context<'_>, sink: &dyn Sink) -> Result<Written, Problems> {
        for (path, source) in context.theme.static_files(context.root) {
            let bytes = std::fs::read(&source).map_err(|error| {
                Problems::one(Diagnostic::error(
                    context.theme.folder.join("static").join(&path),
                    None,
                    format!("The file could not be read: {error}."),
                ))
            })?;
            let target = paths::asset(&path);
            sink.put(&target, &bytes).map_err(|e| write_problem(self.name(), &target, e))?;
            // Browsers ask for /favicon.ico whatever the pages say: one at the root too.
            if path == paths::FAVICON {
                sink.put(paths::FAVICON, &bytes).map_err(|e| write_problem(self.name(), paths::FAVICON, e))?;
            }
        }
        Ok(Written::default())
    }
}
