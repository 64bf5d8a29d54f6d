//! The whole app mounted in headless Chromium: saving, validation and every
//! storage fault a user can meet. Each test starts from empty storage and a
//! freshly mounted app, as a page load would.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ID: &str = "6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f";

fn status_is(text: &str) -> bool {
    texts_with_role("status")
        .iter()
        .any(|t| t.starts_with(text))
}

fn stored_name() -> Option<String> {
    stored_workspace().map(|w| w["data"]["name"].as_str().unwrap().to_owned())
}

fn stored_revision() -> u64 {
    stored_workspace().unwrap()["data"]["revision"]
        .as_u64()
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_rename_is_saved_once_typing_stops() {
    let _page = fresh_page().await;
    let _app = mount_app().await;
    let name = field("Workspace");
    assert_eq!(name.value(), "My workspace");
    assert_eq!(
        stored(WORKSPACE_KEY),
        None,
        "nothing is written before the first change"
    );

    for partial in ["A", "Ac", "Acme", "Acme sales"] {
        type_into(&name, partial);
    }
    wait_until("the status says changes are unsaved", || {
        status_is("Unsaved changes")
    })
    .await;
    wait_until("the rename is saved", || {
        stored_name().as_deref() == Some("Acme sales")
    })
    .await;
    assert_eq!(stored_revision(), 1, "a burst of typing is saved once");
    wait_until("the status says so", || status_is("All changes saved")).await;
    let packed = stored(WORKSPACE_KEY).unwrap();
    assert!(
        packed.contains("\"packing\":\"zlib-15\""),
        "storage keeps the workspace packed: {packed}"
    );
    let envelope = stored_workspace().unwrap();
    assert_eq!(envelope["format"], "clientele");
    assert_eq!(
        envelope["schema_version"],
        clientele::format::SCHEMA_VERSION
    );
}

#[wasm_bindgen_test]
async fn a_saved_workspace_is_opened_again() {
    let _page = fresh_page().await;
    storage()
        .set_item(WORKSPACE_KEY, &workspace_file(ID, "Acme sales", 4, 1))
        .unwrap();
    let _app = mount_app().await;
    assert_eq!(field("Workspace").value(), "Acme sales");
    assert!(
        texts_with_role("alert").is_empty(),
        "{:?}",
        texts_with_role("alert")
    );
    type_into(&field("Workspace"), "Acme north");
    wait_until("the next save", || stored_revision() == 5).await;
    assert_eq!(
        stored_workspace().unwrap()["data"]["id"],
        ID,
        "the id is stable"
    );
}

#[wasm_bindgen_test]
async fn a_refused_name_shows_why_beside_the_field_and_keeps_what_was_typed() {
    let _page = fresh_page().await;
    let _app = mount_app().await;
    let name = field("Workspace");
    type_into(&name, "Acme");
    wait_until("the valid name is saved", || {
        stored_name().as_deref() == Some("Acme")
    })
    .await;

    let too_long = "x".repeat(121);
    type_into(&name, &too_long);
    wait_until("the reason shows", || {
        document()
            .get_element_by_id("workspace-name-error")
            .unwrap()
            .text_content()
            .unwrap()
            .contains("120 characters")
    })
    .await;
    assert_eq!(
        name.value(),
        too_long,
        "the typed text stays for correcting"
    );
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    type_into(&name, "   ");
    wait_until("the reason shows", || {
        document()
            .get_element_by_id("workspace-name-error")
            .unwrap()
            .text_content()
            .unwrap()
            .contains("This is required")
    })
    .await;
    // A save would come SAVE_DELAY after the change: watch past it.
    assert_stays("a refused name is never saved", PAST_THE_SAVE_DELAY, || {
        stored_name().as_deref() == Some("Acme")
    })
    .await;
    assert_eq!(name.value(), "   ");

    type_into(&name, "Acme west");
    wait_until("the corrected name is saved", || {
        stored_name().as_deref() == Some("Acme west")
    })
    .await;
    assert_eq!(name.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn corrupt_stored_data_is_set_aside_untouched_and_never_overwritten() {
    let _page = fresh_page().await;
    let garbage = "{\"format\":\"clientele\", this is not JSON";
    storage().set_item(WORKSPACE_KEY, garbage).unwrap();
    let _app = mount_app().await;

    assert!(
        alert_says("could not be read"),
        "{:?}",
        texts_with_role("alert")
    );
    assert!(button("Download the unreadable data").is_some());
    let quarantined = quarantine_keys();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(stored(&quarantined[0]).as_deref(), Some(garbage));
    assert_eq!(
        field("Workspace").value(),
        "My workspace",
        "the app starts empty"
    );

    type_into(&field("Workspace"), "Fresh start");
    wait_until("the new workspace is saved", || {
        stored_name().as_deref() == Some("Fresh start")
    })
    .await;
    assert_eq!(quarantine_keys(), quarantined);
    assert_eq!(
        stored(&quarantined[0]).as_deref(),
        Some(garbage),
        "later saves never touch it"
    );
}

#[wasm_bindgen_test]
async fn a_packed_workspace_opens_and_a_damaged_one_is_set_aside() {
    let _page = fresh_page().await;
    let mut ws = clientele::domain::Workspace::new("2026-11-22T06:43:03Z".parse().unwrap());
    ws.name = "Acme sales".into();
    let packed = clientele::format::encode_stored(&ws, ws.created_at);
    storage().set_item(WORKSPACE_KEY, &packed).unwrap();
    let app = mount_app().await;
    assert_eq!(field("Workspace").value(), "Acme sales");
    drop(app);

    // One character of the packed data lost.
    let mut envelope: serde_json::Value = serde_json::from_str(&packed).unwrap();
    let cut: String = envelope["data"].as_str().unwrap().chars().skip(1).collect();
    envelope["data"] = cut.into();
    let damaged = envelope.to_string();
    storage().set_item(WORKSPACE_KEY, &damaged).unwrap();
    let _app = mount_app().await;
    assert!(
        alert_says("could not be read") && alert_says("damaged"),
        "{:?}",
        texts_with_role("alert")
    );
    let quarantined = quarantine_keys();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(stored(&quarantined[0]).as_deref(), Some(damaged.as_str()));
    assert_eq!(field("Workspace").value(), "My workspace");
}

#[wasm_bindgen_test]
async fn a_workspace_missing_a_chunk_of_profiles_is_set_aside_never_opened_in_part() {
    use clientele::storage::{BrowserStorage, chunks::ChunkMemo, tabs};
    let _page = fresh_page().await;
    let at = "2026-11-22T06:43:03Z".parse().unwrap();
    let mut ws = clientele::domain::Workspace::new(at);
    ws.name = "Acme sales".into();
    for i in 0..200 {
        ws.add_profile(&format!("Company {i}"), at).unwrap();
    }
    let slots = BrowserStorage::open().unwrap();
    tabs::save(&slots, None, &mut ChunkMemo::default(), &mut ws, at)
        .result
        .unwrap();
    let chunks = chunk_keys();
    assert!(chunks.len() > 1, "{} chunks", chunks.len());
    storage().remove_item(&chunks[0]).unwrap();
    let manifest = stored(WORKSPACE_KEY).unwrap();

    let _app = mount_app().await;
    assert!(
        alert_says("could not be read") && alert_says("missing"),
        "{:?}",
        texts_with_role("alert")
    );
    let quarantined = quarantine_keys();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(stored(&quarantined[0]), Some(manifest));
    assert_eq!(
        field("Workspace").value(),
        "My workspace",
        "none of it opened"
    );

    type_into(&field("Workspace"), "Fresh start");
    wait_until("the new workspace is saved", || {
        stored_name().as_deref() == Some("Fresh start")
    })
    .await;
    let kept = chunk_keys();
    assert!(
        chunks[1..].iter().all(|chunk| kept.contains(chunk)),
        "the chunks set aside with it are kept"
    );
}

fn chunk_keys() -> Vec<String> {
    let storage = storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("clientele.v1.chunk."))
        .collect()
}

fn quarantine_keys() -> Vec<String> {
    let storage = storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("clientele.v1.quarantine."))
        .collect()
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_opens_read_only_and_is_never_written_over() {
    let _page = fresh_page().await;
    let newer = workspace_file(ID, "From the future", 3, 99);
    storage().set_item(WORKSPACE_KEY, &newer).unwrap();
    let _app = mount_app().await;

    assert!(
        alert_says("newer version of Clientele"),
        "{:?}",
        texts_with_role("alert")
    );
    assert!(button("Download the stored data").is_some());
    assert!(field("Workspace").disabled(), "nothing can be changed");
    assert!(
        document()
            .body()
            .unwrap()
            .text_content()
            .unwrap()
            .contains("Read-only")
    );
    type_into(&field("Workspace"), "Attempt");
    // A save would come SAVE_DELAY after the change: watch past it.
    assert_stays(
        "the newer data stays as stored",
        PAST_THE_SAVE_DELAY,
        || stored(WORKSPACE_KEY).as_deref() == Some(newer.as_str()),
    )
    .await;
    assert!(
        quarantine_keys().is_empty(),
        "newer data is not mistaken for corrupt data"
    );
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_the_changes_in_memory_and_the_saved_data_intact() {
    let _page = fresh_page().await;
    let _app = mount_app().await;
    let name = field("Workspace");
    type_into(&name, "Acme");
    wait_until("the first save", || {
        stored_name().as_deref() == Some("Acme")
    })
    .await;

    fill_storage();
    type_into(&name, &"Acme with a much longer name ".repeat(2));
    wait_until("the banner", || alert_says("latest changes are not saved")).await;
    assert!(alert_says("full"), "{:?}", texts_with_role("alert"));
    assert!(button("Download everything as a file").is_some());
    assert!(status_is("Latest changes not saved"));
    assert_eq!(
        stored_name().as_deref(),
        Some("Acme"),
        "what was stored before stays intact"
    );
    assert_eq!(
        name.value(),
        "Acme with a much longer name Acme with a much longer name "
    );

    drain_storage();
    type_into(&name, "Acme, space freed");
    wait_until("the next change saves", || {
        stored_name().as_deref() == Some("Acme, space freed")
    })
    .await;
    assert!(
        !alert_says("not saved"),
        "the banner goes once saving works again"
    );
}

#[wasm_bindgen_test]
async fn another_tabs_newer_save_is_taken_when_this_tab_has_no_changes() {
    let _page = fresh_page().await;
    storage()
        .set_item(WORKSPACE_KEY, &workspace_file(ID, "Acme", 2, 1))
        .unwrap();
    let _app = mount_app().await;
    save_from_other_tab(&workspace_file(ID, "Renamed elsewhere", 3, 1)).await;
    wait_until("the field shows the other tab's name", || {
        field("Workspace").value() == "Renamed elsewhere"
    })
    .await;
    // Taking it in changes the workspace; a save of that change would come
    // SAVE_DELAY later: watch past it.
    assert_stays(
        "taking newer data does not write it back",
        PAST_THE_SAVE_DELAY,
        || stored_revision() == 3,
    )
    .await;

    type_into(&field("Workspace"), "Renamed here");
    wait_until("this tab saves on top", || {
        stored_name().as_deref() == Some("Renamed here")
    })
    .await;
    assert_eq!(stored_revision(), 4);
}

#[wasm_bindgen_test]
async fn an_older_save_from_another_tab_is_ignored() {
    let _page = fresh_page().await;
    storage()
        .set_item(WORKSPACE_KEY, &workspace_file(ID, "Current", 5, 1))
        .unwrap();
    let _app = mount_app().await;
    save_from_other_tab(&workspace_file(ID, "Stale", 4, 1)).await;
    // The page hears the event while it is dispatched, and data taken in
    // would show in the field as soon as effects ran (microtasks): a
    // moment's watch is plenty.
    assert_stays(
        "the field keeps this tab's name",
        std::time::Duration::from_millis(100),
        || field("Workspace").value() == "Current",
    )
    .await;
}

/// The page with a stored workspace "Acme" (revision 1) renamed "Mine" in
/// this tab, the save still waiting for typing to stop.
async fn renamed_and_not_saved_yet() -> (Exclusive, MountedApp) {
    let page = fresh_page().await;
    storage()
        .set_item(WORKSPACE_KEY, &workspace_file(ID, "Acme", 1, 1))
        .unwrap();
    let app = mount_app().await;
    type_into(&field("Workspace"), "Mine");
    (page, app)
}

#[wasm_bindgen_test]
async fn when_both_tabs_changed_the_user_chooses_and_can_keep_the_other_version() {
    let (_page, _app) = renamed_and_not_saved_yet().await;
    save_from_other_tab(&workspace_file(ID, "Theirs", 2, 1)).await;
    wait_until("the question", || {
        button("Keep the other tab's version").is_some()
    })
    .await;
    assert!(
        texts_with_role("alertdialog")
            .iter()
            .any(|t| t.contains("Saved in another tab too"))
    );
    assert!(
        button("Download this tab's version").is_some(),
        "nothing is dropped without a way to keep it"
    );
    // This tab's change asked for a save SAVE_DELAY after it: watch past it.
    assert_stays(
        "nothing is written while the user decides",
        PAST_THE_SAVE_DELAY,
        || stored_name().as_deref() == Some("Theirs"),
    )
    .await;

    click("Keep the other tab's version");
    wait_until("the field shows theirs", || {
        field("Workspace").value() == "Theirs"
    })
    .await;
    assert!(button("Keep this tab's version").is_none());
    assert_eq!(stored_revision(), 2);
}

#[wasm_bindgen_test]
async fn when_both_tabs_changed_the_user_can_keep_this_tabs_version() {
    let (_page, _app) = renamed_and_not_saved_yet().await;
    save_from_other_tab(&workspace_file(ID, "Theirs", 2, 1)).await;
    wait_until("the question", || {
        button("Keep this tab's version").is_some()
    })
    .await;
    click("Keep this tab's version");
    wait_until("ours is saved over theirs", || {
        stored_name().as_deref() == Some("Mine")
    })
    .await;
    assert_eq!(
        stored_revision(),
        3,
        "saved as newer than the version it replaced"
    );
    assert_eq!(field("Workspace").value(), "Mine");
}

#[wasm_bindgen_test]
async fn a_save_never_writes_over_newer_data_it_was_not_told_about() {
    let (_page, _app) = renamed_and_not_saved_yet().await;
    // Another tab writes, but its storage event has not arrived yet.
    storage()
        .set_item(WORKSPACE_KEY, &workspace_file(ID, "Theirs", 2, 1))
        .unwrap();
    wait_until("the question", || {
        button("Keep the other tab's version").is_some()
    })
    .await;
    assert_eq!(stored_name().as_deref(), Some("Theirs"));
}

#[wasm_bindgen_test]
async fn when_both_tabs_save_the_same_revision_nothing_is_lost_and_this_tab_is_asked() {
    let (_page, _app) = renamed_and_not_saved_yet().await;
    wait_until("this tab saves its revision 2", || {
        stored_name().as_deref() == Some("Mine")
    })
    .await;
    assert_eq!(stored_revision(), 2);
    // The other tab also started from revision 1 and saved its own
    // revision 2 in the same moment, over this tab's.
    save_from_other_tab(&workspace_file(ID, "Theirs", 2, 1)).await;
    wait_until("the question", || {
        button("Keep this tab's version").is_some()
    })
    .await;
    assert_eq!(field("Workspace").value(), "Mine", "this tab's work stays");
    // A save of the workspace would come SAVE_DELAY after a change: watch
    // past it.
    assert_stays(
        "nothing is written while the user decides",
        PAST_THE_SAVE_DELAY,
        || stored_name().as_deref() == Some("Theirs"),
    )
    .await;
    click("Keep this tab's version");
    wait_until("ours is saved over theirs", || {
        stored_name().as_deref() == Some("Mine")
    })
    .await;
    assert_eq!(stored_revision(), 3);
}

#[wasm_bindgen_test]
async fn a_save_never_writes_over_another_save_of_the_same_revision() {
    let (_page, _app) = renamed_and_not_saved_yet().await;
    wait_until("this tab saves its revision 2", || {
        stored_name().as_deref() == Some("Mine")
    })
    .await;
    // Another tab's revision 2 replaced it; its event has not arrived yet.
    storage()
        .set_item(WORKSPACE_KEY, &workspace_file(ID, "Theirs", 2, 1))
        .unwrap();
    type_into(&field("Workspace"), "Mine again");
    wait_until("the question", || {
        button("Keep the other tab's version").is_some()
    })
    .await;
    assert_eq!(stored_name().as_deref(), Some("Theirs"));
    click("Keep the other tab's version");
    wait_until("the field shows theirs", || {
        field("Workspace").value() == "Theirs"
    })
    .await;
    // Taking theirs changes the workspace; a save of that change would come
    // SAVE_DELAY later: watch past it.
    assert_stays("taking theirs writes nothing", PAST_THE_SAVE_DELAY, || {
        stored_revision() == 2
    })
    .await;
}

/// Takes the Web Lock `name` as another tab saving would, until the
/// returned function is called.
fn hold_lock(name: &str) -> js_sys::Function {
    let mut release = None;
    let held = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
    let locks = js_sys::Reflect::get(&window().navigator(), &js("locks")).unwrap();
    let request: js_sys::Function = js_sys::Reflect::get(&locks, &js("request"))
        .unwrap()
        .unchecked_into();
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || held);
    request.call2(&locks, &js(name), &callback).unwrap();
    release.unwrap()
}

#[wasm_bindgen_test]
async fn a_save_waits_while_another_tab_saves_and_then_sees_its_save() {
    let (_page, _app) = renamed_and_not_saved_yet().await;
    // Another tab is between reading and writing, holding the lock.
    let release = hold_lock(WORKSPACE_KEY);
    wait_until_async(
        "this tab's save waits for the lock the other tab holds",
        async || lock_requests(WORKSPACE_KEY).await == (1, 1),
    )
    .await;
    assert_eq!(
        stored_name().as_deref(),
        Some("Acme"),
        "this tab waits for the lock"
    );
    storage()
        .set_item(WORKSPACE_KEY, &workspace_file(ID, "Theirs", 2, 1))
        .unwrap();
    release.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    wait_until("the question", || {
        button("Keep the other tab's version").is_some()
    })
    .await;
    assert_eq!(stored_name().as_deref(), Some("Theirs"));
    assert_eq!(field("Workspace").value(), "Mine");
}

#[wasm_bindgen_test]
async fn a_workspace_removed_elsewhere_is_written_back_and_said_so() {
    let _page = fresh_page().await;
    storage()
        .set_item(WORKSPACE_KEY, &workspace_file(ID, "Acme", 4, 1))
        .unwrap();
    let _app = mount_app().await;
    remove_from_other_tab(false).await;
    wait_until("it is written back", || stored(WORKSPACE_KEY).is_some()).await;
    assert_eq!(stored_name().as_deref(), Some("Acme"));
    assert_eq!(stored_revision(), 5);
    assert_eq!(stored_workspace().unwrap()["data"]["id"], ID);
    wait_until("the notice", || alert_says("removed this workspace")).await;
    assert!(
        alert_says("nothing is lost"),
        "{:?}",
        texts_with_role("alert")
    );

    // Storage cleared as a whole while a change waits here.
    click("Dismiss");
    type_into(&field("Workspace"), "Acme north");
    remove_from_other_tab(true).await;
    wait_until("it is written back with the change", || {
        stored_name().as_deref() == Some("Acme north")
    })
    .await;
    assert_eq!(stored_revision(), 6);
    wait_until("the notice", || alert_says("removed this workspace")).await;
}

#[wasm_bindgen_test]
async fn hiding_the_page_saves_at_once() {
    let (_page, _app) = renamed_and_not_saved_yet().await;
    // The browser runs the page's pending effects before the next event.
    settle().await;
    hide_page();
    // No wait: the save is done by the time the event's listeners return.
    assert_eq!(
        stored_name().as_deref(),
        Some("Mine"),
        "saved before the page can be frozen"
    );
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_its_screen_and_navigation_marks_it() {
    let _page = fresh_page().await;
    window().location().set_hash("#/data").unwrap();
    let _app = mount_app().await;
    let heading = document().query_selector("main h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "Data & backup");
    let current = document()
        .query_selector("nav a[aria-current=\"page\"]")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), "Data & backup");
    window().location().set_hash("#/").unwrap();
    wait_until("the home screen shows", || {
        document()
            .query_selector("main h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
            == "Home"
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_link_to_no_page_says_so_and_leads_home() {
    let _page = fresh_page().await;
    window().location().set_hash("#/nowhere").unwrap();
    let _app = mount_app().await;
    let main_heading = || {
        document()
            .query_selector("main h1")
            .unwrap()
            .and_then(|h| h.text_content())
            .unwrap_or_default()
    };
    assert_eq!(main_heading(), "Page not found");
    let home: web_sys::HtmlElement = document()
        .query_selector("main a[href=\"#/\"]")
        .unwrap()
        .expect("a link home")
        .unchecked_into();
    assert_eq!(home.text_content().unwrap(), "Go to Home");
    home.click();
    wait_until("the home screen shows", || main_heading() == "Home").await;
}

#[wasm_bindgen_test]
async fn a_newer_version_saving_over_unsaved_changes_says_they_live_only_here() {
    let (_page, _app) = renamed_and_not_saved_yet().await;
    let newer = workspace_file(ID, "From the future", 2, 99);
    save_from_other_tab(&newer).await;
    wait_until("the warning", || {
        alert_says("your latest changes here are not saved")
    })
    .await;
    assert!(field("Workspace").disabled(), "read-only");
    assert!(
        button("Download everything as a file").is_some(),
        "this tab's changes can be kept"
    );
    assert!(button("Download the stored data").is_none());
    // This tab's change asked for a save SAVE_DELAY after it: watch past it.
    assert_stays(
        "the newer data stays as stored",
        PAST_THE_SAVE_DELAY,
        || stored(WORKSPACE_KEY).as_deref() == Some(newer.as_str()),
    )
    .await;
}

#[wasm_bindgen_test]
async fn unreadable_data_written_during_a_session_is_set_aside_and_said_so() {
    let (_page, _app) = renamed_and_not_saved_yet().await;
    // Another program writes garbage without telling this tab.
    storage().set_item(WORKSPACE_KEY, "{not json").unwrap();
    wait_until("this tab's workspace is saved", || {
        stored(WORKSPACE_KEY).is_some_and(|text| text != "{not json")
            && stored_name().as_deref() == Some("Mine")
    })
    .await;
    assert!(alert_says("Something wrote data to this browser's storage"));
    assert!(!alert_says("started with an empty workspace"));
    let aside = quarantine_keys();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(stored(&aside[0]).as_deref(), Some("{not json"));
}
