//! A list downloaded as a spreadsheet (CSV), for people who read it outside
//! the app.

use super::download::offer_download;
use super::state::{now, use_app_store};
use crate::app::held::Held;
use crate::domain::csv::CsvStyle;
use crate::domain::share::export::file_name_as;
use crate::i18n::{Language, language};
use crate::messages::Notice;
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// The words of a file's name in the language of the page, for the name
/// `file` gives in code (`survey-results`: "wyniki ankiety" in Polish);
/// `file` itself when it has none.
fn file_words(file: &'static str) -> &'static str {
    match file {
        "profiles" => t!(data_csv_file_profiles),
        "ranking" => t!(data_csv_file_ranking),
        "survey-results" => t!(data_csv_file_survey_results),
        "icp-chart" => t!(data_csv_file_icp_chart),
        _ => file,
    }
}

/// A button that opens the spreadsheet options and downloads the file.
#[component]
pub fn CsvExport(
    /// What the file holds, said under the button.
    hint: &'static str,
    /// The words of the file's name (`profiles`: `clientele-profiles-<date>.csv`),
    /// in English; a Polish page names the file in Polish ([`file_words`]).
    /// They also name the controls' ids.
    file: &'static str,
    /// Whether the rows can hold personal data, which the user may leave out.
    #[prop(optional)]
    personal_data: bool,
    /// Writes the file in a style, leaving out personal data when asked:
    /// its text and how many rows it has.
    make: Callback<(CsvStyle, bool), (String, usize)>,
) -> impl IntoView {
    let store = use_app_store();
    // Excel set up for Polish opens semicolons and decimal commas: the
    // choice a Polish page starts with.
    let semicolons = Held::new(language() == Language::Polish);
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
        let name = file_name_as(file_words(file), now(), "csv");
        match offer_download(&name, "text/csv", &text) {
            Ok(()) => done.set(Some(tn!(data_csv_export_downloaded, rows, name = name))),
            Err(e) => store.notify(Notice::DownloadFailed(e)),
        }
    };
    view! {
        <details class="export-control">
            <summary>{tv!(data_csv_export_summary)}</summary>
            <div class="export-options">
                <p class="hint">{hint}</p>
                <div class="field checkbox">
                    <input type="checkbox" id=id("semicolons") prop:checked=move || semicolons.get()
                        on:change=move |ev| semicolons.set(event_target_checked(&ev)) />
                    <label for=id("semicolons")>{tv!(data_csv_export_semicolons)}</label>
                </div>
                {personal_data.then(|| view! {
                    <div class="field checkbox">
                        <input type="checkbox" id=id("leave-out") prop:checked=move || leave_out.get()
                            on:change=move |ev| leave_out.set(event_target_checked(&ev)) />
                        <label for=id("leave-out")>{tv!(data_export_leave_out)}</label>
                    </div>
                    <p class="hint">{tv!(data_export_personal_data_left_out)}</p>
                })}
                <button type="button" on:click=download>{tv!(data_csv_export_download)}</button>
                <p role="status" class="hint">{move || done.get()}</p>
            </div>
        </details>
    }
}
