//! The reminder to export a backup after changes.

use super::download::download_workspace;
use super::state::use_app_store;
use super::time_text::local_date_time;
use crate::app::derived::Derived;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// Says when the workspace has changes that no full export holds, with
/// the button that makes one. The browser may clear site data; the file
/// is the backup.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let store = use_app_store();
    let needed = Derived::new(move || {
        // A save moves the revision without notifying the workspace's
        // readers: without this, the first change after a backup would not
        // bring the reminder back.
        store.save_state.track();
        store.workspace.with(|w| {
            w.needs_backup()
                .then(|| w.last_export.as_ref().map(|m| m.at))
        })
    });
    move || {
        let last = needed.get()?;
        let when = match last {
            Some(at) => t!(shell_backup_last, when = local_date_time(at)),
            None => t!(shell_backup_none).to_owned(),
        };
        Some(view! {
            <div class="notice info backup-reminder" role="status">
                <p>{t!(shell_backup_changes, when = when)}</p>
                <div class="notice-actions">
                    <button type="button" on:click=move |_| download_workspace(store)>
                        {tv!(shell_backup_download)}
                    </button>
                </div>
            </div>
        })
    }
}
