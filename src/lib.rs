//! `toolkit`: builds the DCAF–ICRC *Addressing Security and Human Rights Challenges in Complex
//! Environments* toolkit into a multilingual static site.
//!
//! Data flows one way: `load` reads the files into the `model`, `validate` checks it, `outputs`
//! (pages through `render`, the search index, the theme's files, the offline lists) write the
//! site; `build` runs the passes in order. See ARCHITECTURE.md.

pub mod build;
pub mod compare;
pub mod diagnostics;
pub mod handout;
pub mod hash;
pub mod load;
pub mod model;
pub mod outputs;
pub mod paths;
pub mod pdf;
pub mod render;
pub mod search;
pub mod serve;
pub mod translation;
pub mod validate;
