//! `toolkit`: builds the DCAF–ICRC *Addressing Security and Human Rights Challenges in Complex
//! Environments* toolkit into a multilingual static site.
//!
//! Data flows one way: `content` loads files into the `model`, `validate` checks it, `render`
//! turns it into pages, `output` writes them; `build` runs the passes in order.

pub mod build;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod frontmatter;
pub mod handout;
pub mod ids;
pub mod hash;
pub mod localize;
pub mod markdown;
pub mod model;
pub mod output;
pub mod outputs;
pub mod paths;
pub mod pdf;
pub mod render;
pub mod safe_url;
pub mod search;
pub mod serve;
pub mod sources;
pub mod text_file;
pub mod translation;
pub mod validate;
