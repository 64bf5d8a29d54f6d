//! A list downloaded as a spreadsheet (CSV), for people who read it outside
//! the app.

use super::download::offer_download;
use super::state::{now, use_app_store};
use crate::app::held::Held;
use crate::domain::csv::CsvStyle;
use crate::domain::share::export::{PERSONAL_DATA_LEFT_OUT, file_name_as};
use crate::messages::Notice;
use leptos::prelude::*;

/// A button that opens the spreadsheet options and downloads the file.
#[component]
pub fn CsvExport(
    /// What the file holds, said under the button.
    hint: &'static str,
    /// The words of the file's name (`profiles`: `clientele-profiles-<date>.csv`).
    file: &'static str,
    /// Whether the rows can hold personal data, which the user may leave out.
    #[prop(optional)]
    personal_data: bool,
    /// Writes the file in a style, leaving out personal data when asked:
    /// its text and how many rows it has.
    make: Callback<(CsvStyle, bool), (String, usize)>,
) -> impl IntoView {
    let store = use_app_store();
    let semicolons = Held::new(false);
    let leave_out = Held::new(false);
    let done = Held::new(None::<String>);
    let id = |what: &str| format!("csv-{file}-{what}");
    let download = move |_| {
        let style = if semicolons.get_untracked() {
            CsvStyle::Semicolon
        } else {
            CsvStyle::Comma
        };
        let (text, rows) = make.run((style, leave_out.get_untracked()));
        let name = file_name_as(file, now(), "csv");
        match offer_download(&name, "text/csv", &text) {
            Ok(()) => done.set(Some(format!("Downloaded {name} ({rows} rows)."))),
            Err(e) => store.notify(Notice::DownloadFailed(e)),
        }
    };
    view! {
        <details class="export-control">
            <summary>"Download as a spreadsheet (CSV)"</summary>
            <div class="export-options">
                <p class="hint">{hint}</p>
                <div class="field checkbox">
                    <input type="checkbox" id=id("semicolons") prop:checked=move || semicolons.get()
                        on:change=move |ev| semicolons.set(event_target_checked(&ev)) />
                    <label for=id("semicolons")>"Semicolons and decimal commas (Excel in Polish and most European languages)"</label>
                </div>
                {personal_data.then(|| view! {
                    <div class="field checkbox">
                        <input type="checkbox" id=id("leave-out") prop:checked=move || leave_out.get()
                            on:change=move |ev| leave_out.set(event_target_checked(&ev)) />
                        <label for=id("leave-out")>"Leave out personal data"</label>
                    </div>
                    <p class="hint">{PERSONAL_DATA_LEFT_OUT}</p>
                })}
                <button type="button" on:click=download>"Download CSV"</button>
                <p role="status" class="hint">{move || done.get()}</p>
            </div>
        </details>
    }
}
