//! Bytes to a Rust string: decompression, byte-order marks, UTF-16/32, NUL bytes, lossy UTF-8.
//!
//! Scrapers save pages gzip- or zstd-compressed, Windows tools write UTF-16, database dumps
//! leave NUL bytes in text columns; none of that is binary junk. Compressed input is
//! recognised by its magic bytes (whatever the file is called) and inflated through a reader
//! capped at the caller's size limit, so a zip bomb stops at the limit as a `too_large` error
//! instead of filling memory. UTF-16 and UTF-32 are recognised by their byte-order mark or,
//! without one, by the pattern of zero bytes ASCII text leaves in them.

use crate::model::ErrorKind;
use std::io::Read;

/// A decoding failure: what kind, and a message a person can act on.
pub type Failure = (ErrorKind, String);

/// Text decoded from bytes, with warnings about anything repaired on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Decompresses (when compressed) and decodes `bytes` into text no longer than `max_bytes`.
pub fn decode_bytes(bytes: &[u8], max_bytes: usize) -> Result<Text, Failure> {
    let mut warnings = Vec::new();
    let inflated;
    let bytes = match compression(bytes) {
        Some(kind) => {
            inflated = decompress(bytes, kind, max_bytes)?;
            warnings.push(format!("{kind}-compressed input decompressed"));
            inflated.as_slice()
        }
        None => bytes,
    };
    if bytes.len() > max_bytes {
        return Err(too_large(bytes.len(), max_bytes));
    }
    let (mut text, repaired) = match wide_encoding(bytes) {
        Some(wide) => decode_wide(bytes, wide),
        None => decode_utf8(bytes)?,
    };
    warnings.extend(repaired);
    if text.contains('\0') {
        let n = text.matches('\0').count();
        text = text.replace('\0', "");
        warnings.push(format!("{n} NUL byte(s) removed"));
    }
    Ok(Text { text, warnings })
}

/// A size as a person reads it: bytes below a megabyte ("1000 bytes"), else "20.0 MB".
pub fn byte_size(n: usize) -> String {
    if n < 1_000_000 {
        format!("{n} bytes")
    } else {
        format!("{:.1} MB", n as f64 / 1e6)
    }
}

/// The error for an input above the limit.
pub fn too_large(len: usize, max_bytes: usize) -> Failure {
    (
        ErrorKind::TooLarge,
        format!(
            "input is {}, above the {} limit for one article; split it or raise `max_bytes`",
            byte_size(len),
            byte_size(max_bytes)
        ),
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    Gzip,
    Zstd,
}

impl std::fmt::Display for Compression {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        })
    }
}

fn compression(bytes: &[u8]) -> Option<Compression> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        Some(Compression::Gzip)
    } else if bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some(Compression::Zstd)
    } else {
        None
    }
}

/// Inflates through a reader that stops one byte past the limit: past it is `too_large`.
fn decompress(bytes: &[u8], kind: Compression, max_bytes: usize) -> Result<Vec<u8>, Failure> {
    let limit = max_bytes as u64 + 1;
    let mut out = Vec::new();
    let read = match kind {
        Compression::Gzip => flate2::read::MultiGzDecoder::new(bytes)
            .take(limit)
            .read_to_end(&mut out),
        Compression::Zstd => zstd::stream::read::Decoder::new(bytes)
            .and_then(|d| d.take(limit).read_to_end(&mut out)),
    };
    if let Err(e) = read {
        return Err((
            ErrorKind::Decode,
            format!("{kind}-compressed input is corrupt or truncated ({e})"),
        ));
    }
    if out.len() > max_bytes {
        return Err((
            ErrorKind::TooLarge,
            format!(
                "{kind}-compressed input inflates beyond the {} limit for one article; raise `max_bytes` if it is real",
                byte_size(max_bytes)
            ),
        ));
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wide {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

/// UTF-16/32 by byte-order mark, or by where mostly-ASCII text in them leaves zero bytes.
fn wide_encoding(bytes: &[u8]) -> Option<Wide> {
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) {
        return Some(Wide::Utf32Le);
    }
    if bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Some(Wide::Utf32Be);
    }
    if bytes.starts_with(&[0xff, 0xfe]) {
        return Some(Wide::Utf16Le);
    }
    if bytes.starts_with(&[0xfe, 0xff]) {
        return Some(Wide::Utf16Be);
    }
    let head = &bytes[..bytes.len().min(4096) & !3];
    if head.len() < 8 {
        return None;
    }
    let zero_share = |step: usize, offset: usize| {
        let picked = head.iter().skip(offset).step_by(step);
        picked.clone().filter(|&&b| b == 0).count() as f32 / picked.count().max(1) as f32
    };
    let quads = |o: usize| zero_share(4, o);
    if quads(1) > 0.9 && quads(2) > 0.9 && quads(3) > 0.9 && quads(0) < 0.5 {
        return Some(Wide::Utf32Le);
    }
    if quads(0) > 0.9 && quads(1) > 0.9 && quads(2) > 0.9 && quads(3) < 0.5 {
        return Some(Wide::Utf32Be);
    }
    let (even, odd) = (zero_share(2, 0), zero_share(2, 1));
    if odd > 0.6 && even < 0.1 {
        Some(Wide::Utf16Le)
    } else if even > 0.6 && odd < 0.1 {
        Some(Wide::Utf16Be)
    } else {
        None
    }
}

fn decode_wide(bytes: &[u8], wide: Wide) -> (String, Vec<String>) {
    let mut bad = 0usize;
    let text: String = match wide {
        Wide::Utf16Le | Wide::Utf16Be => {
            let units = bytes.chunks_exact(2).map(|c| match wide {
                Wide::Utf16Le => u16::from_le_bytes([c[0], c[1]]),
                _ => u16::from_be_bytes([c[0], c[1]]),
            });
            char::decode_utf16(units)
                .map(|r| {
                    r.unwrap_or_else(|_| {
                        bad += 1;
                        '\u{fffd}'
                    })
                })
                .collect()
        }
        Wide::Utf32Le | Wide::Utf32Be => bytes
            .chunks_exact(4)
            .map(|c| {
                let arr = [c[0], c[1], c[2], c[3]];
                let v = match wide {
                    Wide::Utf32Le => u32::from_le_bytes(arr),
                    _ => u32::from_be_bytes(arr),
                };
                char::from_u32(v).unwrap_or_else(|| {
                    bad += 1;
                    '\u{fffd}'
                })
            })
            .collect(),
    };
    let name = match wide {
        Wide::Utf16Le => "UTF-16LE",
        Wide::Utf16Be => "UTF-16BE",
        Wide::Utf32Le => "UTF-32LE",
        Wide::Utf32Be => "UTF-32BE",
    };
    let mut warnings = vec![format!("decoded as {name}")];
    if bad > 0 {
        warnings.push(format!(
            "invalid {name}: {bad} code unit(s) replaced with U+FFFD"
        ));
    }
    let text = text.trim_start_matches('\u{feff}').to_string();
    (text, warnings)
}

/// UTF-8, lossily; input that is mostly NUL, control bytes or undecodable is binary.
fn decode_utf8(bytes: &[u8]) -> Result<(String, Vec<String>), Failure> {
    if looks_binary(bytes) {
        return Err((
            ErrorKind::Format,
            "input looks binary (control bytes or undecodable data), not text, HTML or JSON".into(),
        ));
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let replaced = lossy.matches('\u{fffd}').count();
            warnings.push(format!(
                "invalid UTF-8: {replaced} undecodable byte sequence(s) replaced with U+FFFD"
            ));
            lossy
        }
    };
    Ok((text.trim_start_matches('\u{feff}').to_string(), warnings))
}

/// Many NUL or C0 control bytes, or mostly undecodable bytes, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().filter(|&&b| b == 0).count();
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if nul * 20 > head.len() || controls * 10 > head.len() {
        return true;
    }
    let lossy = String::from_utf8_lossy(head);
    let chars = lossy.chars().count().max(1);
    lossy.matches('\u{fffd}').count() * 5 > chars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xff, 0xfe] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        out
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let s = "Ministers met in Genève on Tuesday.";
        assert_eq!(decode_bytes(&utf16le(s, true), 1 << 20).unwrap().text, s);
        assert_eq!(decode_bytes(&utf16le(s, false), 1 << 20).unwrap().text, s);
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode_bytes(&be, 1 << 20).unwrap().text, s);
    }

    #[test]
    fn utf32_with_and_without_bom() {
        let s = "Ministers met in Genève on Tuesday.";
        let le: Vec<u8> = s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        assert_eq!(decode_bytes(&le, 1 << 20).unwrap().text, s);
        let mut be = vec![0, 0, 0xfe, 0xff];
        be.extend(s.chars().flat_map(|c| (c as u32).to_be_bytes()));
        assert_eq!(decode_bytes(&be, 1 << 20).unwrap().text, s);
    }

    #[test]
    fn nul_bytes_are_removed_with_a_warning() {
        let t = decode_bytes(b"Hello\0 world, this is a longer text.", 1 << 20).unwrap();
        assert_eq!(t.text, "Hello world, this is a longer text.");
        assert!(t.warnings.iter().any(|w| w.contains("NUL")));
    }

    #[test]
    fn gzip_and_zstd_are_decompressed() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"Body text.").unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(decode_bytes(&gz, 1 << 20).unwrap().text, "Body text.");
        let zst = zstd::encode_all(&b"Body text."[..], 3).unwrap();
        assert_eq!(decode_bytes(&zst, 1 << 20).unwrap().text, "Body text.");
    }

    #[test]
    fn a_zip_bomb_stops_at_the_limit() {
        let zst = zstd::encode_all(&vec![b'a'; 8 << 20][..], 1).unwrap();
        assert!(zst.len() < 1 << 16);
        let (kind, message) = decode_bytes(&zst, 1 << 20).unwrap_err();
        assert_eq!(kind, ErrorKind::TooLarge);
        assert!(message.contains("inflates"));
    }

    #[test]
    fn corrupt_gzip_is_a_decode_error() {
        let (kind, _) = decode_bytes(&[0x1f, 0x8b, 8, 0, 1, 2, 3], 1 << 20).unwrap_err();
        assert_eq!(kind, ErrorKind::Decode);
    }

    #[test]
    fn random_bytes_are_binary() {
        let junk: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert_eq!(
            decode_bytes(&junk, 1 << 20).unwrap_err().0,
            ErrorKind::Format
        );
    }
}
