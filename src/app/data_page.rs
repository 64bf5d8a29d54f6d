//! Where the data lives: storage status, backups and data set aside.

use super::backup_reminder::BackupReminder;
use super::currency_settings::CurrencySettings;
use super::custom_fields_settings::CustomFieldsSettings;
use super::download::download_stored;
use super::export_control::ExportControl;
use super::import::file_picker::FilePicker;
use super::state::{StorageMode, use_app_store};
use super::status_line::usage_text;
use super::time_text::local_date_time;
use super::use_persistence;
use crate::domain::share::Export;
use crate::format::{FORMAT_NAME, MAX_FILE_BYTES, SCHEMA_VERSION};
use crate::messages::Notice;

/// The file size limit in megabytes, for the page.
const MAX_FILE_MB: u64 = MAX_FILE_BYTES / (1024 * 1024);
use crate::app::held::Held;
use crate::storage::{Persistence, StorageKey};
use leptos::prelude::*;

/// The "Data & backup" screen.
#[component]
pub fn DataPage() -> impl IntoView {
    let store = use_app_store();
    let kept = move || match store.mode.get() {
        StorageMode::Browser => "in this browser's local storage, on this device only.",
        StorageMode::InMemory => {
            "in this tab's memory only: this browser gives Clientele no storage."
        }
        StorageMode::ReadOnly => {
            "nowhere new: this page is read-only to protect the data stored here."
        }
    };
    let usage = move || {
        store
            .storage_info
            .get()
            .usage
            .map(usage_text)
            .unwrap_or_else(|| "Not measured".into())
    };
    let persistence = move || match store.storage_info.get().persistence {
        Some(Persistence::Granted) => "Granted: the browser keeps this data until you clear it.",
        Some(Persistence::NotGranted) => {
            "Not granted: the browser may clear this data when space runs low. Download backups."
        }
        Some(Persistence::Unsupported) => "This browser does not offer it.",
        None => "Not known yet.",
    };
    view! {
        <h1 tabindex="-1">"Data & backup"</h1>
        <section aria-labelledby="where-heading">
            <h2 id="where-heading">"Where your data lives"</h2>
            <p>"Your workspace is kept " {kept}</p>
            <p>
                "Nothing is ever sent over the network. Another browser, device or colleague sees "
                "your work only when you give them a file."
            </p>
            <dl class="facts">
                <dt>"Storage used"</dt>
                <dd>{usage}</dd>
                <dt>"Persistent storage"</dt>
                <dd>{persistence}</dd>
            </dl>
        </section>
        <section aria-labelledby="backup-file-heading">
            <h2 id="backup-file-heading">"Backup and sharing"</h2>
            <BackupReminder/>
            <p>
                "Download everything as one file to keep a backup or to give a colleague your whole "
                "workspace. Single profiles, models and worksheets are exported from their own pages."
            </p>
            <ExportControl
                label="Export everything"
                make=Callback::new(move |()| Some(store.workspace.with_untracked(Export::workspace)))
            />
            <p class="hint">
                "The file is JSON: a \"" {FORMAT_NAME} "\" file of schema version " {SCHEMA_VERSION}
                ", described by its " <a href="clientele.schema.json">"JSON Schema"</a>
                ". Newer versions of Clientele read it; an older version refuses a newer file rather "
                "than misread it. Files up to " {MAX_FILE_MB} " MB are read."
            </p>
        </section>
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">"Import"</h2>
            <p>
                "Records are matched by their identity, so importing a file twice changes nothing and "
                "never duplicates a profile. You see what would change before anything does."
            </p>
            <FilePicker/>
        </section>
        <CurrencySettings/>
        <CustomFieldsSettings/>
        <SetAsideData/>
    }
}

/// Copies of stored data that could not be read, kept until the user
/// downloads and deletes them.
#[component]
fn SetAsideData() -> impl IntoView {
    let store = use_app_store();
    let persistence = use_persistence();
    let changed = Held::new(0u32);
    let copies = move || {
        changed.track();
        store.notices.track();
        persistence.quarantined()
    };
    let delete = move |key: StorageKey| {
        let confirmed = window()
            .confirm_with_message(
                "Delete this set-aside copy for good? Download it first if you may need it.",
            )
            .unwrap_or(false);
        if confirmed {
            if let Err(e) = persistence.delete_quarantined(&key) {
                store.notify(Notice::StorageFailed(e));
            }
            changed.update(|n| *n += 1);
        }
    };
    view! {
        <section aria-labelledby="set-aside-heading">
            <h2 id="set-aside-heading">"Data set aside"</h2>
            <p>
                "When stored data cannot be read, Clientele keeps an untouched copy here instead of "
                "overwriting it."
            </p>
            {move || match copies() {
                Err(e) => view! { <p class="field-error">{e.to_string()}</p> }.into_any(),
                Ok(keys) if keys.is_empty() => view! { <p>"Nothing is set aside."</p> }.into_any(),
                Ok(keys) => view! {
                    <ul class="set-aside">
                        {keys
                            .into_iter()
                            .map(|key| {
                                let when = match &key {
                                    StorageKey::Quarantine(at) => local_date_time(*at),
                                    StorageKey::Workspace | StorageKey::Chunk(_) => String::new(),
                                };
                                let (for_download, for_delete) = (key.clone(), key);
                                view! {
                                    <li>
                                        <span>"Set aside " {when.clone()}</span>
                                        <button
                                            type="button"
                                            aria-label=format!("Download the copy set aside {when}")
                                            on:click=move |_| download_stored(store, persistence, &for_download)
                                        >
                                            "Download"
                                        </button>
                                        <button
                                            type="button"
                                            class="secondary"
                                            aria-label=format!("Delete the copy set aside {when}")
                                            on:click=move |_| delete(for_delete.clone())
                                        >
                                            "Delete"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </section>
    }
}
