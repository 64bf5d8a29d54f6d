//! Helpers for the in-browser tests: drive the page the way a person does,
//! by labels, roles and visible text.
#![allow(dead_code)] // Each test binary uses its own share of these helpers.

pub use clientele::app::persistence::SAVE_DELAY;
use std::any::Any;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlButtonElement, HtmlElement, HtmlInputElement};

/// The workspace key, spelled out as the README documents it.
pub const WORKSPACE_KEY: &str = "clientele.v1.workspace";

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

pub fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().expect("localStorage")
}

pub fn stored(key: &str) -> Option<String> {
    storage().get_item(key).unwrap()
}

/// Waits `ms` milliseconds, letting timers and effects run. Tests wait for
/// conditions instead ([`wait_until`], [`assert_stays`], [`settle`]).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Lets the page's pending effects run, and nothing more: Leptos runs
/// effects as microtasks, and a zero-delay timer's task starts only once
/// every microtask queued before it (and every one those queue) has run.
/// Timers and animation frames of the page are not waited for.
pub async fn settle() {
    sleep(0).await;
}

/// Milliseconds since the page started, to a few microseconds.
pub fn clock() -> f64 {
    window().performance().expect("performance").now()
}

/// How long [`wait_until`] waits before it fails the test. Generous, for a
/// loaded machine; a wait that succeeds returns as soon as its condition
/// holds.
pub const WAIT_TIMEOUT: Duration = Duration::from_secs(5);

/// How often a condition is checked while waiting.
const POLL_MS: i32 = 20;

/// The app saves [`SAVE_DELAY`] after the last change, so a test that must
/// see that a change is *not* saved watches this long: the save delay and a
/// margin for a busy machine's late timers.
pub const PAST_THE_SAVE_DELAY: Duration =
    Duration::from_millis(SAVE_DELAY.as_millis() as u64 + 200);

/// Polls `condition` until it holds; after [`WAIT_TIMEOUT`] fails the test
/// with `what`, the condition awaited.
pub async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    let start = clock();
    while !condition() {
        let waited = clock() - start;
        assert!(
            waited < WAIT_TIMEOUT.as_millis() as f64,
            "waited {waited:.0} ms until {what}, but it did not happen"
        );
        sleep(POLL_MS).await;
    }
}

/// [`wait_until`] for a condition that takes a browser promise to check.
pub async fn wait_until_async(what: &str, condition: impl AsyncFn() -> bool) {
    let start = clock();
    while !condition().await {
        let waited = clock() - start;
        assert!(
            waited < WAIT_TIMEOUT.as_millis() as f64,
            "waited {waited:.0} ms until {what}, but it did not happen"
        );
        sleep(POLL_MS).await;
    }
}

/// Checks that `condition` holds now and keeps holding for `period`,
/// failing the test with `what` the moment it does not. For what must *not*
/// happen (nothing saved while read-only, an older save ignored): there is
/// no event to wait for, so the test watches for a bounded period, long
/// enough for the unwanted thing to have happened (for a save,
/// [`PAST_THE_SAVE_DELAY`]). Each caller says why its period suffices.
pub async fn assert_stays(what: &str, period: Duration, condition: impl Fn() -> bool) {
    let start = clock();
    loop {
        let watched = clock() - start;
        assert!(condition(), "{what}: no longer so after {watched:.0} ms");
        if watched >= period.as_millis() as f64 {
            return;
        }
        sleep(POLL_MS).await;
    }
}

/// A mounted app; unmounted when dropped.
pub struct MountedApp {
    _handle: Box<dyn Any>,
    root: HtmlElement,
}

impl Drop for MountedApp {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mounts a fresh instance of the whole app, as a page load would.
pub async fn mount_app() -> MountedApp {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), clientele::app::App);
    // The first render is done when `mount_to` returns; its effects are not.
    settle().await;
    MountedApp {
        _handle: Box::new(handle),
        root,
    }
}

fn all(selector: &str) -> Vec<Element> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn text_of(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The input a `<label>` with exactly this text names.
pub fn field(label: &str) -> HtmlInputElement {
    let label = all("label")
        .into_iter()
        .find(|l| text_of(l) == label)
        .unwrap_or_else(|| panic!("no label {label:?}"));
    let id = label
        .get_attribute("for")
        .expect("the label names its field");
    document()
        .get_element_by_id(&id)
        .expect("the labelled field")
        .unchecked_into()
}

/// The checkbox whose accessible name (`aria-label`) is `name`.
pub fn checkbox(name: &str) -> HtmlInputElement {
    all("input[type=\"checkbox\"]")
        .into_iter()
        .find(|c| c.get_attribute("aria-label").as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no checkbox {name:?}"))
        .unchecked_into()
}

/// How many elements match `selector`.
pub fn count(selector: &str) -> usize {
    all(selector).len()
}

/// The button whose accessible name (text or aria-label) is `name`, if shown.
pub fn button(name: &str) -> Option<HtmlButtonElement> {
    all("button")
        .into_iter()
        .find(|b| b.get_attribute("aria-label").unwrap_or_else(|| text_of(b)) == name)
        .map(JsCast::unchecked_into)
}

/// Clicks the button named `name`, failing if it is not shown.
pub fn click(name: &str) {
    button(name)
        .unwrap_or_else(|| panic!("no button {name:?}"))
        .click();
}

/// The texts of every element with `role`, such as `alert` or `status`.
pub fn texts_with_role(role: &str) -> Vec<String> {
    all(&format!("[role=\"{role}\"]"))
        .iter()
        .map(text_of)
        .collect()
}

/// Whether some alert contains `words`.
pub fn alert_says(words: &str) -> bool {
    texts_with_role("alert").iter().any(|t| t.contains(words))
}

/// Types `text` into `input`, replacing what was there, as one input event.
pub fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

/// Tells the page it was hidden, as the browser does when its tab goes to
/// the background: `document.hidden` turns true and `visibilitychange` is
/// dispatched. The page's listeners run before this returns; afterwards
/// `document.hidden` is the browser's own again.
pub fn hide_page() {
    let hidden = js_sys::Object::new();
    js_sys::Reflect::set(&hidden, &js("value"), &true.into()).unwrap();
    js_sys::Reflect::set(&hidden, &js("configurable"), &true.into()).unwrap();
    js_sys::Object::define_property(&document(), &js("hidden"), &hidden);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("visibilitychange", &init).unwrap();
    document().dispatch_event(&event).unwrap();
    js_sys::Reflect::delete_property(&document(), &js("hidden")).unwrap();
}

/// The workspace document stored now, unpacked and with its chunks of
/// profiles put back, as JSON.
pub fn stored_workspace() -> Option<serde_json::Value> {
    stored(WORKSPACE_KEY).map(|text| {
        let mut read_chunk = |name: &str| stored(&format!("clientele.v1.chunk.{name}"));
        let text = clientele::format::stored::file_text(&text, &mut read_chunk);
        serde_json::from_str(&text).expect("stored JSON")
    })
}

/// Writes `text` under the workspace key and tells the page, as the browser
/// does when another tab of the same site saves. The browser delivers that
/// event as a task of its own, after the page's pending effects have run, so
/// this first lets them run.
pub async fn save_from_other_tab(text: &str) {
    settle().await;
    let old = stored(WORKSPACE_KEY);
    storage().set_item(WORKSPACE_KEY, text).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(WORKSPACE_KEY));
    init.set_old_value(old.as_deref());
    init.set_new_value(Some(text));
    init.set_storage_area(Some(&storage()));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
}

/// Removes the workspace key and tells the page, as the browser does when
/// another tab, window or program of the same site removes it. With
/// `clear`, the whole of storage is cleared instead (the event then names
/// no key).
pub async fn remove_from_other_tab(clear: bool) {
    // As for `save_from_other_tab`: the page's pending effects run first.
    settle().await;
    let old = stored(WORKSPACE_KEY);
    let init = web_sys::StorageEventInit::new();
    if clear {
        storage().clear().unwrap();
    } else {
        storage().remove_item(WORKSPACE_KEY).unwrap();
        init.set_key(Some(WORKSPACE_KEY));
        init.set_old_value(old.as_deref());
    }
    init.set_new_value(None);
    init.set_storage_area(Some(&storage()));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
}

/// A workspace file as another tab would save it.
pub fn workspace_file(id: &str, name: &str, revision: u64, schema_version: u32) -> String {
    serde_json::json!({
        "format": "clientele",
        "schema_version": schema_version,
        "exported_at": "2026-11-22T06:43:03.000Z",
        "app_version": "0.1.0",
        "data": {
            "id": id,
            "name": name,
            "created_at": "2026-11-01T09:00:00.000Z",
            "updated_at": "2026-11-22T06:43:03.000Z",
            "revision": revision
        }
    })
    .to_string()
}

/// Fills localStorage with filler keys until not even one more character
/// fits, so that the next write that grows the data is refused for real.
pub fn fill_storage() {
    let storage = storage();
    let mut n = 0;
    let mut size = 1 << 20;
    while size >= 1 {
        let chunk = "x".repeat(size);
        while storage.set_item(&format!("f{n}"), &chunk).is_ok() {
            n += 1;
        }
        size /= 4;
    }
}

/// Removes the filler keys [`fill_storage`] wrote.
pub fn drain_storage() {
    let storage = storage();
    let names: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .collect();
    for name in names
        .iter()
        .filter(|n| n.starts_with('f') && n[1..].parse::<u32>().is_ok())
    {
        storage.remove_item(name).unwrap();
    }
}

thread_local! {
    static TEST_RUNNING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Held by a test while it runs; lets the next one start when dropped.
pub struct Exclusive;

impl Drop for Exclusive {
    fn drop(&mut self) {
        TEST_RUNNING.with(|running| running.set(false));
    }
}

/// Waits until no other test of this binary runs: wasm-bindgen-test runs
/// async tests concurrently, but they share one page. For tests that cannot
/// start from [`fresh_page`] (without localStorage, for one).
pub async fn page_to_myself() -> Exclusive {
    // Not a wait for the page: a turn for the test that holds it.
    while TEST_RUNNING.with(|running| running.replace(true)) {
        sleep(5).await;
    }
    Exclusive
}

/// wasm-bindgen-test runs async tests concurrently, but they share one
/// page and one localStorage: each test waits for the page to itself, then
/// starts from an empty localStorage and the overview screen.
pub async fn fresh_page() -> Exclusive {
    let page = page_to_myself().await;
    storage().clear().unwrap();
    window().location().set_hash("").unwrap();
    page
}

pub fn js(value: &str) -> JsValue {
    JsValue::from_str(value)
}

/// The Web Lock `name` as `navigator.locks.query()` reports it: how many
/// hold it (0 or 1) and how many requests wait for it. A save waiting while
/// another tab holds the lock is `(1, 1)`.
pub async fn lock_requests(name: &str) -> (usize, usize) {
    let locks = js_sys::Reflect::get(&window().navigator(), &js("locks")).unwrap();
    let query: js_sys::Function = js_sys::Reflect::get(&locks, &js("query"))
        .unwrap()
        .unchecked_into();
    let snapshot: js_sys::Promise = query.call0(&locks).unwrap().unchecked_into();
    let snapshot = JsFuture::from(snapshot).await.unwrap();
    let named = |list: &str| {
        let list: js_sys::Array = js_sys::Reflect::get(&snapshot, &js(list))
            .unwrap()
            .unchecked_into();
        list.iter()
            .filter(|request| {
                js_sys::Reflect::get(request, &js("name"))
                    .ok()
                    .and_then(|n| n.as_string())
                    .as_deref()
                    == Some(name)
            })
            .count()
    };
    (named("held"), named("pending"))
}

/// Chooses a file named `name` holding `text` in the file input labelled
/// `label`, as the browser's file dialog does.
pub fn choose_file(label: &str, name: &str, text: &str) {
    let parts = js_sys::Array::of1(&js(text));
    let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input = field(label);
    input.set_files(Some(&transfer.files().unwrap()));
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}
