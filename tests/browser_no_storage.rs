//! The app when the browser gives no localStorage (disabled, blocked, some
//! private modes). Its own test binary, because it breaks localStorage for
//! the whole page.
#![cfg(target_arch = "wasm32")]

mod common;

use clientele::storage::{BrowserStorage, StorageError};
use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Makes `window.localStorage` throw, as a browser that blocks it does.
fn block_local_storage() {
    let getter = js_sys::Function::new_no_args(
        "throw new DOMException('The operation is insecure.', 'SecurityError')",
    );
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &js("get"), &getter).unwrap();
    js_sys::Reflect::set(&descriptor, &js("configurable"), &true.into()).unwrap();
    js_sys::Object::define_property(&window(), &js("localStorage"), &descriptor);
    assert!(
        window().local_storage().is_err(),
        "the stub must take effect"
    );
}

#[wasm_bindgen_test]
async fn without_storage_the_app_works_in_memory_and_says_so() {
    let _page = page_to_myself().await;
    block_local_storage();
    window().location().set_hash("").unwrap();
    assert_eq!(
        BrowserStorage::open().err(),
        Some(StorageError::Unavailable)
    );

    let _app = mount_app().await;
    assert!(
        alert_says("does not let Clientele keep data"),
        "{:?}",
        texts_with_role("alert")
    );
    assert!(button("Download everything as a file").is_some());
    assert!(
        document()
            .body()
            .unwrap()
            .text_content()
            .unwrap()
            .contains("Kept in this tab only")
    );

    let name = field("Workspace");
    type_into(&name, "Acme in memory");
    wait_until("the status says the change is not saved", || {
        texts_with_role("status")
            .iter()
            .any(|t| t == "Latest changes not saved")
    })
    .await;
    assert_eq!(name.value(), "Acme in memory");
    assert!(
        document().title().contains("Acme in memory"),
        "the app keeps working in memory"
    );
}

#[wasm_bindgen_test]
async fn without_storage_the_backup_reminder_still_comes_back_after_a_change() {
    let _page = page_to_myself().await;
    block_local_storage();
    window().location().set_hash("#/profiles").unwrap();
    let _app = mount_app().await;
    type_into(&field("New profile: company name"), "Northwind");
    click("Create profile");
    window().location().set_hash("#/").unwrap();
    wait_until("home reminds of a backup", || {
        button("Download a backup").is_some()
    })
    .await;

    click("Download a backup");
    wait_until("the reminder goes once the file is downloaded", || {
        button("Download a backup").is_none()
    })
    .await;
    type_into(&field("Workspace"), "Acme in memory");
    wait_until("a change after the download brings it back", || {
        button("Download a backup").is_some()
    })
    .await;
}
