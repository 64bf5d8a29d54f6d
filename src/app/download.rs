//! Offers text to the user as a file download. Nothing leaves the browser:
//! the file is made from a local Blob URL.

use super::persistence::Persistence;
use super::state::{AppStore, Notice, now};
use crate::format;
use crate::storage::StorageKey;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Starts a download of `text` as `file_name` (JSON).
pub fn offer_download(file_name: &str, text: &str) -> Result<(), String> {
    start(file_name, text).map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

fn start(file_name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The browser reads the Blob after this task; release it a little later.
    set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Downloads the whole workspace as a Clientele file: the backup, and the way
/// out when the browser cannot save.
pub fn download_workspace(store: AppStore) {
    let at = now();
    let (name, text) = store
        .workspace
        .with_untracked(|w| (w.export_file_name(at), format::encode_workspace(w, at)));
    if let Err(e) = offer_download(&name, &text) {
        store.notify(Notice::DownloadFailed(e));
    }
}

/// Downloads the raw text stored under `key`, exactly as stored, for data
/// this version cannot read (set aside, or from a newer Clientele).
pub fn download_stored(store: AppStore, persistence: Persistence, key: &StorageKey) {
    let file_name = match key {
        StorageKey::Quarantine(at) => format!("clientele-unreadable-{}.json", at.date_text()),
        StorageKey::Workspace => format!("clientele-stored-{}.json", now().date_text()),
    };
    let result = match persistence.read_raw(key) {
        Ok(Some(text)) => offer_download(&file_name, &text),
        Ok(None) => Err(crate::messages::NOTHING_STORED.to_owned()),
        Err(e) => Err(e.to_string()),
    };
    if let Err(e) = result {
        store.notify(Notice::DownloadFailed(e));
    }
}
