//! How many English words a translator has to translate or review: the planning figure of
//! `toolkit i18n status`.

use std::path::Path;

use fluent_syntax::ast;

use crate::load::frontmatter;
use crate::translation::history;
use crate::translation::status::State;

/// English words of a content file still to translate: all of them when the translation is
/// missing, those of the lines changed since the stamp when it is outdated (all of them if the
/// old text is not in the history).
pub fn to_do(root: &Path, english_file: &Path, state: State, stamp: Option<&str>) -> usize {
    let text = || std::fs::read_to_string(root.join(english_file)).unwrap_or_default();
    match state {
        State::Translated => 0,
        State::Missing => count_words(&readable_text(&text())),
        State::Outdated => {
            let now = text();
            let old = stamp.and_then(|stamp| history::find_version(root, english_file, stamp));
            match old {
                Some(old) => {
                    let diff = similar::TextDiff::from_lines(&old.text, &now);
                    let changed: String =
                        diff.iter_all_changes().filter(|c| c.tag() == similar::ChangeTag::Insert).map(|c| c.value().to_string()).collect();
                    count_words(&readable_text(&changed))
                }
                None => count_words(&readable_text(&now)),
            }
        }
    }
}

/// English words of a whole content file.
pub fn in_file(root: &Path, english_file: &Path) -> usize {
    count_words(&readable_text(&std::fs::read_to_string(root.join(english_file)).unwrap_or_default()))
}

/// What a translator translates in a content file, or in some of its lines: the quoted values
/// of its settings and its text, without the settings' names, the fences or the stamp.
pub fn readable_text(lines: &str) -> String {
    lines
        .lines()
        .filter(|line| line.trim() != frontmatter::FENCE && !frontmatter::is_setting(line, "translates"))
        .map(|line| match line.split_once(" = \"") {
            Some((key, value)) if !key.contains(' ') => value,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The words of a Fluent message: the text of its value and attributes, in every variant,
/// without variables, variant keys ("*[other]") or attribute names.
pub fn fluent_text(message: &ast::Message<&str>) -> String {
    fn in_pattern(pattern: &ast::Pattern<&str>, out: &mut String) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => out.push_str(value),
                ast::PatternElement::Placeable { expression } => in_expression(expression, out),
            }
        }
    }
    fn in_expression(expression: &ast::Expression<&str>, out: &mut String) {
        match expression {
            ast::Expression::Select { variants, .. } => {
                for variant in variants {
                    out.push(' ');
                    in_pattern(&variant.value, out);
                }
            }
            ast::Expression::Inline(ast::InlineExpression::StringLiteral { value } | ast::InlineExpression::NumberLiteral { value }) => {
                out.push(' ');
                out.push_str(value);
            }
            ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => in_expression(expression, out),
            ast::Expression::Inline(_) => {}
        }
    }
    let mut out = String::new();
    for pattern in message.value.iter().chain(message.attributes.iter().map(|a| &a.value)) {
        in_pattern(pattern, &mut out);
        out.push(' ');
    }
    out
}

/// How far after an opening bracket its markup may close, in bytes.
const MARKUP_REACH: usize = 400;

fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// Words as translators count them: runs of letters or digits; each Han character counts as
/// one. Citations, cross-reference targets, footnote labels, anchors and Fluent variables are
/// not words to translate.
pub fn count_words(text: &str) -> usize {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(['[', '(', '{']) {
        plain.push_str(&rest[..start]);
        let tail = &rest[start..];
        let markup = ["[@", "[-@", "[^", "(ref:", "(box:", "{#", "{ $", "{$"].iter().any(|m| tail.starts_with(m));
        // Markup closes within a short distance; looking no further keeps counting linear in
        // the size of the text, however many brackets it has.
        let window = &tail[..floor_char_boundary(tail, MARKUP_REACH)];
        let close = match tail.as_bytes()[0] {
            b'[' => ']',
            b'(' => ')',
            _ => '}',
        };
        let end = if markup { window.find(close) } else { None };
        // A Fluent selector "{ $count ->" ends at its arrow; its variants are text.
        let arrow = if markup && close == '}' { window.find("->").filter(|a| end.is_none_or(|end| *a < end)) } else { None };
        match (end, arrow) {
            (_, Some(arrow)) => rest = &tail[arrow + 2..],
            (Some(end), None) => rest = &tail[end + 1..],
            (None, None) => {
                plain.push(' ');
                rest = &tail[1..];
            }
        }
    }
    plain.push_str(rest);
    let mut count = 0;
    let mut in_word = false;
    for c in plain.chars() {
        if crate::search::analyzer::is_han(c) {
            count += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                count += 1;
            }
            in_word = true;
        } else if c != '\'' && c != '’' && c != '-' {
            in_word = false;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_without_markup() {
        assert_eq!(count_words("Raise the VPs with the company’s staff [@VPs: 4] (see [](ref:2.3)).[^1]"), 8);
        assert_eq!(count_words("## Follow up {#follow-up}"), 2);
        assert_eq!(count_words("安全与人权工具包"), 8);
        assert_eq!(count_words("Chapter { $number }. { $title }"), 1);
        let plural =
            "search-results = { $count ->\n    [0] No results for “{ $query }”.\n   *[other] { $count } results for “{ $query }”.\n}";
        let messages = crate::load::localize::source_messages(plural);
        assert_eq!(count_words(&fluent_text(&messages[0].message)), 5);
        assert_eq!(
            readable_text("+++\nstatement = \"Companies may be obliged\"\ntranslates = \"abc\"\n+++\n## Heading"),
            "Companies may be obliged\"\n## Heading"
        );
    }
}
