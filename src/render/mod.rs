//! From the model to files: Markdown to HTML, pages through the theme, addresses.

pub mod csp;
pub mod html;
pub mod pages;
pub mod theme;
