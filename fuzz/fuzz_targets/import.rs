//! Any bytes, read as an imported file: through the format module (parse,
//! envelope, migrations, per-record checks) to the merge preview and the
//! merge itself. Nothing may panic; every crash found becomes a fixture in
//! `tests/fixtures/bad/`.
#![no_main]

use clientele::domain::share::merge::{MergeChoices, apply, preview};
use clientele::domain::{Timestamp, Workspace};
use clientele::format::decode_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The browser reads a chosen file as UTF-8, replacing what is not.
    let text = String::from_utf8_lossy(data);
    let Ok(file) = decode_file(&text) else { return };
    let now: Timestamp = "2026-11-22T09:00:00Z".parse().unwrap();
    let here = Workspace::new(now);
    let _ = preview(&here, std::slice::from_ref(&file.incoming), &MergeChoices::default());
    let merged = apply(&here, std::slice::from_ref(&file.incoming), &MergeChoices::default());
    // Importing the same file again changes nothing.
    assert!(preview(&merged, std::slice::from_ref(&file.incoming), &MergeChoices::default()).changes_nothing());
});
