//! Any bytes, read as what browser storage holds, by the stored-data
//! decoder (`format::decode_workspace`), three ways: as plain text (as
//! Clientele before packing stored it), as that text packed (as storage
//! keeps it now), and as the zlib stream inside a packed envelope, so that
//! broken and forged streams (zip bombs) are tried too. Nothing may panic,
//! and packing never changes what is read. The same text also stands for
//! every chunk of profiles a manifest lists (`format::stored`), read and
//! put back for a download.
#![no_main]

use clientele::format::stored::{decode_stored, file_text};
use clientele::format::{FormatError, decode_workspace, pack, packed_stream};
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
    let _ = decode_workspace(&packed_stream(data));
    let chunk = pack(&text);
    let _ = decode_stored(&chunk, &mut |_| Some(chunk.clone()));
    let _ = file_text(&chunk, &mut |_| Some(text.to_string()));
});

