//! Importing a chosen file in headless Chromium: the preview before any
//! change, text that looks like markup shown as text only, the merge, and
//! one click to undo it.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WORKSPACE: &str = "6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f";

/// A hostile name: if it were parsed as HTML, the image's error handler
/// would set `window.pwned`.
const HOSTILE: &str = "<img src=x onerror=\"window.pwned=1\"> Beta & <b>Sons</b>";

fn stored_names() -> Vec<String> {
    stored_workspace()
        .and_then(|w| w["data"]["profiles"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect()
}

fn main_text() -> String {
    document()
        .query_selector("main")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_chosen_file_is_previewed_then_merged_and_one_click_undoes_it() {
    let _page = fresh_page().await;
    let mut stored: serde_json::Value =
        serde_json::from_str(&workspace_file(WORKSPACE, "Acme", 1, 1)).unwrap();
    stored["data"]["profiles"] = serde_json::json!([{
        "id": "7f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f", "created_at": "2026-11-01T09:00:00Z", "name": "Northwind"
    }]);
    storage()
        .set_item(WORKSPACE_KEY, &stored.to_string())
        .unwrap();
    window().location().set_hash("#/data").unwrap();
    let _app = mount_app().await;

    let file = serde_json::json!({
        "format": "clientele", "schema_version": 1, "kind": "profile",
        "data": {"profiles": [{"id": "8f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f", "created_at": "2026-11-02T09:00:00Z",
            "name": HOSTILE, "website": "javascript:alert(1)"}]}
    });
    choose_file("Choose files to import", "beta.json", &file.to_string());
    wait_until("the preview shows the new profile", || {
        main_text().contains(&format!("Profile: {HOSTILE}"))
    })
    .await;
    assert!(main_text().contains("is not an http or https address, so it was left out"));
    assert!(main_text().contains("looks like HTML or script"));
    assert_eq!(
        stored_names(),
        ["Northwind"],
        "nothing changes before the import"
    );
    let main = document().query_selector("main").unwrap().unwrap();
    assert!(
        main.query_selector("img, b").unwrap().is_none(),
        "the name is text, not markup"
    );

    click("Import");
    wait_until("the profile is stored", || {
        stored_names() == ["Northwind", HOSTILE]
    })
    .await;
    let stored_beta = &stored_workspace().unwrap()["data"]["profiles"][1];
    assert!(
        stored_beta.get("website").is_none(),
        "the script address is not stored"
    );
    let versions = stored_workspace().unwrap()["data"]["versions"].clone();
    assert!(
        versions["8f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f"]["clock"].is_object(),
        "the imported profile has a version: {versions}"
    );

    click("Undo import");
    wait_until("the workspace is as before", || {
        stored_names() == ["Northwind"]
    })
    .await;
    // Undoing the import is no deletion: nothing would travel in a file.
    let stored = stored_workspace().unwrap();
    assert!(
        stored["data"].get("deleted").is_none(),
        "{}",
        stored["data"]["deleted"]
    );
    // While a profile deleted here leaves a note of its deletion.
    window()
        .location()
        .set_hash("#/profiles/7f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f")
        .unwrap();
    wait_until("the profile page shows", || button("Delete").is_some()).await;
    click("Delete");
    wait_until("the deletion is stored", || {
        stored_workspace().is_some_and(|w| {
            w["data"]["deleted"]["7f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f"]["title"] == "Northwind"
        })
    })
    .await;
    let pwned = js_sys::Reflect::get(&window(), &js("pwned")).unwrap();
    assert!(pwned.is_undefined(), "no script ran");
}

#[wasm_bindgen_test]
async fn a_file_of_another_program_is_refused_with_its_reason_and_nothing_changes() {
    let _page = fresh_page().await;
    storage()
        .set_item(WORKSPACE_KEY, &workspace_file(WORKSPACE, "Acme", 4, 1))
        .unwrap();
    let before = stored(WORKSPACE_KEY);
    window().location().set_hash("#/data").unwrap();
    let _app = mount_app().await;
    choose_file(
        "Choose files to import",
        "scene.json",
        r#"{"format":"excalidraw"}"#,
    );
    wait_until("the reason is shown", || {
        alert_says("it says it is a \"excalidraw\" file")
    })
    .await;
    assert!(button("Import").is_none(), "nothing to import");
    // A change would be saved SAVE_DELAY after it: watch past it.
    assert_stays("stored data stays as it was", PAST_THE_SAVE_DELAY, || {
        stored(WORKSPACE_KEY) == before
    })
    .await;
}
