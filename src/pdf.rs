//! Reads on which page each named destination of a PDF lies, so `toolkit handout` can print page
//! numbers in its table of contents (Chromium does not support CSS `target-counter`). Chromium
//! names a destination for every element an internal link points to. Only the plain structure
//! Chromium writes is understood (a cross-reference table, objects outside compressed streams, a
//! `/Dests` dictionary); anything else yields no numbers rather than wrong ones.

use std::collections::BTreeMap;

/// The characters that end a PDF token besides white space.
const DELIMITERS: &[u8] = b"[]<>()/{}%";

/// Destination name → page number (1-based). Empty if the file is not understood.
pub fn destination_pages(pdf: &[u8]) -> BTreeMap<String, u32> {
    read(pdf).unwrap_or_default()
}

fn read(pdf: &[u8]) -> Option<BTreeMap<String, u32>> {
    let offsets = cross_references(pdf)?;
    let object = |number: u32| object_at(pdf, *offsets.get(&number)?, number);
    let trailer = &pdf[rfind(pdf, b"trailer")?..];
    let catalog = object(reference_after(trailer, b"/Root")?)?;
    let mut pages = Vec::new();
    collect_pages(&object, reference_after(catalog, b"/Pages")?, &mut pages, 0)?;
    let page_number: BTreeMap<u32, u32> = pages.iter().enumerate().map(|(index, page)| (*page, index as u32 + 1)).collect();
    let destinations = named_destinations(object(reference_after(catalog, b"/Dests")?)?);
    Some(destinations.into_iter().filter_map(|(name, page)| Some((name, *page_number.get(&page)?))).collect())
}

/// Object number → byte offset, from the table that `startxref` points to.
fn cross_references(pdf: &[u8]) -> Option<BTreeMap<u32, usize>> {
    let start: usize = first_number(&pdf[rfind(pdf, b"startxref")? + 9..])?.try_into().ok()?;
    let rest = pdf.get(start..)?.strip_prefix(b"xref")?;
    // The table and trailer are ASCII; whatever follows them need not be.
    let end = rest.iter().position(|b| !b.is_ascii()).unwrap_or(rest.len());
    let table = std::str::from_utf8(&rest[..end]).ok()?;
    let mut offsets = BTreeMap::new();
    let mut lines = table.lines().map(str::trim).filter(|l| !l.is_empty());
    while let Some(header) = lines.next() {
        let mut words = header.split_whitespace();
        let (Some(first), Some(count), None) = (words.next(), words.next(), words.next()) else { break };
        let (Ok(first), Ok(count)) = (first.parse::<u32>(), count.parse::<u32>()) else { break };
        for number in first..first + count {
            let entry: Vec<&str> = lines.next()?.split_whitespace().collect();
            if entry.len() == 3 && entry[2] == "n" {
                offsets.insert(number, entry[0].parse().ok()?);
            }
        }
    }
    Some(offsets)
}

/// The body of object `number` (from "N 0 obj" to "endobj") at `offset`.
fn object_at(pdf: &[u8], offset: usize, number: u32) -> Option<&[u8]> {
    let rest = pdf.get(offset..)?;
    let header = format!("{number} 0 obj");
    if !rest.starts_with(header.as_bytes()) {
        return None;
    }
    let body = &rest[header.len()..];
    Some(&body[..find(body, b"endobj")?])
}

fn collect_pages<'a>(object: &impl Fn(u32) -> Option<&'a [u8]>, node: u32, pages: &mut Vec<u32>, depth: u32) -> Option<()> {
    if depth > 32 {
        return None;
    }
    let body = object(node)?;
    match find(body, b"/Kids") {
        None => pages.push(node),
        Some(at) => {
            let list = &body[at..];
            let list = &list[find(list, b"[")? + 1..find(list, b"]")?];
            for kid in references(list) {
                collect_pages(object, kid, pages, depth + 1)?;
            }
        }
    }
    Some(())
}

/// The entries of a `/Dests` dictionary: `/name [page-ref /XYZ x y zoom]`.
fn named_destinations(dictionary: &[u8]) -> Vec<(String, u32)> {
    let mut found = Vec::new();
    let mut rest = dictionary;
    while let Some(slash) = find(rest, b"/") {
        rest = &rest[slash + 1..];
        let end = rest.iter().position(|b| b.is_ascii_whitespace() || DELIMITERS.contains(b)).unwrap_or(rest.len());
        let name = decode_name(&rest[..end]);
        rest = &rest[end..];
        let Some(open) = rest.iter().position(|b| !b.is_ascii_whitespace()).filter(|i| rest[*i] == b'[') else { continue };
        let Some(close) = find(rest, b"]") else { break };
        if let Some(page) = references(&rest[open + 1..close]).first().copied() {
            found.push((name, page));
        }
        rest = &rest[close + 1..];
    }
    found
}

/// A name with its `#xx` escapes decoded.
fn decode_name(raw: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let hex = raw.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (raw[i], hex) {
            (b'#', Some(byte)) => {
                bytes.push(byte);
                i += 3;
            }
            (byte, _) => {
                bytes.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The object numbers of the "N G R" references in `text`, in order.
fn references(text: &[u8]) -> Vec<u32> {
    let words: Vec<&[u8]> = text.split(|b| b.is_ascii_whitespace() || DELIMITERS.contains(b)).filter(|w| !w.is_empty()).collect();
    words
        .windows(3)
        .filter(|w| w[2] == b"R" && w[1].iter().all(u8::is_ascii_digit))
        .filter_map(|w| std::str::from_utf8(w[0]).ok()?.parse().ok())
        .collect()
}

/// The reference that follows `key` in a dictionary, e.g. "/Root 12 0 R".
fn reference_after(text: &[u8], key: &[u8]) -> Option<u32> {
    let mut at = 0;
    while let Some(found) = find(&text[at..], key) {
        let after = at + found + key.len();
        // "/Pages" must not match "/PagesX": the key ends where a delimiter starts.
        if text.get(after).is_some_and(|b| b.is_ascii_whitespace() || DELIMITERS.contains(b)) {
            return references(&text[after..text.len().min(after + 32)]).first().copied();
        }
        at = after;
    }
    None
}

fn first_number(text: &[u8]) -> Option<u64> {
    let start = text.iter().position(u8::is_ascii_digit)?;
    let digits = text[start..].iter().take_while(|b| b.is_ascii_digit()).count();
    std::str::from_utf8(&text[start..start + digits]).ok()?.parse().ok()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF shaped like Chromium's: two levels of page tree, three pages, named destinations
    /// (one escaped), offsets in the cross-reference table computed as the file is assembled.
    fn sample() -> Vec<u8> {
        let objects = [
            "<</Type /Catalog\n/Pages 2 0 R\n/Dests 7 0 R>>",
            "<</Type /Pages\n/Count 3\n/Kids [3 0 R 6 0 R]>>",
            "<</Type /Pages\n/Count 2\n/Kids [4 0 R 5 0 R]\n/Parent 2 0 R>>",
            "<</Type /Page\n/Parent 3 0 R>>",
            "<</Type /Page\n/Parent 3 0 R>>",
            "<</Type /Page\n/Parent 2 0 R>>",
            "<</c-3.7.a [5 0 R /XYZ 0 761.66998 0]\n/s-3.7 [4 0 R /XYZ 0 827.66998 0]\n/sources#2Dcited [6 0 R /XYZ 0 828 0]>>",
        ];
        let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::new();
        for (index, body) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", index + 1).as_bytes());
        }
        let xref = pdf.len();
        pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for offset in offsets {
            pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(format!("trailer\n<</Size 8\n/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF").as_bytes());
        pdf
    }

    #[test]
    fn finds_the_page_of_each_destination() {
        let pages = destination_pages(&sample());
        let expected: BTreeMap<String, u32> =
            [("c-3.7.a", 2), ("s-3.7", 1), ("sources-cited", 3)].into_iter().map(|(n, p)| (n.to_string(), p)).collect();
        assert_eq!(pages, expected);
    }

    #[test]
    fn anything_else_gives_no_numbers() {
        assert!(destination_pages(b"").is_empty());
        assert!(destination_pages(b"%PDF-1.7\nstartxref\n999999\n%%EOF").is_empty());
        let mut truncated = sample();
        truncated.truncate(truncated.len() / 2);
        assert!(destination_pages(&truncated).is_empty());
        // A catalog without /Dests (e.g. names kept in a /Names tree).
        let without = String::from_utf8_lossy(&sample()).replace("/Dests 7 0 R", "/Destz 7 0 R").into_bytes();
        assert!(destination_pages(&without).is_empty());
    }
}
