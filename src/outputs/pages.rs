//! The pages of the site, rendered in parallel through the theme and written as soon as each is
//! ready, so that a large site is never held in memory whole.

use crate::diagnostics::Problems;
use crate::outputs::{Context, Output, Sink, Written};
use crate::render::pages::Renderer;

pub struct Pages;

impl Output for Pages {
    fn name(&self) -> &'static str {
        "pages"
    }

    fn write(&self, context: &Context<'_>, sink: &dyn Sink) -> Result<Written, Problems> {
        let renderer = Renderer { facts: context.facts, site: context.site, ui: context.ui, theme: context.theme };
        let pages = renderer.write_all(sink).map_err(Problems)?;
        Ok(Written { pages, ..Written::default() })
    }
}
