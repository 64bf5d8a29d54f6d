//! A day's work with the keyboard alone: no clicks. Keys go to whatever has
//! focus; every Tab must move focus on and show where it is (see
//! `support/keyboard.rs`).
//!
//! Run alone with `make test-e2e` filtered: see the README ("Accessibility").

use crate::support::App;
use fantoccini::key::Key;
use serde_json::{Value, json};

/// A replica that never saw this browser's edits: a colleague's.
const COLLEAGUE: &str = "c011ea9ec011ea9e";

/// Waits until the stored profile named "Keyboard Co" passes `check`.
async fn wait_for_profile(app: &App, what: &str, check: impl Fn(&Value) -> bool) -> Value {
    app.wait_until_stored(what, |stored| {
        let profile = stored["data"]["profiles"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == "Keyboard Co")
            .cloned()
            .unwrap_or_default();
        if check(&profile) {
            Ok(stored.clone())
        } else {
            Err(format!("the stored profile is {profile}"))
        }
    })
    .await
}

/// The workspace stored in `app` as a colleague's file would carry it
/// after they set the industry of "Keyboard Co" to `industry` without
/// having seen this browser's last change to it: a conflict.
async fn colleagues_file(app: &App, industry: &str) -> std::path::PathBuf {
    let mut file = app.stored_workspace().await.expect("a stored workspace");
    let profiles = file["data"]["profiles"].as_array_mut().unwrap();
    let profile = profiles
        .iter_mut()
        .find(|p| p["name"] == "Keyboard Co")
        .expect("the profile is stored");
    profile["industry"] = json!(industry);
    let id = profile["id"].as_str().unwrap().to_owned();
    file["data"]["versions"][id] = json!({
        "clock": { COLLEAGUE: 1 },
        "fields": { "industry": format!("{COLLEAGUE}:1") },
    });
    let path = std::env::temp_dir().join(format!(
        "clientele-keyboard-{}-colleague.json",
        std::process::id()
    ));
    std::fs::write(&path, file.to_string()).expect("the colleague's file is written");
    path
}

#[tokio::test]
async fn a_keyboard_alone_creates_rates_charts_imports_and_exports_a_profile() {
    let app = App::open("").await;

    // The first Tab reaches the skip link, which shows itself.
    app.press_key(Key::Tab, false).await;
    app.assert_focus_visible().await;
    let first = app.focus().await;
    assert_eq!(
        (first.role.as_str(), first.name.as_str()),
        ("link", "Skip to main content"),
        "the first Tab's stop"
    );

    // A scoring model, so that the profile can be rated.
    app.tab_to("link", "Scoring").await;
    app.press_key(Key::Enter, false).await;
    app.wait_for_main_heading("Scoring").await;
    app.wait_for_heading_focus().await;
    app.tab_to("button", "Start with the Perfect Prospect Model")
        .await;
    app.press_key(Key::Space, false).await;
    // The button is gone: focus goes back to the screen's heading.
    app.wait_for_heading_focus().await;
    app.wait_until_stored(
        "the model is stored",
        |stored| match stored["data"]["models"].as_array().map(Vec::len) {
            Some(1) => Ok(()),
            other => Err(format!("{other:?} models stored")),
        },
    )
    .await;

    // A new profile, from the Profiles link back in the navigation.
    app.shift_tab_to("link", "Profiles").await;
    app.press_key(Key::Enter, false).await;
    app.wait_for_main_heading("Profiles").await;
    app.wait_for_heading_focus().await;
    app.tab_to("textbox", "New profile: company name").await;
    app.type_keys("Keyboard Co").await;
    app.press_key(Key::Enter, false).await;
    app.wait_for_main_heading("Edit Keyboard Co").await;
    app.wait_for_heading_focus().await;

    // The editor: a status from its list, typed fields, a new person.
    app.tab_to("combobox", "Status").await;
    app.press_key(Key::Down, false).await;
    app.assert_focus_visible().await;
    app.tab_to("textbox", "Industry").await;
    app.type_keys("Logistics").await;
    app.tab_to("textbox", "Average spend per month").await;
    app.type_keys("4 250,50").await;
    app.tab_to("button", "Add person").await;
    app.press_key(Key::Enter, false).await;
    app.wait_for_focus("textbox", "Person's name").await;
    app.type_keys("Anna Nowak").await;
    // Rated in its editor: a digit picks the rating in the list.
    app.tab_to("combobox", "Brand prestige").await;
    app.type_keys("4").await;
    wait_for_profile(&app, "the editor's changes are stored", |p| {
        p["status"] == "customer"
            && p["industry"] == "Logistics"
            && p["monthly_spend"] == "4250.50"
            && p["people"][0]["name"] == "Anna Nowak"
            && p["answers"].as_object().is_some_and(|a| a.len() == 1)
    })
    .await;

    // Onto a new ICP worksheet, from its suggestions.
    app.tab_to("link", "ICP worksheets").await;
    app.press_key(Key::Enter, false).await;
    app.wait_for_main_heading("ICP worksheets").await;
    app.wait_for_heading_focus().await;
    app.tab_to("textbox", "New worksheet: name").await;
    app.type_keys("Keyboard sheet").await;
    app.press_key(Key::Enter, false).await;
    app.wait_for_main_heading("Keyboard sheet").await;
    app.wait_for_heading_focus().await;
    app.tab_to("button", "Add Keyboard Co to the chart").await;
    app.press_key(Key::Enter, false).await;
    app.wait_until_stored("the profile is charted", |stored| {
        let profile = &stored["data"]["profiles"][0]["id"];
        let linked = stored["data"]["worksheets"][0]["columns"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|column| column["profile"] == *profile);
        linked
            .then_some(())
            .ok_or_else(|| "no column links it".to_owned())
    })
    .await;

    // A colleague's file changed the industry too: the preview asks, and
    // the arrow keys take the file's value.
    let file = colleagues_file(&app, "Retail").await;
    app.tab_to("link", "Data & backup").await;
    app.press_key(Key::Enter, false).await;
    app.wait_for_main_heading("Data & backup").await;
    app.wait_for_heading_focus().await;
    app.tab_to("file", "Choose files to import").await;
    // Choosing in the file dialog, as the keyboard does there.
    app.client()
        .active_element()
        .await
        .expect("the focused file input")
        .send_keys(&file.display().to_string())
        .await
        .expect("the file is chosen");
    app.wait_for_main_heading("Import a file").await;
    app.wait_for_heading_focus().await;
    app.tab_to("radio", "Keep mine").await;
    app.press_key(Key::Down, false).await;
    app.assert_focus_visible().await;
    let focus = app.focus().await;
    assert_eq!(
        (focus.role.as_str(), focus.name.as_str()),
        ("radio", "Take the file's"),
        "the arrow moved to the next choice"
    );
    app.tab_to("button", "Import").await;
    app.press_key(Key::Enter, false).await;
    wait_for_profile(&app, "the file's industry is stored", |p| {
        p["industry"] == "Retail"
    })
    .await;
    let _ = std::fs::remove_file(file);

    // Back where the import started, everything exported to a file.
    app.wait_for_main_heading("Data & backup").await;
    app.wait_for_heading_focus().await;
    app.tab_to("button", "Export everything").await;
    app.press_key(Key::Enter, false).await;
    app.tab_to("button", "Download").await;
    app.press_key(Key::Space, false).await;
    let (_, text) = app.take_download().await;
    let exported: Value = serde_json::from_str(&text).expect("the export is JSON");
    let profile = &exported["data"]["profiles"][0];
    assert_eq!(profile["name"], "Keyboard Co");
    assert_eq!(profile["industry"], "Retail");
    assert_eq!(exported["data"]["worksheets"][0]["name"], "Keyboard sheet");

    // Past the last control, focus leaves the page and comes back round.
    app.tab_to("link", "Skip to main content").await;
    app.assert_no_console_errors();
}
