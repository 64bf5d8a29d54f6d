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
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// The "Data & backup" screen.
#[component]
pub fn DataPage() -> impl IntoView {
    let store = use_app_store();
    let kept = move || match store.mode.get() {
        StorageMode::Browser => t!(data_kept_browser),
        StorageMode::InMemory => t!(data_kept_in_memory),
        StorageMode::ReadOnly => t!(data_kept_read_only),
    };
    let usage = move || {
        store
            .storage_info
            .get()
            .usage
            .map(usage_text)
            .unwrap_or_else(|| t!(data_storage_not_measured).into())
    };
    let persistence = move || match store.storage_info.get().persistence {
        Some(Persistence::Granted) => t!(data_persistence_granted),
        Some(Persistence::NotGranted) => t!(data_persistence_not_granted),
        Some(Persistence::Unsupported) => t!(data_persistence_unsupported),
        None => t!(data_persistence_unknown),
    };
    view! {
        <h1 tabindex="-1">{tv!(data_page_title)}</h1>
        <section aria-labelledby="where-heading">
            <h2 id="where-heading">{tv!(data_where_heading)}</h2>
            <p>{kept}</p>
            <p>{tv!(data_never_sent)}</p>
            <dl class="facts">
                <dt>{tv!(data_storage_used)}</dt>
                <dd>{usage}</dd>
                <dt>{tv!(data_persistent_storage)}</dt>
                <dd>{persistence}</dd>
            </dl>
        </section>
        <section aria-labelledby="backup-file-heading">
            <h2 id="backup-file-heading">{tv!(data_backup_heading)}</h2>
            <BackupReminder/>
            <p>{tv!(data_backup_intro)}</p>
            <ExportControl
                label=t!(data_export_everything)
                make=Callback::new(move |()| Some(store.workspace.with_untracked(Export::workspace)))
            />
            <p class="hint">
                {t!(data_file_format_before_link, format = FORMAT_NAME, version = SCHEMA_VERSION)}
                " " <a href="clientele.schema.json">{tv!(data_file_format_link)}</a>
                {t!(data_file_format_after_link, mb = MAX_FILE_MB)}
            </p>
        </section>
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">{tv!(data_import_heading)}</h2>
            <p>{tv!(data_import_intro)}</p>
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
            .confirm_with_message(t!(data_set_aside_delete_confirm))
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
            <h2 id="set-aside-heading">{tv!(data_set_aside_heading)}</h2>
            <p>{tv!(data_set_aside_intro)}</p>
            {move || match copies() {
                Err(e) => view! { <p class="field-error">{e.to_string()}</p> }.into_any(),
                Ok(keys) if keys.is_empty() => view! { <p>{tv!(data_set_aside_none)}</p> }.into_any(),
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
                                        <span>{t!(data_set_aside_at, when = when)}</span>
                                        <button
                                            type="button"
                                            aria-label=t!(data_set_aside_download_label, when = when)
                                            on:click=move |_| download_stored(store, persistence, &for_download)
                                        >
                                            {tv!(data_set_aside_download)}
                                        </button>
                                        <button
                                            type="button"
                                            class="secondary"
                                            aria-label=t!(data_set_aside_delete_label, when = when)
                                            on:click=move |_| delete(for_delete.clone())
                                        >
                                            {tv!(data_set_aside_delete)}
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
