//! The one banner area for problems the user must know about.

use super::conflict_dialog::ConflictDialog;
use super::download::{download_stored, download_workspace};
use super::import::undo::UndoImport;
use super::offline::UpdateBanner;
use super::profile_actions::undo_delete;
use super::state::use_app_store;
use super::use_persistence;
use crate::domain::scoring::default_model;
use crate::format::MigrationNote;
use crate::messages;
use crate::messages::Notice;
use crate::storage::StorageKey;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// Shows every current notice, and the choice to make when another tab
/// saved at the same time.
#[component]
pub fn Banners() -> impl IntoView {
    let store = use_app_store();
    view! {
        <section class="banners" aria-label=t!(shell_banners_label)>
            <ConflictDialog/>
            <UpdateBanner/>
            // One lasting status region: screen readers announce what is
            // put into a region already on the page, not always a region
            // that appears with its text.
            <div role="status" class="undo-notices">
                <UndoDelete/>
                <UndoImport/>
            </div>
            {move || {
                store
                    .notices
                    .get()
                    .into_iter()
                    .map(|notice| view! { <NoticeBanner notice/> })
                    .collect_view()
            }}
        </section>
    }
}

/// Offers to undo the last delete.
#[component]
fn UndoDelete() -> impl IntoView {
    let store = use_app_store();
    let locked = crate::app::fields::locked();
    move || {
        let name = store
            .deleted
            .with(|d| d.as_ref().map(|d| d.profile.name.clone()))?;
        Some(view! {
            <div class="notice info">
                <p>{t!(shell_deleted_profile, name = name)}</p>
                <div class="notice-actions">
                    <button type="button" disabled=locked on:click=move |_| undo_delete(store)>{tv!(shell_undo)}</button>
                    <button type="button" class="secondary" aria-label=t!(shell_dismiss_deleted, name = name)
                        on:click=move |_| store.deleted.set(None)>{tv!(shell_dismiss)}</button>
                </div>
            </div>
        })
    }
}

/// Adds the standard model beside the user's, not active, and opens the
/// model editor where the model switch offers it.
fn add_standard_model(store: super::state::AppStore) {
    store.workspace.update(|w| {
        let mut model = default_model(super::state::now());
        model.name = w.unused_model_name(&model.name);
        w.models.push(model);
    });
    store.dismiss(|n| matches!(n, Notice::Migrated(MigrationNote::EditedModelKept { .. })));
    super::route::go_to(&super::route::Route::ScoringModel);
}

/// One notice with the action that helps, and a way to dismiss it.
#[component]
fn NoticeBanner(
    /// The problem to show.
    notice: Notice,
) -> impl IntoView {
    let store = use_app_store();
    let persistence = use_persistence();
    let text = messages::notice(&notice);
    let action = match &notice {
        Notice::StorageUnavailable
        | Notice::NotSaved(_)
        | Notice::StorageNearlyFull { .. }
        | Notice::NewerDataUnsaved { .. } => Some((
            t!(shell_download_everything),
            Callback::new(move |()| download_workspace(store)),
        )),
        Notice::CorruptQuarantined { key, .. } | Notice::CorruptSetAside { key, .. } => {
            let key = key.clone();
            Some((
                t!(shell_download_unreadable),
                Callback::new(move |()| download_stored(store, persistence, &key)),
            ))
        }
        Notice::CorruptKept { .. } | Notice::NewerData { .. } => Some((
            t!(shell_download_stored),
            Callback::new(move |()| download_stored(store, persistence, &StorageKey::Workspace)),
        )),
        Notice::Migrated(MigrationNote::EditedModelKept { .. }) => Some((
            t!(shell_add_standard_model),
            Callback::new(move |()| add_standard_model(store)),
        )),
        Notice::Migrated(MigrationNote::DefaultModelUpdated { .. })
        | Notice::StorageFailed(_)
        | Notice::DownloadFailed(_)
        | Notice::ImportUndoExpired
        | Notice::RemovedAndSavedAgain
        | Notice::LanguageNotKept(_) => None,
    };
    let dismiss = {
        let notice = notice.clone();
        move |_| store.dismiss(|n| *n == notice)
    };
    view! {
        <div class="notice" role="alert">
            <p>{text}</p>
            <div class="notice-actions">
                {action.map(|(label, run)| {
                    view! { <button type="button" on:click=move |_| run.run(())>{label}</button> }
                })}
                <button type="button" class="secondary" on:click=dismiss>{tv!(shell_dismiss)}</button>
            </div>
        </div>
    }
}
