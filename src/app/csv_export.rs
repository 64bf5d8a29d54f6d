//! Profiles downloaded as a spreadsheet (CSV), for people who read them
//! outside the app; the file imports back through the CSV import.

use super::download::offer_download;
use super::state::{now, use_app_store};
use crate::domain::ProfileId;
use crate::domain::csv::{CsvStyle, profiles_csv};
use crate::domain::profile::Profile;
use crate::domain::share::export::{PERSONAL_DATA_LEFT_OUT, file_name_as, leave_out_personal_data};
use crate::messages::Notice;
use leptos::prelude::*;

/// A button that opens the spreadsheet options and downloads the profiles
/// `ids` gives, in its order.
#[component]
pub fn CsvExport(
    /// The profiles to write, as they are listed when the user downloads.
    ids: Callback<(), Vec<ProfileId>>,
) -> impl IntoView {
    let store = use_app_store();
    let semicolons = RwSignal::new(false);
    let leave_out = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let download = move |_| {
        let style = if semicolons.get_untracked() {
            CsvStyle::Semicolon
        } else {
            CsvStyle::Comma
        };
        let ids = ids.run(());
        let text = store.workspace.with_untracked(|w| {
            let mut profiles: Vec<Profile> = ids
                .iter()
                .filter_map(|id| w.profile(*id).cloned())
                .collect();
            if leave_out.get_untracked() {
                profiles.iter_mut().for_each(leave_out_personal_data);
            }
            profiles_csv(&profiles, style)
        });
        let name = file_name_as("profiles", now(), "csv");
        match offer_download(&name, "text/csv", &text) {
            Ok(()) => done.set(Some(format!("Downloaded {name} ({} profiles).", ids.len()))),
            Err(e) => store.notify(Notice::DownloadFailed(e)),
        }
    };
    view! {
        <details class="export-control">
            <summary>"Download as a spreadsheet (CSV)"</summary>
            <div class="export-options">
                <p class="hint">"The profiles that match the search and filters, with the fields the CSV import reads, so the file imports back."</p>
                <div class="field checkbox">
                    <input type="checkbox" id="csv-semicolons" prop:checked=move || semicolons.get()
                        on:change=move |ev| semicolons.set(event_target_checked(&ev)) />
                    <label for="csv-semicolons">"Semicolons and decimal commas (Excel in Polish and most European languages)"</label>
                </div>
                <div class="field checkbox">
                    <input type="checkbox" id="csv-leave-out" prop:checked=move || leave_out.get()
                        on:change=move |ev| leave_out.set(event_target_checked(&ev)) />
                    <label for="csv-leave-out">"Leave out personal data"</label>
                </div>
                <p class="hint">{PERSONAL_DATA_LEFT_OUT}</p>
                <button type="button" on:click=download>"Download CSV"</button>
                <p role="status" class="hint">{move || done.get()}</p>
            </div>
        </details>
    }
}
