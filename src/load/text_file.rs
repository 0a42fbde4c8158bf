//! Reading the text files people edit (Markdown, TOML, Fluent), the same way for all of them:
//! UTF-8 required, a byte-order mark accepted, any line endings (Windows, Unix, old Mac) read as
//! `\n`, and invisible control characters refused with their line, since they would end up in
//! pages as invalid HTML.

use std::path::Path;

use crate::diagnostics::Diagnostic;

/// Reads `file` (relative to `root`) as text, or says in plain words why it cannot be used.
pub fn read(root: &Path, file: &Path) -> Result<String, Diagnostic> {
    if std::fs::symlink_metadata(root.join(file)).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(symlink_refused(file));
    }
    let bytes =
        std::fs::read(root.join(file)).map_err(|error| Diagnostic::error(file, None, format!("The file could not be read: {error}.")))?;
    decode(file, bytes)
}

/// The text of `bytes` read from `file`, checked and with `\n` line endings.
pub fn decode(file: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            return Err(Diagnostic::error(
                file,
                Some(line),
                "The file is not saved as UTF-8 text, so some characters on this line cannot be read. In your editor, save it with the encoding \"UTF-8\".",
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    if let Some((line, c)) = first_control_character(&text) {
        return Err(Diagnostic::error(
            file,
            Some(line),
            format!(
                "This line contains an invisible control character ({}), which cannot be published. Delete it: retype the line, or the characters around the spot where your editor shows a box or a strange sign.",
                describe(c)
            ),
        ));
    }
    Ok(text)
}

/// The line and character of the first control character other than tab and line feed.
pub fn first_control_character(text: &str) -> Option<(u32, char)> {
    let mut line = 1;
    for c in text.chars() {
        match c {
            '\n' => line += 1,
            '\t' => {}
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => return Some((line, c)),
            _ => {}
        }
    }
    None
}

fn describe(c: char) -> String {
    let name = match c {
        '\0' => " NUL",
        '\u{7}' => " bell",
        '\u{8}' => " backspace",
        '\u{b}' => " vertical tab",
        '\u{c}' => " form feed",
        '\u{1b}' => " escape",
        '\u{7f}' => " delete",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// The problem with a symbolic link where a file is expected: links are never followed, so a
/// translator's folder cannot pull in files from elsewhere on the computer.
pub fn symlink_refused(file: &Path) -> Diagnostic {
    Diagnostic::warning(
        file,
        None,
        "This is a link to another file or folder (a symbolic link), and the toolkit does not follow links, so it is not used. Put the file itself here.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<String, Diagnostic> {
        decode(Path::new("x.md"), bytes.to_vec())
    }

    #[test]
    fn accepts_a_byte_order_mark_and_every_kind_of_line_ending() {
        assert_eq!(read(b"\xef\xbb\xbfa\r\nb\rc\nd").unwrap(), "a\nb\nc\nd");
    }

    #[test]
    fn refuses_control_characters_with_their_line() {
        let error = read(b"a\nb\x00c\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("U+0000 NUL"), "{}", error.message);
        assert!(read(b"a\x0cb").unwrap_err().message.contains("form feed"));
        assert!(read("a\u{85}b".as_bytes()).is_err());
        assert_eq!(read(b"tab\there").unwrap(), "tab\there");
    }

    #[test]
    fn names_the_line_of_bytes_that_are_not_utf8() {
        assert_eq!(read(b"ok\nok\nnot \xe9 ok").unwrap_err().line, Some(3));
    }
}
