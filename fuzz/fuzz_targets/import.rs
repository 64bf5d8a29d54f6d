//! Any bytes, read as an imported file: through the format module (parse,
//! envelope, migrations, per-record checks) to the merge preview and the
//! merge itself, into an empty workspace and into the example workspace
//! (so that changed, merged, conflicting and deleted records all come up,
//! with the default choices and with every conflict taken from the file).
//! Nothing may panic; every crash found becomes a fixture in
//! `tests/fixtures/bad/`.
#![no_main]

use clientele::domain::share::merge::{MergeChoices, Resolution, apply, preview};
use clientele::domain::{Timestamp, Workspace};
use clientele::format::{decode_file, decode_workspace};
use libfuzzer_sys::fuzz_target;

const EXAMPLE: &str = include_str!("../../public/example.clientele.json");

fuzz_target!(|data: &[u8]| {
    // The browser reads a chosen file as UTF-8, replacing what is not.
    let text = String::from_utf8_lossy(data);
    let Ok(file) = decode_file(&text) else { return };
    let now: Timestamp = "2026-11-22T09:00:00Z".parse().unwrap();
    let parts = std::slice::from_ref(&file.incoming);
    let example = decode_workspace(EXAMPLE).expect("the example opens");
    for here in [Workspace::new(now), example] {
        let defaults = MergeChoices::default();
        let shown = preview(&here, parts, &defaults);
        let merged = apply(&here, parts, &defaults);
        // Importing the same file again changes nothing.
        assert!(preview(&merged, parts, &defaults).changes_nothing());
        // Every question answered the other way.
        let theirs = MergeChoices {
            resolutions: shown
                .records
                .iter()
                .map(|r| ((r.part, r.id), Resolution::TakeTheirs))
                .collect(),
            ..MergeChoices::default()
        };
        let _ = apply(&here, parts, &theirs);
    }
});
