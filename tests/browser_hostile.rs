//! Hostile text imported from a file and shown: no script runs, no markup
//! is created, and the text reads exactly as it was written. The strings
//! are in `tests/fixtures/hostile-strings.json`, plus a 1 MB name.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE: &str = include_str!("fixtures/hostile-strings.json");

/// Elements no profile may create, and attributes that would run script.
const FORBIDDEN: &str = "main script, main img, main iframe, main style, main math, main template, \
    main body, [onerror], [onload], [ontoggle], [onfocus], a[href^='javascript']";

fn main_text() -> String {
    document()
        .query_selector("main")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

fn assert_nothing_ran() {
    let pwned = js_sys::Reflect::get(&window(), &js("pwned")).unwrap();
    assert!(pwned.is_undefined(), "a hostile string ran as script");
    assert!(
        document().query_selector(FORBIDDEN).unwrap().is_none(),
        "a hostile string became markup"
    );
}

#[wasm_bindgen_test]
async fn hostile_strings_are_imported_and_shown_as_text_only() {
    let _page = fresh_page().await;
    let mut strings: Vec<String> = serde_json::from_str(HOSTILE).unwrap();
    assert!(strings.len() >= 20, "keep at least 20 hostile strings");
    strings.push("M".repeat(1024 * 1024));
    let profiles: Vec<serde_json::Value> = strings
        .iter()
        .enumerate()
        .map(|(i, s)| {
            serde_json::json!({
                "id": format!("6f1c1d1e-7d2a-4c43-9a51-{i:012}"),
                "created_at": "2026-11-01T09:00:00Z",
                "name": s, "industry": s, "loyalty_notes": s,
                "people": [{"id": format!("7f1c1d1e-7d2a-4c43-9a51-{i:012}"), "name": s, "notes": s}]
            })
        })
        .collect();
    let file = serde_json::json!({"format": "clientele", "schema_version": 1, "kind": "profiles", "data": {"profiles": profiles}});
    window().location().set_hash("#/data").unwrap();
    let _app = mount_app().await;
    choose_file("Choose files to import", "hostile.json", &file.to_string());
    wait_until("the preview lists them", || {
        main_text().contains(&format!("New here ({})", strings.len()))
    })
    .await;
    assert_nothing_ran();
    click("Import");
    wait_until("they are stored", || {
        stored_workspace().is_some_and(|w| {
            w["data"]["profiles"]
                .as_array()
                .is_some_and(|p| p.len() == strings.len())
        })
    })
    .await;

    // The list shows every name as written (the 1 MB one shortened on import).
    window().location().set_hash("#/profiles").unwrap();
    wait_until("the list shows them", || {
        main_text().contains("Robert'); DROP TABLE profiles;--")
    })
    .await;
    let text = main_text();
    for s in &strings[..strings.len() - 1] {
        assert!(text.contains(s.as_str()), "{s:?} is not shown as text");
    }
    let stored = stored_workspace().unwrap();
    let long = stored["data"]["profiles"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(long, "M".repeat(120), "a 1 MB name is shortened on import");
    assert!(text.contains(&long));
    assert_nothing_ran();

    // Each one-page view too: name, industry, people and notes.
    for i in [0usize, 1, 2, 3, 7, 9, 15, 19, 21] {
        window()
            .location()
            .set_hash(&format!("#/profiles/6f1c1d1e-7d2a-4c43-9a51-{i:012}"))
            .unwrap();
        let expected = strings[i].clone();
        wait_until("the profile shows", || {
            document()
                .query_selector("main h1")
                .unwrap()
                .and_then(|h| h.text_content())
                .as_deref()
                == Some(expected.as_str())
        })
        .await;
        assert_nothing_ran();
    }
}
