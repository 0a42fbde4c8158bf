//! A short, stable fingerprint of a text, so a translation can record which version of its
//! English original it translates, and which version of a published file a reader saved for
//! offline reading. Not for security: it only has to notice edits.

/// FNV-1a over the text with line endings normalised, as 16 hex digits.
pub fn text_hash(text: &str) -> String {
    fnv(text.bytes().filter(|&b| b != b'\r'))
}

/// Whether `text` looks like a hash these functions write (16 lower-case hex digits).
pub fn is_hash(text: &str) -> bool {
    text.len() == 16 && text.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
}

/// The start of SHA-256 over exact bytes (a file as published), as 16 hex digits. Every file a
/// build writes is hashed: SHA-256 runs in the processor's own instructions where it has them,
/// at twice FNV's speed byte by byte, and a rebuild keeps a file whose hash has not changed.
pub fn bytes_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)[..8].iter().map(|b| format!("{b:02x}")).collect()
}

fn fnv(bytes: impl Iterator<Item = u8>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_line_ending_blind() {
        assert_eq!(text_hash("a\nb\n"), text_hash("a\r\nb\r\n"));
        assert_ne!(text_hash("a\nb\n"), text_hash("a\nc\n"));
        assert_eq!(text_hash(""), "cbf29ce484222325");
    }
}
