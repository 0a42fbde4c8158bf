//! The search index: tantivy per language, exported as the small script files the search page
//! loads (`search/<lang>/`); with `keep_in`, the tantivy indexes are also kept on disk there for
//! `toolkit search`.

use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Problems};
use crate::outputs::{Context, Output, Sink, Written, write_problem};

pub struct SearchIndex {
    pub keep_in: Option<PathBuf>,
}

impl Output for SearchIndex {
    fn name(&self) -> &'static str {
        "search index"
    }

    fn write(&self, context: &Context<'_>, sink: &dyn Sink) -> Result<Written, Problems> {
        let problem = |message: String| Problems::one(Diagnostic::error(crate::search::INDEX_FOLDER, None, message));
        let indexes = crate::search::index_site(context.site, context.ui, self.keep_in.as_deref()).map_err(problem)?;
        for file in crate::search::export_site(&indexes, context.ui).map_err(problem)? {
            sink.put(&file.path, &file.bytes).map_err(|e| write_problem(self.name(), &file.path, e))?;
        }
        Ok(Written::default())
    }
}
