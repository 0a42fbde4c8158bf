//! The toolkit's numbering: chapter `2`, section `2.1`, challenge `2.1.a`. Ids are parsed here
//! once, by one set of rules (numbers without leading zeros, lower-case letters), and carry their
//! parts, so no other code takes an id string apart again.

use std::fmt;

/// A section: chapter and number (`2.1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SectionId {
    pub chapter: u32,
    pub number: u32,
}

/// A challenge: its section and letter (`2.1.a`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChallengeId {
    pub section: SectionId,
    pub letter: String,
}

/// A number as written in an id or a folder name: digits, without a leading zero, so that
/// `02/` cannot stand beside `2/` as a second chapter 2.
pub fn number(text: &str) -> Option<u32> {
    let digits = !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
    (digits && (text == "0" || !text.starts_with('0'))).then(|| text.parse().ok()).flatten()
}

/// A challenge letter: lower-case letters a–z (`a`, or `aa` past `z`).
pub fn is_letter(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_lowercase())
}

impl SectionId {
    pub fn parse(text: &str) -> Option<SectionId> {
        let (chapter, number_text) = text.split_once('.')?;
        Some(SectionId { chapter: number(chapter)?, number: number(number_text)? })
    }
}

impl ChallengeId {
    pub fn parse(text: &str) -> Option<ChallengeId> {
        let (section, letter) = text.rsplit_once('.')?;
        let section = SectionId::parse(section)?;
        is_letter(letter).then(|| ChallengeId { section, letter: letter.to_string() })
    }

    pub fn chapter(&self) -> u32 {
        self.section.chapter
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.chapter, self.number)
    }
}

impl fmt::Display for ChallengeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.section, self.letter)
    }
}

/// Orders id strings as the toolkit numbers them (`2.10` after `2.9`, `2.1.b` after `2.1.a`).
pub fn order(id: &str) -> (u32, u32, String) {
    if let Some(challenge) = ChallengeId::parse(id) {
        return (challenge.section.chapter, challenge.section.number, challenge.letter);
    }
    if let Some(section) = SectionId::parse(id) {
        return (section.chapter, section.number, String::new());
    }
    (number(id).unwrap_or(u32::MAX), 0, id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ids_once_with_one_set_of_rules() {
        assert_eq!(SectionId::parse("2.10"), Some(SectionId { chapter: 2, number: 10 }));
        let challenge = ChallengeId::parse("3.7.b").unwrap();
        assert_eq!((challenge.chapter(), challenge.section.number, challenge.letter.as_str()), (3, 7, "b"));
        assert_eq!(challenge.to_string(), "3.7.b");
        for bad in ["", "2", "2.", ".1", "02.1", "2.01", "2.1.A", "2.1.", "2.1.a.b", "x.1"] {
            assert!(ChallengeId::parse(bad).is_none() && (bad == "02.1" || bad == "2.01" || SectionId::parse(bad).is_none()), "{bad}");
        }
        assert!(SectionId::parse("02.1").is_none() && SectionId::parse("2.01").is_none());
    }

    #[test]
    fn orders_numerically() {
        let mut ids = vec!["2.10", "2.9", "2.1.b", "2.1.a", "10", "3"];
        ids.sort_by_key(|id| order(id));
        assert_eq!(ids, ["2.1.a", "2.1.b", "2.9", "2.10", "3", "10"]);
    }
}
