//! Native benchmarks, for comparison with the browser (`make bench` runs
//! them in release mode and writes `target/bench/native.txt`). They time
//! and report; they do not pass or fail on speed.
#![cfg(not(target_arch = "wasm32"))]

mod sample;

use clientele::domain::Date;
use clientele::domain::scoring::{Basis, rank};
use clientele::domain::share::Export;
use clientele::domain::share::merge::{MergeChoices, preview};
use clientele::format::{decode_file, encode_export, encode_stored, encode_workspace};
use clientele::storage::chunks::ChunkMemo;
use clientele::storage::tabs::{Opened, open, save};
use clientele::storage::{Slots, StorageError, StorageKey};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// localStorage, for the save benchmarks.
#[derive(Default)]
struct Map(RefCell<BTreeMap<String, String>>);

impl Slots for Map {
    fn read(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        Ok(self.0.borrow().get(&key.name()).cloned())
    }
    fn write(&self, key: &StorageKey, text: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().insert(key.name(), text.to_owned());
        Ok(())
    }
    fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.0.borrow_mut().remove(&key.name());
        Ok(())
    }
    fn keys(&self) -> Result<Vec<StorageKey>, StorageError> {
        Ok(self
            .0
            .borrow()
            .keys()
            .filter_map(|k| StorageKey::parse(k))
            .collect())
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
    // Saves as the app makes them: `storage::tabs::save`, the very function
    // the app calls, over a map standing in for localStorage.
    let slots = Map::default();
    let mut workspace = typical_workspace(10_000);
    let start = Instant::now();
    let first = save(
        &slots,
        None,
        &mut ChunkMemo::default(),
        &mut workspace,
        now(),
    );
    let t = start.elapsed();
    writeln!(
        report,
        "first save of 10,000 profiles (every chunk): {:.1} ms",
        t.as_secs_f64() * 1e3
    )
    .unwrap();
    let start = Instant::now();
    let Opened::Found { id, memo, .. } = open(&slots, now()) else {
        panic!("the save reads back");
    };
    let t = start.elapsed();
    writeln!(
        report,
        "read 10,000 profiles back at start: {:.1} ms",
        t.as_secs_f64() * 1e3
    )
    .unwrap();
    assert_eq!(first.result.unwrap().id, id);
    let (mut base, mut memo) = (Some(id), memo);
    let mut edits = 0;
    let t = median(5, || {
        edits += 1;
        workspace.profiles[edits * 1_000].name = format!("Edited {edits}");
        let attempt = save(&slots, base, &mut memo, &mut workspace, now());
        base = Some(attempt.result.unwrap().id);
    });
    writeln!(
        report,
        "save 10,000 profiles after one field changed: {:.1} ms",
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
