//! Which web addresses content may give: `https:`, `http:` and `mailto:` links to elsewhere,
//! and nothing that a browser would run (`javascript:`, `data:`, `vbscript:`...).
//!
//! The check reads an address the way a browser does before it picks the scheme: surrounding
//! spaces and control characters are dropped, tabs and line breaks inside are ignored, and the
//! scheme's case does not matter. Entities (`&#106;`) are decoded by the Markdown and TOML
//! readers before an address gets here.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A full address of another site (`https://`, `http://`) or an e-mail address (`mailto:`).
    External,
}

/// Accepts `url` if it is a full `https://`, `http://` or `mailto:` address; otherwise says why not.
pub fn check(url: &str) -> Result<Kind, String> {
    // What browsers strip before parsing: leading and trailing C0 controls and spaces, and every
    // tab or line break anywhere.
    let cleaned: String = url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect::<String>();
    if cleaned != url {
        return Err("it has spaces, line breaks or invisible characters around or inside it".into());
    }
    if url.chars().any(|c| c.is_control() || c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\') {
        return Err("it contains spaces, quotes, angle brackets or backslashes, which a web address cannot have".into());
    }
    let lower = url.to_ascii_lowercase();
    let with_host = |scheme: &str| {
        lower.strip_prefix(scheme).is_some_and(|rest| rest.len() > 2 && rest.starts_with("//") && !rest[2..].starts_with('/'))
    };
    if with_host("https:") || with_host("http:") || (lower.starts_with("mailto:") && lower.len() > "mailto:".len()) {
        Ok(Kind::External)
    } else {
        Err("only full addresses starting with https://, http:// or mailto: can be linked".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_web_and_mail_addresses() {
        for url in ["https://example.org/", "HTTP://example.org/a?b=c#d", "mailto:info@dcaf.ch", "https://x.org/a%20b"] {
            assert_eq!(check(url), Ok(Kind::External), "{url}");
        }
    }

    #[test]
    fn refuses_every_spelling_of_a_script_address() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "//evil.example/",
            "https:/evil.example",
            "https:///evil.example",
            "https://x.org/\" onmouseover=\"x",
            "",
            "mailto:",
            "/relative/path",
        ] {
            assert!(check(url).is_err(), "{url:?}");
        }
    }
}
