//! Benchmarks in headless Chromium, where the user feels them: the same
//! work as `tests/bench.rs` does natively, through the code the page runs.
//! `make bench` runs them in release mode; each prints one line starting
//! with `bench:` that the Makefile collects into `target/bench/browser.txt`.
//! They time and report; they do not pass or fail on speed.
#![cfg(target_arch = "wasm32")]

mod common;
mod sample;

use clientele::app::import::read_text;
use clientele::app::persistence::open_workspace;
use clientele::domain::Date;
use clientele::domain::scoring::{Basis, rank};
use clientele::domain::share::Export;
use clientele::domain::share::merge::{MergeChoices, preview};
use clientele::format::{decode_file, encode_export, encode_workspace};
use clientele::storage::BrowserStorage;
use clientele::storage::chunks::ChunkMemo;
use clientele::storage::tabs::save;
use common::*;
use sample::{now, typical_workspace};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The median of `runs` timings of `work`, in milliseconds.
async fn median_ms<F: AsyncFnMut()>(runs: usize, mut work: F) -> f64 {
    median_of(runs, async || {
        let start = clock();
        work().await;
        clock() - start
    })
    .await
}

/// The median of `runs` results of `timed`, which times its own part.
async fn median_of<F: AsyncFnMut() -> f64>(runs: usize, mut timed: F) -> f64 {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        times.push(timed().await);
    }
    #[allow(clippy::disallowed_methods)] // test code: not in the shipped wasm
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// One result line, collected by `make bench`.
fn report(what: &str, ms: f64) {
    console_log!("bench: {what}: {ms:.1} ms");
}

#[wasm_bindgen_test]
async fn score_and_rank_10_000_profiles() {
    let today = Date::new(2026, 11, 22).unwrap();
    let big = typical_workspace(10_000);
    let model = big.model().unwrap().clone();
    let ms = median_ms(5, async || {
        drop(rank(&model, &big.profiles, &Basis::one_currency(today)))
    })
    .await;
    report("score and rank 10,000 profiles (target 30 ms)", ms);
}

#[wasm_bindgen_test]
async fn save_10_000_profiles_after_one_edit_and_load_them_at_start() {
    let _page = fresh_page().await;
    let mut ws = typical_workspace(10_000);
    let plain = encode_workspace(&ws, now()).encode_utf16().count();
    // Storage holds the 10,000 profiles, saved earlier as the app saves.
    let storage = BrowserStorage::open().unwrap();
    let first = clock();
    save(&storage, None, &mut ChunkMemo::default(), &mut ws, now())
        .result
        .unwrap();
    report(
        "first save of 10,000 profiles to localStorage (every chunk)",
        clock() - first,
    );
    let stored = storage.usage().unwrap().clientele_chars;
    // The app opens on the editor of the 5,000th profile.
    let id = ws.profiles[5_000].id;
    window()
        .location()
        .set_hash(&format!("#/profiles/{id}/edit"))
        .unwrap();
    let app = mount_app().await;
    // A keystroke: the store changes, and every view that follows it runs
    // again (the editor's fields, the version keeper, the status line),
    // until the page is idle.
    let mut keys = 0;
    let keystroke = median_of(5, async || {
        keys += 1;
        settle().await;
        let start = clock();
        type_into(&field("Company name"), &format!("Keystroke {keys}"));
        settle().await;
        clock() - start
    })
    .await;
    report(
        "a keystroke in the editor of one profile among 10,000, with all it runs again",
        keystroke,
    );
    let stored_name = || {
        open_workspace()
            .workspace
            .profile(id)
            .map(|p| p.name.clone())
    };
    // What a save does, through the app's own code: a change to a field,
    // then the save the app makes when the page is hidden (the timed save
    // after typing stops is the same save, run once the cross-tab lock is
    // granted; waiting for the grant is not timed). It checks storage
    // still holds this tab's last save, stamps the revision, writes the
    // chunk of the changed profile and the workspace's manifest, removes
    // the chunk replaced, and measures how full storage is.
    let mut runs = 0;
    let save = median_of(5, async || {
        runs += 1;
        let name = format!("Benchmark {runs}");
        // The last run's save shows first, so that the status awaited below
        // is this change's.
        settle().await;
        type_into(&field("Company name"), &name);
        wait_until("the change waits to be saved", || {
            texts_with_role("status")
                .iter()
                .any(|t| t.starts_with("Unsaved changes"))
        })
        .await;
        let start = clock();
        hide_page();
        let ms = clock() - start;
        assert_eq!(
            stored_name().as_deref(),
            Some(name.as_str()),
            "the timed save wrote it"
        );
        ms
    })
    .await;
    drop(app);
    report(
        &format!(
            "save 10,000 profiles after one field changed ({} K characters stored, {} K as a file; target 10 ms)",
            stored / 1000,
            plain / 1000
        ),
        save,
    );
    // What the page does at start: read storage, check, migrate, restore.
    let load = median_ms(5, async || {
        let opened = open_workspace();
        assert_eq!(opened.workspace.profiles.len(), 10_000);
    })
    .await;
    report("load 10,000 profiles from localStorage at start", load);
}

#[wasm_bindgen_test]
async fn import_a_4_mb_file_to_the_merge_preview() {
    // About 1,700 typical profiles make 4 MB.
    let mut file_ws = typical_workspace(1_700);
    file_ws.name = "Imported".into();
    let text = encode_export(&Export::workspace(&file_ws), now());
    let parts = js_sys::Array::of1(&js(&text));
    let file = web_sys::File::new_with_str_sequence(&parts, "team.clientele.json").unwrap();
    let here = typical_workspace(1_000);
    let ms = median_ms(5, async || {
        let text = read_text(&file).await.unwrap();
        let imported = decode_file(&text).unwrap();
        drop(preview(
            &here,
            std::slice::from_ref(&imported.incoming),
            &MergeChoices::default(),
        ));
    })
    .await;
    report(
        &format!(
            "import a {:.1} MB file: read, parse, check, migrate, merge preview (target 500 ms)",
            text.len() as f64 / 1e6
        ),
        ms,
    );
}
