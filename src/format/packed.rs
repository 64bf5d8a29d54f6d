//! The packed form in which browser storage keeps the workspace.
//!
//! Browsers allow a site about five million UTF-16 characters of
//! localStorage, and the plain file text of a typical profile takes about
//! 2,400 of them, so only about 2,200 profiles would fit. Packed, the same
//! file text is compressed with zlib and the compressed bytes are written 15
//! bits to a character: a fifth of the characters or less.
//!
//! The packed text is a small Clientele envelope of its own:
//!
//! ```json
//! {"format":"clientele","schema_version":3,"packing":"zlib-15","bytes":5316,"data":"…"}
//! ```
//!
//! - `data` holds the zlib stream (RFC 1950) of the whole file text, envelope
//!   included. Each character is U+0800 plus the next 15 bits of the stream,
//!   most significant bit first; the last is padded with zero bits. No such
//!   character is a control character, a quote, a backslash or half of a
//!   surrogate pair, so JSON needs no escapes and every browser keeps the
//!   text exactly.
//! - `bytes` is the length of the stream, which the padding would otherwise
//!   leave in doubt.
//! - The stream's own checksum catches damage.
//! - Its `schema_version` is the one of the file inside. Clientele from
//!   before packing (schema version 2) reads it as data from a newer version
//!   and leaves it alone instead of setting it aside as unreadable.
//!
//! Exported files are never packed: people and other programs read them.

use super::FormatError;
use crate::t;
use miniz_oxide::inflate::TINFLStatus;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The name of the one packing this version writes and reads.
pub const PACKING: &str = "zlib-15";

/// The first character used; the 32,768 from here on are all ordinary.
const FIRST_CHAR: u32 = 0x0800;

/// Bits each character carries.
pub(super) const BITS: u32 = 15;

/// zlib's fastest level: saving 2,000 profiles stays quick, and the
/// stronger levels pack only a fifth tighter.
const LEVEL: u8 = 1;

/// The most a packed workspace may unpack to: the most file text any
/// workspace that fits in storage takes ([`super::MAX_FILE_BYTES`], which
/// says why), so that a forged stream (a zip bomb) stops here instead of
/// filling the tab's memory. Far below 4 GiB, so exact in wasm's 32-bit
/// `usize`.
const MAX_UNPACKED_BYTES: usize = super::MAX_FILE_BYTES as usize;

#[derive(Serialize, Deserialize)]
struct Packed<'a> {
    format: &'a str,
    schema_version: u32,
    packing: &'a str,
    bytes: usize,
    data: &'a str,
}

/// Packs the text of a Clientele file written at `schema_version`.
pub fn pack(file_text: &str, schema_version: u32) -> String {
    let stream = miniz_oxide::deflate::compress_to_vec_zlib(file_text.as_bytes(), LEVEL);
    envelope(&stream, schema_version)
}

/// A zlib `stream` in a packed envelope of `schema_version`.
pub fn envelope(stream: &[u8], schema_version: u32) -> String {
    let packed = Packed {
        format: super::FORMAT_NAME,
        schema_version,
        packing: PACKING,
        bytes: stream.len(),
        data: &to_chars(stream),
    };
    // A struct of strings and numbers always serialises.
    serde_json::to_string(&packed).expect("a packed envelope serialises")
}

/// Whether an opened envelope holds packed data rather than plain `data`.
pub fn is_packed(envelope: &Map<String, Value>) -> bool {
    envelope.contains_key("packing")
}

/// The file text inside a packed envelope whose `format` and version have
/// been checked.
pub fn unpack(envelope: Map<String, Value>) -> Result<String, FormatError> {
    let damaged = |detail: &str| FormatError::Damaged {
        detail: detail.to_owned(),
    };
    let packing = envelope.get("packing").and_then(Value::as_str);
    if packing != Some(PACKING) {
        return Err(damaged(t!(shell_packed_unknown_packing)));
    }
    let bytes = envelope
        .get("bytes")
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| damaged(t!(shell_packed_length_missing)))?;
    let chars = envelope
        .get("data")
        .and_then(Value::as_str)
        .ok_or_else(|| damaged(t!(shell_packed_data_missing)))?;
    let stream = from_chars(chars, bytes).map_err(damaged)?;
    let text = inflate(&stream, MAX_UNPACKED_BYTES).map_err(|status| match status {
        TINFLStatus::HasMoreOutput => FormatError::UnpacksTooLarge {
            limit: super::MAX_FILE_BYTES,
        },
        _ => damaged(t!(shell_packed_broken)),
    })?;
    String::from_utf8(text).map_err(|_| damaged(t!(shell_packed_not_utf8)))
}

/// Inflates a zlib stream to at most `limit` bytes; a stream that holds
/// more fails with [`TINFLStatus::HasMoreOutput`] once `limit` bytes are
/// out.
///
/// miniz_oxide's own `decompress_to_vec_zlib_with_limit` caps the length
/// of its output but grows the vector with `resize`, whose amortised
/// growth doubles the capacity: from just over half the limit it asks for
/// almost twice the limit. Here the capacity grows exactly, so no more than
/// `limit` bytes are ever asked for.
fn inflate(stream: &[u8], limit: usize) -> Result<Vec<u8>, TINFLStatus> {
    use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};
    // The whole output is one buffer (earlier output is the history that
    // matches copy from), and the zlib header and checksum are checked.
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    // Packed workspaces are some six times their stream; start there.
    let mut out = vec![0u8; stream.len().saturating_mul(6).clamp(1, limit.max(1))];
    let mut inflater = Box::<DecompressorOxide>::default();
    let (mut input, mut written) = (stream, 0);
    loop {
        let (status, read, wrote) = decompress(&mut inflater, input, &mut out, written, flags);
        input = input.get(read..).unwrap_or_default();
        written += wrote;
        match status {
            TINFLStatus::Done => {
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput if out.len() < limit => {
                let grown = out.len().saturating_mul(2).min(limit);
                out.reserve_exact(grown - out.len());
                out.resize(grown, 0);
            }
            other => return Err(other),
        }
    }
}

/// Bytes as characters, 15 bits each.
fn to_chars(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / BITS as usize * 3 + 3);
    let (mut held, mut count) = (0u32, 0u32);
    for &byte in bytes {
        held = (held << 8) | u32::from(byte);
        count += 8;
        if count >= BITS {
            count -= BITS;
            out.push(char_for(held >> count));
            held &= (1 << count) - 1;
        }
    }
    if count > 0 {
        out.push(char_for(held << (BITS - count)));
    }
    out
}

fn char_for(value: u32) -> char {
    char::from_u32(FIRST_CHAR + value).expect("U+0800 to U+87FF are characters")
}

/// The first `len` bytes the characters hold; the characters must be
/// exactly as many as `len` bytes need.
fn from_chars(chars: &str, len: usize) -> Result<Vec<u8>, &'static str> {
    let needed = len
        .checked_mul(8)
        .map(|bits| bits.div_ceil(BITS as usize))
        .ok_or(t!(shell_packed_length_impossible))?;
    if chars.chars().count() != needed {
        return Err(t!(shell_packed_length_mismatch));
    }
    let mut out = Vec::with_capacity(len);
    let (mut held, mut count) = (0u32, 0u32);
    for c in chars.chars() {
        let value = u32::from(c)
            .checked_sub(FIRST_CHAR)
            .filter(|v| *v < 1 << BITS)
            .ok_or(t!(shell_packed_foreign_character))?;
        held = (held << BITS) | value;
        count += BITS;
        while count >= 8 && out.len() < len {
            count -= 8;
            out.push((held >> count) as u8);
        }
        held &= (1 << count) - 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened(packed: &str) -> Map<String, Value> {
        serde_json::from_str(packed).unwrap()
    }

    #[test]
    fn packed_text_unpacks_to_exactly_the_same_text() {
        for text in [
            "",
            "a",
            "{\"name\":\"Żółć 🦀\"}",
            &"Acme sales ".repeat(5_000),
        ] {
            let packed = pack(text, 3);
            assert_eq!(unpack(opened(&packed)).unwrap(), text);
        }
    }

    #[test]
    fn every_length_of_stream_comes_back_whole() {
        // 15-bit characters end on a byte boundary only every 8 characters.
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 255) as u8).collect();
            assert_eq!(from_chars(&to_chars(&bytes), len).unwrap(), bytes, "{len}");
        }
    }

    #[test]
    fn packed_text_is_ordinary_characters_and_much_shorter() {
        let text = format!(
            "{{\"profiles\":[{}]}}",
            (0..200)
                .map(|n| format!("{{\"name\":\"Company {n}\",\"industry\":\"Manufacturing\"}}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let packed = pack(&text, 3);
        let envelope = opened(&packed);
        let data = envelope["data"].as_str().unwrap();
        assert!(data.chars().all(|c| ('\u{800}'..='\u{87ff}').contains(&c)));
        // No escapes: the JSON is the data plus a short head.
        assert!(packed.encode_utf16().count() < data.encode_utf16().count() + 100);
        assert!(packed.encode_utf16().count() * 5 < text.encode_utf16().count());
    }

    #[test]
    fn the_envelope_says_what_it_is() {
        let envelope = opened(&pack("{}", 3));
        assert_eq!(envelope["format"], "clientele");
        assert_eq!(envelope["schema_version"], 3);
        assert_eq!(envelope["packing"], PACKING);
        assert!(is_packed(&envelope));
        assert!(!is_packed(&opened(r#"{"format":"clientele","data":{}}"#)));
    }

    #[test]
    fn inflating_stops_at_the_limit_and_never_asks_for_more() {
        let text = "Acme sales ".repeat(10_000);
        let stream = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), LEVEL);
        assert_eq!(inflate(&stream, text.len()).unwrap(), text.as_bytes());
        assert_eq!(inflate(&stream, 1 << 20).unwrap(), text.as_bytes());
        assert_eq!(
            inflate(&stream, text.len() - 1),
            Err(TINFLStatus::HasMoreOutput)
        );
        // A limit that no doubling of the first buffer reaches exactly.
        let limit = text.len() / 2 + 1;
        assert_eq!(inflate(&stream, limit), Err(TINFLStatus::HasMoreOutput));
        assert!(inflate(&stream[..stream.len() / 2], 1 << 20).is_err());
    }

    #[test]
    fn damaged_packed_data_is_refused_never_misread() {
        let packed = opened(&pack(&"Acme sales ".repeat(100), 3));
        let data = packed["data"].as_str().unwrap().to_owned();
        let mut flipped: Vec<char> = data.chars().collect();
        let middle = flipped.len() / 2;
        flipped[middle] = char::from_u32(u32::from(flipped[middle]) ^ 1).unwrap();
        let cut: String = data.chars().take(data.chars().count() - 1).collect();
        let with = |field: &str, value: Value| {
            let mut envelope = packed.clone();
            envelope.insert(field.to_owned(), value);
            envelope
        };
        let without = |field: &str| {
            let mut envelope = packed.clone();
            envelope.remove(field);
            envelope
        };
        let cases = [
            (
                "a flipped bit",
                with("data", flipped.into_iter().collect::<String>().into()),
            ),
            ("a cut end", with("data", cut.into())),
            ("a foreign character", with("data", "abc".into())),
            ("a wrong length", with("bytes", 3.into())),
            ("another packing", with("packing", "gzip".into())),
            ("no length", without("bytes")),
            ("no data", without("data")),
        ];
        for (what, envelope) in cases {
            assert!(
                matches!(unpack(envelope), Err(FormatError::Damaged { .. })),
                "{what}"
            );
        }
    }
}
