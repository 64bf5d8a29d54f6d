//! End-to-end tests: the release build in `dist/`, served on a free
//! loopback port and used in headless Chromium through chromedriver, the
//! way a person uses it.
//!
//! Run with `make test-e2e` (after `make dist`). Each test starts its own
//! server, chromedriver and Chromium with an empty profile, so tests share
//! no storage and can run in any order.

mod accessibility;
mod bench;
mod custom_fields;
mod first_visit;
mod keyboard;
mod offline;
mod polish;
mod profiles;
mod reports;
mod scoring;
mod sharing;
// The generated workspaces of the native benchmarks, for the page's own.
#[path = "../sample/mod.rs"]
mod sample;
mod support;
mod surveys;
mod worksheets;

use std::time::Duration;
use support::{
    App, Name, QUARANTINE_PREFIX, Role, SAVE_DELAY, WORKSPACE_KEY, stays_for, wait_until,
};

/// The name a new workspace starts with (`DEFAULT_NAME` in the app).
const DEFAULT_NAME: &str = "My workspace";

/// Waits until the status line says every change is saved and storage holds
/// a workspace named `name`, and returns the stored revision.
async fn wait_until_saved(app: &App, name: &str) -> u64 {
    app.wait_until_stored(&format!("the workspace {name:?} is saved"), |stored| {
        let stored_name = stored["data"]["name"].as_str();
        if stored_name == Some(name) {
            Ok(stored["data"]["revision"].as_u64().unwrap_or_default())
        } else {
            Err(format!("storage holds the name {stored_name:?}"))
        }
    })
    .await
}

/// Waits until the navigation link `name` is marked as the current page.
async fn wait_until_current_link(app: &App, name: &str) {
    wait_until(
        &format!("the {name:?} link is marked as the current page"),
        async || {
            let link = app.find(Role::Link, Name::Is(name)).await?;
            let current = link.attr("aria-current").await.map_err(|e| e.to_string())?;
            if current.as_deref() == Some("page") {
                Ok(())
            } else {
                Err(format!("its aria-current is {current:?}"))
            }
        },
    )
    .await;
}

#[tokio::test]
async fn the_app_loads_its_own_files_only_and_logs_no_error() {
    let app = App::open("").await;

    app.assert_no_console_errors();

    // Everything the page asked the server for is a file of the build.
    let files = app.dist_files();
    let served = app.served();
    for request in &served {
        let file = match request.path.as_str() {
            "/" => "index.html",
            path => path.trim_start_matches('/'),
        };
        assert!(
            request.method == "GET" && request.status == 200 && files.iter().any(|f| f == file),
            "the page asked for something that is not one of its files: {request:?}\nall requests: {served:#?}"
        );
    }
    for suffix in [".js", "_bg.wasm", ".css"] {
        assert!(
            served.iter().any(|request| request.path.ends_with(suffix)),
            "the page never loaded its {suffix} file: {served:#?}"
        );
    }

    // The check every test ends with sees the page's own requests…
    assert!(
        app.requested_urls()
            .iter()
            .any(|url| url.ends_with("_bg.wasm")),
        "the browser's network log has the wasm: {:#?}",
        app.requested_urls()
    );
    assert_eq!(app.foreign_requests(), Vec::<String>::new());
    // …and would catch one for something else, such as a tracker on the
    // page's own server.
    app.run("fetch('/collect?event=open'); return true;", vec![])
        .await;
    let foreign = wait_until("the check sees the request", async || {
        let foreign = app.foreign_requests();
        match foreign.iter().any(|url| url.contains("/collect")) {
            true => Ok(foreign),
            false => Err(format!("it lists {foreign:?}")),
        }
    })
    .await;
    assert!(
        foreign
            .iter()
            .all(|url| url.ends_with("/collect?event=open") || url.ends_with("/collect")),
        "{foreign:#?}"
    );
    app.allow_request("/collect?event=open");
    app.allow_request("/collect");

    // The page's policy refuses any other host outright.
    app.allow_request("http://127.0.0.2:9/collect");
    let refused = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             document.addEventListener('securitypolicyviolation', \
               e => done('refused by ' + e.effectiveDirective), {once: true}); \
             fetch('http://127.0.0.2:9/collect').then(() => done('sent'), () => {});",
            vec![],
        )
        .await
        .expect("the script runs");
    assert_eq!(refused, "refused by connect-src");
}

#[tokio::test]
async fn the_workspace_name_survives_a_reload() {
    let app = App::open("").await;
    app.wait_for_field_value("Workspace", DEFAULT_NAME).await;

    app.type_into("Workspace", "Acme sales team").await;
    wait_until_saved(&app, "Acme sales team").await;
    app.reload().await;

    app.wait_for_field_value("Workspace", "Acme sales team")
        .await;
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_deep_link_survives_a_reload() {
    let app = App::open("#/data").await;
    app.wait_for_main_heading("Data & backup").await;
    wait_until_current_link(&app, "Data & backup").await;

    app.reload().await;
    app.wait_for_main_heading("Data & backup").await;
    wait_until_current_link(&app, "Data & backup").await;
    let sections = app.navigation_links().await;
    assert_eq!(
        sections,
        [
            "Home",
            "Profiles",
            "ICP worksheets",
            "Scoring",
            "Surveys",
            "Data & backup"
        ],
        "the navigation's entries, in order"
    );
    let home = app.wait_for(Role::Link, Name::Is("Home")).await;
    assert_eq!(
        home.attr("aria-current").await.unwrap(),
        None,
        "only one link is the current page"
    );

    home.click().await.expect("the Home link can be clicked");
    app.wait_for_main_heading("Home").await;
    wait_until_current_link(&app, "Home").await;
    let address = app.client().current_url().await.expect("the address");
    assert_eq!(
        address.fragment(),
        Some("/"),
        "the address bar follows the link"
    );
    app.assert_no_console_errors();
}

#[tokio::test]
async fn on_a_narrow_screen_every_navigation_link_is_in_view() {
    let app = App::open("").await;
    // About a phone held sideways, or a window beside another.
    app.client().set_window_size(480, 800).await.unwrap();
    let outside = app
        .run(
            "const width = document.documentElement.clientWidth; \
             return [...document.querySelectorAll('nav a[href]')] \
               .filter(a => { const r = a.getBoundingClientRect(); \
                 return r.left < 0 || r.right > width || r.width === 0; }) \
               .map(a => a.textContent);",
            vec![],
        )
        .await;
    assert_eq!(outside, serde_json::json!([]), "links cut off at the edge");
    app.follow("Data & backup").await;
    app.wait_for_main_heading("Data & backup").await;
}

#[tokio::test]
async fn two_tabs_see_each_others_changes_and_neither_loses_them() {
    let app = App::open("").await;
    let client = app.client();
    let tab_a = client.window().await.expect("the first tab");
    let tab_b = client.new_window(true).await.expect("a second tab").handle;
    client.switch_to_window(tab_b.clone()).await.unwrap();
    app.goto("").await;

    client.switch_to_window(tab_a.clone()).await.unwrap();
    app.type_into("Workspace", "Named in tab A").await;
    let revision_a = wait_until_saved(&app, "Named in tab A").await;

    // Tab B had no changes of its own, so it takes tab A's save at once.
    client.switch_to_window(tab_b.clone()).await.unwrap();
    app.wait_for_field_value("Workspace", "Named in tab A")
        .await;

    app.type_into("Workspace", "Named in tab B").await;
    let revision_b = wait_until_saved(&app, "Named in tab B").await;
    assert!(
        revision_b > revision_a,
        "tab B saved revision {revision_b} over tab A's {revision_a}"
    );

    client.switch_to_window(tab_a.clone()).await.unwrap();
    app.wait_for_field_value("Workspace", "Named in tab B")
        .await;
    let alerts = app.texts(Role::Alert).await.unwrap();
    assert!(
        alerts.is_empty(),
        "taking the other tab's save is no conflict: {alerts:?}"
    );

    for tab in [tab_a, tab_b] {
        client.switch_to_window(tab).await.unwrap();
        app.reload().await;
        app.wait_for_field_value("Workspace", "Named in tab B")
            .await;
    }
    let stored = app.stored_workspace().await.expect("a stored workspace");
    assert_eq!(stored["data"]["name"], "Named in tab B");
    assert_eq!(
        stored["data"]["revision"].as_u64(),
        Some(revision_b),
        "the reloads saved nothing new"
    );
    app.assert_no_console_errors();
}

#[tokio::test]
async fn unreadable_storage_is_set_aside_unchanged_and_reported() {
    const GARBAGE: &str = r#"{"format":"clientele", broken"#;
    let app = App::open("").await;
    app.store(WORKSPACE_KEY, GARBAGE).await;
    app.reload().await;

    app.wait_for(Role::Alert, Name::Contains("could not be read"))
        .await;
    app.wait_for_field_value("Workspace", DEFAULT_NAME).await;

    // The unreadable text is kept, byte for byte, under a quarantine key.
    let keys = app.stored_keys().await;
    let quarantined: Vec<_> = keys
        .iter()
        .filter(|key| key.starts_with(QUARANTINE_PREFIX))
        .collect();
    assert_eq!(quarantined.len(), 1, "one copy is set aside: {keys:?}");
    assert_eq!(app.stored(quarantined[0]).await.as_deref(), Some(GARBAGE));

    app.follow("Data & backup").await;
    app.wait_for_main_heading("Data & backup").await;
    let download = app
        .wait_for(
            Role::Button,
            Name::StartsWith("Download the copy set aside"),
        )
        .await;
    assert_eq!(
        download.text().await.unwrap(),
        "Download",
        "the button reads \"Download\" on screen"
    );
    app.assert_no_console_errors();
}

#[tokio::test]
async fn data_from_a_newer_version_is_never_overwritten() {
    const NEWER: &str = r#"{"format":"clientele","schema_version":999,"exported_at":"2030-01-02T03:04:05.000Z","app_version":"9.0.0","data":{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f","name":"From the future","created_at":"2030-01-02T03:04:05.000Z","revision":41,"holograms":[1,2,3]}}"#;
    let app = App::open("").await;
    app.store(WORKSPACE_KEY, NEWER).await;
    app.reload().await;

    app.wait_for(Role::Alert, Name::Contains("newer version of Clientele"))
        .await;
    let field = app.field("Workspace").await.unwrap();
    assert!(
        !field.is_enabled().await.unwrap(),
        "the Workspace field is disabled"
    );

    // A person cannot type into the disabled field...
    let typed = app.try_type_into("Workspace", "Overwritten").await;
    assert!(
        typed.is_err(),
        "the browser let a person type into the disabled field"
    );
    // ...and a change that gets past it anyway is not saved either.
    app.run(
        "const field = document.getElementById(arguments[0]);\n\
         field.value = 'Overwritten';\n\
         field.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![field.attr("id").await.unwrap().into()],
    )
    .await;
    // Waiting for something not to happen: a save would come SAVE_DELAY
    // after the change, so watch storage well past that.
    stays_for(
        "the stored text is untouched",
        SAVE_DELAY + Duration::from_millis(600),
        async || match app.stored(WORKSPACE_KEY).await {
            Some(text) if text == NEWER => Ok(()),
            other => Err(format!("storage holds {other:?}")),
        },
    )
    .await;

    // Leaving the page saves anything waiting: still nothing may be written.
    app.reload().await;
    assert_eq!(
        app.stored(WORKSPACE_KEY).await.as_deref(),
        Some(NEWER),
        "the stored text is untouched"
    );
    app.wait_for(Role::Alert, Name::Contains("newer version of Clientele"))
        .await;
}
