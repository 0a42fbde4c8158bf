//! The search index: tantivy per language, exported as the small script files the search page
//! loads (`search/<lang>/`); with `keep_in`, the tantivy indexes are also kept on disk there for
//! `toolkit search`.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Problems};
use crate::outputs::{Context, Output, Sink, Written, release_free_memory, write_problem};

pub struct SearchIndex {
    pub keep_in: Option<PathBuf>,
}

impl Output for SearchIndex {
    fn name(&self) -> &'static str {
        "search index"
    }

    fn write(&self, context: &Context<'_>, sink: &dyn Sink) -> Result<Written, Problems> {
        let problem = |message: String| Problems::one(Diagnostic::error(crate::search::INDEX_FOLDER, None, message));
        // One language at a time per core, each file written as it is made, so memory holds at
        // most one index per core and none of the files.
        let languages: Vec<&str> = context.site.config.codes().collect();
        let editions: Vec<&str> = context.site.config.editions.iter().map(|e| e.id.as_str()).collect();
        languages.par_iter().try_for_each(|lang| {
            let index = crate::search::index_language(context.site, context.ui, lang, self.keep_in.as_deref()).map_err(problem)?;
            crate::search::export::export(&index, context.ui, &editions, &mut |path, bytes| sink.put(path, bytes))
                .map_err(|(path, e)| write_problem(self.name(), &path, e))?;
            drop(index);
            release_free_memory();
            Ok(())
        })?;
        Ok(Written::default())
    }
}
