//! Any bytes, read as what browser storage holds, by the stored-data
//! decoder (`format::decode_workspace`), three ways: as plain text (as
//! Clientele before packing stored it), as that text packed (as storage
//! keeps it now), and as the zlib stream inside a packed envelope, so that
//! broken and forged streams (zip bombs) are tried too. Nothing may panic,
//! and packing never changes what is read.
#![no_main]

use clientele::format::{FormatError, decode_workspace, pack};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let plain = decode_workspace(&text);
    let packed = decode_workspace(&pack(&text));
    match (&plain, &packed) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        // Packed text packed again is refused as packed twice.
        (Ok(_), Err(FormatError::Damaged { .. })) => {}
        (Ok(_), Err(e)) => panic!("reads plain but not packed: {e}"),
        _ => {}
    }
    let _ = decode_workspace(&as_stream(data));
});

/// `stream` as the zlib stream of a packed envelope: each character U+0800
/// plus the next 15 bits, the last padded with zeros.
fn as_stream(stream: &[u8]) -> String {
    let mut chars = String::new();
    let (mut held, mut count) = (0u32, 0u32);
    let mut push = |value: u32| chars.push(char::from_u32(0x800 + value).unwrap());
    for &byte in stream {
        held = (held << 8) | u32::from(byte);
        count += 8;
        if count >= 15 {
            count -= 15;
            push(held >> count);
            held &= (1 << count) - 1;
        }
    }
    if count > 0 {
        push(held << (15 - count));
    }
    format!(
        r#"{{"format":"clientele","schema_version":3,"packing":"zlib-15","bytes":{},"data":"{chars}"}}"#,
        stream.len()
    )
}
