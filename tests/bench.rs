//! Native benchmarks, for comparison with the browser (`make bench` runs
//! them in release mode and writes `target/bench/native.txt`). They time
//! and report; they do not pass or fail on speed.
#![cfg(not(target_arch = "wasm32"))]

mod sample;

use clientele::domain::Date;
use clientele::domain::scoring::{Basis, rank};
use clientele::domain::share::Export;
use clientele::domain::share::merge::{MergeChoices, preview};
use clientele::format::{
    decode_file, decode_workspace, encode_export, encode_stored, encode_workspace,
};
use clientele::storage::tabs::{SaveId, save};
use clientele::storage::{Slots, StorageError, StorageKey};
use std::cell::RefCell;

/// localStorage's workspace key, for the save benchmark.
struct Map(RefCell<Option<String>>);

impl Slots for Map {
    fn read(&self, _: &StorageKey) -> Result<Option<String>, StorageError> {
        Ok(self.0.borrow().clone())
    }
    fn write(&self, _: &StorageKey, text: &str) -> Result<(), StorageError> {
        *self.0.borrow_mut() = Some(text.to_owned());
        Ok(())
    }
    fn remove(&self, _: &StorageKey) -> Result<(), StorageError> {
        *self.0.borrow_mut() = None;
        Ok(())
    }
    fn keys(&self) -> Result<Vec<StorageKey>, StorageError> {
        Ok(vec![StorageKey::Workspace])
    }
}
use sample::{now, typical_workspace};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// The median of `runs` timings of `work`.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

#[test]
#[ignore = "a benchmark: run with `make bench`"]
fn native_benchmarks() {
    let mut report = String::new();
    let today = Date::new(2026, 11, 22).unwrap();

    let big = typical_workspace(10_000);
    let model = big.model().unwrap().clone();
    let t = median(5, || {
        drop(rank(&model, &big.profiles, &Basis::one_currency(today)))
    });
    writeln!(
        report,
        "score and rank 10,000 profiles: {:.1} ms",
        t.as_secs_f64() * 1e3
    )
    .unwrap();

    let two_thousand = typical_workspace(2_000);
    let plain = encode_workspace(&two_thousand, now());
    let t = median(5, || drop(encode_workspace(&two_thousand, now())));
    writeln!(
        report,
        "write 2,000 profiles as file text ({} KB): {:.1} ms",
        plain.len() / 1024,
        t.as_secs_f64() * 1e3
    )
    .unwrap();
    let text = encode_stored(&two_thousand, now());
    let t = median(5, || drop(encode_stored(&two_thousand, now())));
    writeln!(
        report,
        "write 2,000 profiles packed for storage ({} K characters): {:.1} ms",
        text.encode_utf16().count() / 1000,
        t.as_secs_f64() * 1e3
    )
    .unwrap();
    // A save as the app makes it: `storage::tabs::save`, the very function
    // the app calls, over a map standing in for localStorage (the map's
    // copy of the text is what localStorage would keep).
    let base = Some(SaveId::of(two_thousand.revision, &text));
    let mut workspace = two_thousand.clone();
    let t = median(5, || {
        let slots = Map(RefCell::new(Some(text.clone())));
        let attempt = save(&slots, base, &mut workspace, now());
        assert!(attempt.result.is_ok(), "{:?}", attempt.result);
    });
    writeln!(
        report,
        "save 2,000 profiles as the app does, storage aside: check what is stored, stamp, pack: {:.1} ms",
        t.as_secs_f64() * 1e3
    )
    .unwrap();
    let t = median(5, || drop(decode_workspace(&text).unwrap()));
    writeln!(
        report,
        "read 2,000 profiles back at start: {:.1} ms",
        t.as_secs_f64() * 1e3
    )
    .unwrap();

    // A 4 MB file: about 1,700 typical profiles.
    let mut file_ws = typical_workspace(1_700);
    file_ws.name = "Imported".into();
    let file = encode_export(&Export::workspace(&file_ws), now());
    let here = typical_workspace(1_000);
    let t = median(5, || {
        let imported = decode_file(&file).unwrap();
        drop(preview(
            &here,
            std::slice::from_ref(&imported.incoming),
            &MergeChoices::default(),
        ));
    });
    writeln!(
        report,
        "import a {:.1} MB file to the merge preview: {:.1} ms",
        file.len() as f64 / 1e6,
        t.as_secs_f64() * 1e3
    )
    .unwrap();

    print!("{report}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("native.txt"), report).unwrap();
}
