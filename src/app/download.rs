//! Offers text to the user as a file download. Nothing leaves the browser:
//! the file is made from a local Blob URL.

use super::persistence::Persistence;
use super::state::{AppStore, StorageMode, now};
use crate::domain::share::{Export, FileKind, PersonalData, export};
use crate::format;
use crate::messages::Notice;
use crate::storage::StorageKey;
use crate::t;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The media type of Clientele's files.
const JSON: &str = "application/json";

/// Starts a download of `text` as `file_name`, a file of media type `mime`
/// (`application/json`, `text/csv`).
pub fn offer_download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    start(file_name, mime, text).map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

fn start(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
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
    download_export(store, store.workspace.with_untracked(Export::workspace));
}

/// Downloads `export` as a Clientele file; returns the file's name, or
/// `None` after telling the user why it failed. A complete copy of the
/// workspace is noted as the latest backup.
pub fn download_export(store: AppStore, export: Export) -> Option<String> {
    let at = now();
    let name = export.file_name(at);
    match offer_download(&name, JSON, &format::encode_export(&export, at)) {
        Ok(()) => {
            let backup = export.kind == FileKind::Workspace
                && export.personal_data == PersonalData::Included;
            if backup && store.mode.get_untracked() != StorageMode::ReadOnly {
                store.workspace.update(|w| w.mark_exported(at));
            }
            Some(name)
        }
        Err(e) => {
            store.notify(Notice::DownloadFailed(e));
            None
        }
    }
}

/// Downloads the text stored under `key`, for data this version cannot read
/// (set aside, or from a newer Clientele): unpacked when it is packed and
/// unpacks, so that people can look into it, or else exactly as stored.
pub fn download_stored(store: AppStore, persistence: Persistence, key: &StorageKey) {
    // `clientele-unreadable-<day>.json`, its word in the interface's language.
    let file_name = match key {
        StorageKey::Quarantine(at) => export::file_name(t!(shell_file_unreadable), *at),
        StorageKey::Workspace | StorageKey::Chunk(_) => {
            export::file_name(t!(shell_file_stored), now())
        }
    };
    let result = match persistence.read_stored_file(key) {
        Ok(Some(text)) => offer_download(&file_name, JSON, &text),
        Ok(None) => Err(crate::messages::nothing_stored().to_owned()),
        Err(e) => Err(e.to_string()),
    };
    if let Err(e) = result {
        store.notify(Notice::DownloadFailed(e));
    }
}
