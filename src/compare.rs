//! What changed between two editions of a challenge: good practices aligned by their content,
//! not their position, so that reworded, moved, merged, split, new and dropped practices are
//! told apart; then the words that changed inside each aligned pair.

use std::collections::BTreeSet;

use similar::{ChangeTag, TextDiff};

use crate::search::analyzer::Analyzer;

/// Two practices are one reworded practice from this share of shared words (Dice coefficient).
const SAME_PRACTICE: f64 = 0.5;
/// A practice is part of a merged or split one when this share of its own words is in it.
const PART_OF: f64 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Unchanged,
    Reworded,
    /// Several old practices became this one.
    Merged,
    /// One old practice became several: this entry holds them all.
    Split,
    New,
    Dropped,
}

/// One entry of the comparison: old and new practices (indexes from 0) that correspond.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Alignment {
    pub kind: Kind,
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    /// Out of the order the other practices keep (only for one-to-one pairs).
    pub moved: bool,
}

/// The words of each practice, as search analyses them (stems; Chinese characters and pairs).
fn word_sets(lang: &str, texts: &[String]) -> Vec<BTreeSet<String>> {
    let analyzer = Analyzer::new(lang);
    texts.iter().map(|t| analyzer.index_tokens(t).into_iter().map(|token| token.term).collect()).collect()
}

fn shared(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    a.intersection(b).count() as f64
}

fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() { 1.0 } else { 2.0 * shared(a, b) / (a.len() + b.len()) as f64 }
}

/// How much of `part` is in `whole`.
fn contained(part: &BTreeSet<String>, whole: &BTreeSet<String>) -> f64 {
    if part.is_empty() { 0.0 } else { shared(part, whole) / part.len() as f64 }
}

/// Aligns the old practices with the new ones; the result is in the new order, dropped
/// practices last.
pub fn align(lang: &str, old: &[String], new: &[String]) -> Vec<Alignment> {
    let old_words = word_sets(lang, old);
    let new_words = word_sets(lang, new);
    // One-to-one pairs, most similar first.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (o, ow) in old_words.iter().enumerate() {
        for (n, nw) in new_words.iter().enumerate() {
            let score = dice(ow, nw);
            if score >= SAME_PRACTICE {
                pairs.push((score, o, n));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut old_of: Vec<Vec<usize>> = vec![Vec::new(); new.len()];
    let mut new_of: Vec<Vec<usize>> = vec![Vec::new(); old.len()];
    for (_, o, n) in pairs {
        if new_of[o].is_empty() && old_of[n].is_empty() {
            new_of[o].push(n);
            old_of[n].push(o);
        }
    }
    // Merged: old practices left over whose words are mostly in one new practice.
    let left: Vec<usize> = (0..old.len()).filter(|&o| new_of[o].is_empty()).collect();
    for o in left {
        let ow = &old_words[o];
        let best = (0..new.len()).map(|n| (contained(ow, &new_words[n]), n)).max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, n)) = best.filter(|(score, n)| *score >= PART_OF && old_of[*n].iter().all(|&p| new_of[p].len() <= 1)) {
            new_of[o].push(n);
            old_of[n].push(o);
        }
    }
    // Split: new practices left over whose words are mostly in one old practice.
    let left: Vec<usize> = (0..new.len()).filter(|&n| old_of[n].is_empty()).collect();
    for n in left {
        let nw = &new_words[n];
        let best = (0..old.len()).map(|o| (contained(nw, &old_words[o]), o)).max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, o)) = best.filter(|(score, o)| *score >= PART_OF && new_of[*o].iter().all(|&m| old_of[m].len() <= 1)) {
            old_of[n].push(o);
            new_of[o].push(n);
        }
    }
    let mut result: Vec<Alignment> = Vec::new();
    let mut done = vec![false; new.len()];
    for n in 0..new.len() {
        if done[n] {
            continue;
        }
        let olds = &old_of[n];
        let alignment = match olds.as_slice() {
            [] => Alignment { kind: Kind::New, old: Vec::new(), new: vec![n], moved: false },
            [o] if new_of[*o].len() > 1 => {
                let mut parts = new_of[*o].clone();
                parts.sort_unstable();
                parts.iter().for_each(|&m| done[m] = true);
                Alignment { kind: Kind::Split, old: vec![*o], new: parts, moved: false }
            }
            [o] => {
                let same = normalise(&old[*o]) == normalise(&new[n]);
                Alignment { kind: if same { Kind::Unchanged } else { Kind::Reworded }, old: vec![*o], new: vec![n], moved: false }
            }
            many => {
                let mut olds = many.to_vec();
                olds.sort_unstable();
                Alignment { kind: Kind::Merged, old: olds, new: vec![n], moved: false }
            }
        };
        done[n] = true;
        result.push(alignment);
    }
    mark_moved(&mut result);
    for (o, news) in new_of.iter().enumerate() {
        if news.is_empty() {
            result.push(Alignment { kind: Kind::Dropped, old: vec![o], new: Vec::new(), moved: false });
        }
    }
    result
}

/// One-to-one pairs outside the longest run that keeps its old order were moved.
fn mark_moved(result: &mut [Alignment]) {
    let pairs: Vec<usize> =
        result.iter().enumerate().filter(|(_, a)| matches!(a.kind, Kind::Unchanged | Kind::Reworded)).map(|(i, _)| i).collect();
    let olds: Vec<usize> = pairs.iter().map(|&i| result[i].old[0]).collect();
    let kept = longest_increasing(&olds);
    for (k, &i) in pairs.iter().enumerate() {
        if !kept.contains(&k) {
            result[i].moved = true;
        }
    }
}

/// Positions of one longest strictly increasing subsequence (quadratic: a challenge has a few
/// dozen practices at most).
fn longest_increasing(values: &[usize]) -> BTreeSet<usize> {
    let mut length = vec![1usize; values.len()];
    let mut previous = vec![usize::MAX; values.len()];
    for i in 0..values.len() {
        for j in 0..i {
            if values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        }
    }
    let mut kept = BTreeSet::new();
    let mut at = (0..values.len()).max_by_key(|&i| (length[i], std::cmp::Reverse(i)));
    while let Some(i) = at {
        kept.insert(i);
        at = (previous[i] != usize::MAX).then_some(previous[i]);
    }
    kept
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many entries of each kind (moved counted apart), for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub unchanged: usize,
    pub reworded: usize,
    pub moved: usize,
    pub merged: usize,
    pub split: usize,
    pub new: usize,
    pub dropped: usize,
}

pub fn summary(alignments: &[Alignment]) -> Summary {
    let mut s = Summary::default();
    for a in alignments {
        match a.kind {
            Kind::Unchanged => s.unchanged += 1,
            Kind::Reworded => s.reworded += 1,
            Kind::Merged => s.merged += 1,
            Kind::Split => s.split += 1,
            Kind::New => s.new += 1,
            Kind::Dropped => s.dropped += 1,
        }
        s.moved += usize::from(a.moved);
    }
    s
}

/// A stretch of text in a word comparison.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Words {
    Same(String),
    Removed(String),
    Added(String),
}

/// The words that changed from `old` to `new` (characters in Chinese, written without spaces).
pub fn word_changes(lang: &str, old: &str, new: &str) -> Vec<Words> {
    let diff = if lang.starts_with("zh") { TextDiff::from_chars(old, new) } else { TextDiff::from_words(old, new) };
    let mut out: Vec<Words> = Vec::new();
    // A changed phrase reads as one: the removed and the added words of a run of changes are
    // gathered, across the single spaces between them.
    let (mut removed, mut added, mut space) = (String::new(), String::new(), String::new());
    for change in diff.iter_all_changes() {
        let text = change.value();
        let pending = !removed.is_empty() || !added.is_empty();
        match change.tag() {
            ChangeTag::Equal if pending && text.trim().is_empty() => space.push_str(text),
            ChangeTag::Equal => {
                flush(&mut out, &mut removed, &mut added);
                let same = std::mem::take(&mut space) + text;
                match out.last_mut() {
                    Some(Words::Same(before)) => before.push_str(&same),
                    _ => out.push(Words::Same(same)),
                }
            }
            tag => {
                for side in [&mut removed, &mut added] {
                    if !side.is_empty() {
                        side.push_str(&space);
                    }
                }
                space.clear();
                if tag == ChangeTag::Delete { removed.push_str(text) } else { added.push_str(text) }
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    if !space.is_empty() {
        out.push(Words::Same(space));
    }
    out
}

fn flush(out: &mut Vec<Words>, removed: &mut String, added: &mut String) {
    if !removed.is_empty() {
        out.push(Words::Removed(std::mem::take(removed)));
    }
    if !added.is_empty() {
        out.push(Words::Added(std::mem::take(added)));
    }
}
