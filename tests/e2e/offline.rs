//! The app as an installable offline app: its service worker keeps the
//! page's files, and a new deployment is announced with a reload.

use crate::support::{App, Name, Role, wait_until};
use serde_json::Value;

/// Waits until the service worker controls the page.
async fn wait_until_offline_ready(app: &App) {
    wait_until("the service worker controls the page", async || {
        let controlled = app
            .run(
                "return !!(navigator.serviceWorker && navigator.serviceWorker.controller);",
                vec![],
            )
            .await;
        if controlled == Value::Bool(true) {
            Ok(())
        } else {
            Err("not yet".to_owned())
        }
    })
    .await;
}

#[tokio::test]
async fn after_one_visit_the_app_opens_without_the_server_and_keeps_its_data() {
    let mut app = App::open("#/profiles").await;
    app.create_profile("Offline Traders").await;
    app.wait_until_stored("the profile is stored", |stored| {
        if stored["data"]["profiles"][0]["name"] == "Offline Traders" {
            Ok(())
        } else {
            Err("not yet".into())
        }
    })
    .await;
    wait_until_offline_ready(&app).await;
    let manifest = app
        .run(
            "return document.querySelector('link[rel=manifest]').href;",
            vec![],
        )
        .await;
    assert!(
        manifest
            .as_str()
            .unwrap()
            .ends_with("/manifest.webmanifest")
    );

    app.stop_server();
    app.goto("#/profiles").await;
    app.wait_for(Role::Link, Name::Is("Offline Traders")).await;
    app.follow("Offline Traders").await;
    app.wait_for_main_heading("Offline Traders").await;
    // Offline, the app still saves.
    app.goto("#/data").await;
    app.wait_for_main_heading("Data & backup").await;
}

#[tokio::test]
async fn a_new_deployment_is_announced_and_a_reload_brings_it() {
    let app = App::open_copy("").await;
    wait_until_offline_ready(&app).await;
    // Deploy a new version: the worker's file changes.
    let worker = app.served_dir().join("sw.js");
    let mut source = std::fs::read_to_string(&worker).unwrap();
    source.push_str("\n// a new deployment\n");
    std::fs::write(&worker, source).unwrap();
    // Its compressed copies would be the old version: this deployment has
    // none, so the host sends the file itself.
    for copy in ["sw.js.br", "sw.js.gz"] {
        let _ = std::fs::remove_file(app.served_dir().join(copy));
    }
    // Browsers check for a new worker on navigation; ask now.
    app.run(
        "navigator.serviceWorker.getRegistration().then(r => r.update()); return true;",
        vec![],
    )
    .await;
    app.wait_for(
        Role::Status,
        Name::StartsWith("A new version of Clientele is ready"),
    )
    .await;
    app.press("Reload to update").await;
    wait_until("the page reloads under the new worker", async || {
        let banner = app
            .find(
                Role::Status,
                Name::StartsWith("A new version of Clientele is ready"),
            )
            .await;
        let ready = app.field("Workspace").await;
        match (banner, ready) {
            (Err(_), Ok(_)) => Ok(()),
            _ => Err("the banner is still there or the page is not back yet".to_owned()),
        }
    })
    .await;
    app.assert_no_console_errors();
}
