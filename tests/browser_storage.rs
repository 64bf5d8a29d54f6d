//! The storage module against the real localStorage of headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use clientele::domain::Timestamp;
use clientele::storage::{BrowserStorage, Persistence, StorageError, StorageKey, TabWatch};
use common::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn quarantine_key() -> StorageKey {
    StorageKey::Quarantine("2026-11-22T06:43:03.120Z".parse::<Timestamp>().unwrap())
}

#[wasm_bindgen_test]
async fn written_text_reads_back_and_lives_under_the_documented_key() {
    let _page = fresh_page().await;
    let storage = BrowserStorage::open().unwrap();
    storage
        .write(&StorageKey::Workspace, "{\"a\":\"ż\"}")
        .unwrap();
    assert_eq!(
        storage.read(&StorageKey::Workspace).unwrap().as_deref(),
        Some("{\"a\":\"ż\"}")
    );
    assert_eq!(stored(WORKSPACE_KEY).as_deref(), Some("{\"a\":\"ż\"}"));
    assert_eq!(storage.read(&quarantine_key()).unwrap(), None);
}

#[wasm_bindgen_test]
async fn keys_lists_only_clientele_keys_and_remove_deletes_one() {
    let _page = fresh_page().await;
    common::storage().set_item("another.app", "x").unwrap();
    let storage = BrowserStorage::open().unwrap();
    storage.write(&StorageKey::Workspace, "w").unwrap();
    storage.write(&quarantine_key(), "q").unwrap();
    let mut keys = storage.keys().unwrap();
    #[allow(clippy::disallowed_methods)] // test code: not in the shipped wasm
    keys.sort_by_key(StorageKey::name);
    assert_eq!(keys, vec![quarantine_key(), StorageKey::Workspace]);
    storage.remove(&quarantine_key()).unwrap();
    assert_eq!(storage.keys().unwrap(), vec![StorageKey::Workspace]);
    assert_eq!(
        stored("another.app").as_deref(),
        Some("x"),
        "other apps' data is left alone"
    );
}

#[wasm_bindgen_test]
async fn usage_counts_clientele_characters_apart_from_the_rest() {
    let _page = fresh_page().await;
    common::storage().set_item("other", "12345").unwrap();
    let storage = BrowserStorage::open().unwrap();
    storage.write(&StorageKey::Workspace, "abc").unwrap();
    let usage = storage.usage().unwrap();
    assert_eq!(usage.clientele_chars, WORKSPACE_KEY.len() + 3);
    assert_eq!(
        usage.total_chars,
        WORKSPACE_KEY.len() + 3 + "other".len() + 5
    );
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_as_quota_exceeded_and_keeps_the_earlier_text() {
    let _page = fresh_page().await;
    let storage = BrowserStorage::open().unwrap();
    storage
        .write(&StorageKey::Workspace, "saved before")
        .unwrap();
    fill_storage();
    let result = storage.write(&StorageKey::Workspace, &"grown ".repeat(100));
    drain_storage();
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(stored(WORKSPACE_KEY).as_deref(), Some("saved before"));
}

#[wasm_bindgen_test]
async fn a_watch_hears_other_tabs_write_or_remove_its_key_until_dropped() {
    let _page = fresh_page().await;
    let heard = Rc::new(RefCell::new(Vec::new()));
    let watch = {
        let heard = heard.clone();
        // What storage holds when the watch hears of a change.
        TabWatch::new(StorageKey::Workspace, move || {
            heard.borrow_mut().push(stored(WORKSPACE_KEY))
        })
        .unwrap()
    };
    save_from_other_tab("from another tab").await;
    assert_eq!(*heard.borrow(), vec![Some("from another tab".to_owned())]);
    remove_from_other_tab(false).await;
    save_from_other_tab("again").await;
    remove_from_other_tab(true).await;
    assert_eq!(
        *heard.borrow(),
        vec![
            Some("from another tab".to_owned()),
            None,
            Some("again".to_owned()),
            None
        ],
        "a removal and a clear of all storage are heard too"
    );
    drop(watch);
    save_from_other_tab("after the watch ended").await;
    assert_eq!(heard.borrow().len(), 4);
}

/// Takes the Web Lock `name` until the returned function is called.
fn hold_lock(name: &str) -> js_sys::Function {
    let mut release = None;
    let held = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
    let locks = js_sys::Reflect::get(&window().navigator(), &js("locks")).unwrap();
    let request: js_sys::Function =
        wasm_bindgen::JsCast::unchecked_into(js_sys::Reflect::get(&locks, &js("request")).unwrap());
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || held);
    request.call2(&locks, &js(name), &callback).unwrap();
    release.unwrap()
}

#[wasm_bindgen_test]
async fn a_locked_step_waits_for_the_lock_and_runs_once() {
    let _page = fresh_page().await;
    let release = hold_lock(WORKSPACE_KEY);
    let ran = Rc::new(RefCell::new(0));
    let step = {
        let ran = ran.clone();
        clientele::storage::with_lock(&StorageKey::Workspace, move || *ran.borrow_mut() += 1)
    };
    wasm_bindgen_futures::spawn_local(step);
    wait_until_async("the step waits for the lock held here", async || {
        lock_requests(WORKSPACE_KEY).await == (1, 1)
    })
    .await;
    assert_eq!(*ran.borrow(), 0, "another holder has the lock");
    release.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    wait_until("the step runs", || *ran.borrow() == 1).await;
    // Once the lock is free no request for it waits, so a second run could
    // only come from a task already queued: a short watch sees it.
    wait_until_async("no request for the lock waits", async || {
        lock_requests(WORKSPACE_KEY).await.1 == 0
    })
    .await;
    assert_stays(
        "the step ran once",
        std::time::Duration::from_millis(100),
        || *ran.borrow() == 1,
    )
    .await;
}

#[wasm_bindgen_test]
async fn without_web_locks_a_locked_step_runs_at_once() {
    let _page = fresh_page().await;
    let navigator = window().navigator();
    let missing = js_sys::Object::new();
    js_sys::Reflect::set(&missing, &js("value"), &wasm_bindgen::JsValue::UNDEFINED).unwrap();
    js_sys::Reflect::set(&missing, &js("configurable"), &true.into()).unwrap();
    js_sys::Object::define_property(&navigator, &js("locks"), &missing);
    let ran = Rc::new(RefCell::new(0));
    let step = {
        let ran = ran.clone();
        clientele::storage::with_lock(&StorageKey::Workspace, move || *ran.borrow_mut() += 1)
    };
    step.await;
    js_sys::Reflect::delete_property(&navigator, &js("locks")).unwrap();
    assert_eq!(*ran.borrow(), 1);
}

#[wasm_bindgen_test]
async fn the_browser_answers_whether_storage_is_persistent() {
    let answer = clientele::storage::persistence().await.unwrap();
    assert!(
        matches!(answer, Persistence::Granted | Persistence::NotGranted),
        "{answer:?}"
    );
    let asked = clientele::storage::request_persistence().await.unwrap();
    assert!(
        matches!(asked, Persistence::Granted | Persistence::NotGranted),
        "{asked:?}"
    );
}

#[wasm_bindgen_test]
async fn storage_over_eighty_percent_full_is_announced_before_saves_fail() {
    let _page = fresh_page().await;
    // Another app on this origin (or old data) fills 85% of the allowance.
    storage().set_item("f0", &"x".repeat(4_420_000)).unwrap();
    let _app = mount_app().await;
    wait_until("the warning shows", || {
        alert_says("storage for Clientele is 85% full")
    })
    .await;
    assert!(
        button("Download everything as a file").is_some(),
        "the warning offers the backup"
    );

    // With room made, the next save takes the warning away.
    storage().remove_item("f0").unwrap();
    type_into(&field("Workspace"), "Room again");
    wait_until("the warning goes", || !alert_says("% full")).await;
    drain_storage();
}
