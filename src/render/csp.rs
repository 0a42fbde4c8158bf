//! The Content-Security-Policy every page carries in a `<meta>` tag (so that it also holds when
//! the site is opened from disk): scripts, styles and everything else only from the site itself,
//! no inline scripts or event handlers, no plugins, no other base address. Should anything
//! from content ever slip through as markup, the browser still refuses to run it.

use base64::Engine;
use sha2::{Digest, Sha256};

/// Whether a page runs the site's own scripts (search, offline reading) or none at all.
#[derive(Clone, Copy)]
pub enum Scripts {
    Site,
    None,
}

/// The policy, allowing in addition the inline `<style>` elements whose exact texts are given.
pub fn policy(scripts: Scripts, inline_styles: &[&str]) -> String {
    let hashes: String = inline_styles.iter().map(|style| format!(" 'sha256-{}'", hash(style))).collect();
    let script_src = match scripts {
        Scripts::Site => "'self'",
        Scripts::None => "'none'",
    };
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'{hashes}; img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
    )
}

fn hash(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_only_the_given_inline_styles() {
        assert!(!policy(Scripts::Site, &[]).contains("unsafe"));
        assert!(policy(Scripts::None, &[]).contains("script-src 'none'"));
        // The hash of "" is well known.
        assert!(policy(Scripts::Site, &[""]).contains("style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"));
    }
}
