//! Reading what people edit into the model, each kind of file once: the text itself (encoding,
//! line endings, control characters), the settings, the sources, the interface texts, and the
//! content's Markdown with the toolkit's extensions.

pub mod config;
pub mod content;
pub mod frontmatter;
pub mod localize;
pub mod markdown;
pub mod safe_url;
pub mod sources;
pub mod text_file;
