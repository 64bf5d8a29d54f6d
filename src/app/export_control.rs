//! The export control used on every screen that can share something as a
//! file: a disclosure with the file's name, the personal-data option and
//! the download button.

use super::download::download_export;
use super::state::{now, use_app_store};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::app::when::When;
use crate::domain::share::Export;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// A button that opens the export options and downloads the file.
#[component]
pub fn ExportControl(
    /// The button's text, such as "Export profile".
    label: &'static str,
    /// Makes the export from the workspace as it is when the user
    /// downloads; `None` when there is nothing to export.
    make: Callback<(), Option<Export>>,
) -> impl IntoView {
    let store = use_app_store();
    let leave_out = Held::new(false);
    let done = Held::new(None::<String>);
    // Building an export copies records, so it is only done while open.
    let open = Held::new(false);
    let built = Derived::new(move || {
        store.workspace.track();
        open.get()
            .then(|| make.run(()))
            .flatten()
            .map(|e| (e.has_people(), e.file_name(now())))
    });
    // Only worth offering when the file would hold people.
    let has_people = move || built.with(|b| b.as_ref().is_some_and(|(people, _)| *people));
    let file_name =
        move || built.with(|b| b.as_ref().map(|(_, name)| name.clone()).unwrap_or_default());
    let download = move |_| {
        let Some(mut export) = make.run(()) else {
            return;
        };
        if leave_out.get_untracked() {
            export = export.without_personal_data();
        }
        if let Some(name) = download_export(store, export) {
            done.set(Some(name));
        }
    };
    view! {
        <details class="export-control" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{label}</summary>
            <div class="export-options">
                <p>{tv!(data_export_file)} " " <code>{file_name}</code></p>
                <When when=has_people>
                    <label class="checkbox">
                        <input
                            type="checkbox"
                            prop:checked=move || leave_out.get()
                            on:change=move |ev| leave_out.set(event_target_checked(&ev))
                        />
                        " " {tv!(data_export_leave_out)}
                    </label>
                    <p class="hint">{tv!(data_export_personal_data_left_out_said)}</p>
                </When>
                <button type="button" on:click=download>{tv!(data_export_download)}</button>
                <p role="status" class="hint">
                    {move || done.get().map(|name| t!(data_export_downloaded, name = name))}
                </p>
            </div>
        </details>
    }
}
