//! The import preview: what a file would add, change and conflict with,
//! field by field, before anything changes.

use super::{PendingImport, confirm};
use crate::app::route::{Route, go_to};
use crate::app::state::use_app_store;
use crate::domain::share::diff::FieldChange;
use crate::domain::share::merge;
use crate::domain::share::{Change, ImportMode, MergeChoices, RecordChange, Resolution};
use crate::messages;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The "Import a file" screen.
#[component]
pub fn ImportPreview() -> impl IntoView {
    let store = use_app_store();
    move || match store.pending_import.get() {
        None => view! {
            <h1 tabindex="-1">"Import a file"</h1>
            <p>"No file is waiting to be imported."</p>
            <p><a href=Route::Data.href()>"Choose a file on the Data & backup page"</a></p>
        }
        .into_any(),
        Some(pending) => view! { <Preview pending/> }.into_any(),
    }
}

/// The preview of files read and waiting.
#[component]
fn Preview(
    /// The files and their records.
    pending: PendingImport,
) -> impl IntoView {
    let store = use_app_store();
    let incoming = pending.incoming.clone();
    let preview = Memo::new(move |_| store.workspace.with(|w| merge::preview(w, &incoming)));
    let mode = RwSignal::new(ImportMode::Merge);
    let resolutions = RwSignal::new(BTreeMap::new());
    let whole_workspace = pending.incoming.workspace.is_some();
    let readable = pending.files.iter().any(|f| f.outcome.is_ok());
    let cancel = move |_| {
        store.pending_import.set(None);
        go_to(&Route::Data);
    };
    let import = move |_| {
        confirm(
            store,
            &MergeChoices {
                mode: mode.get_untracked(),
                resolutions: resolutions.get_untracked(),
            },
        );
    };
    let nothing = move || mode.get() == ImportMode::Merge && preview.with(|p| p.changes_nothing());
    view! {
        <h1 tabindex="-1">"Import a file"</h1>
        <FileList pending=pending.clone()/>
        <Show when=move || readable>
            <Summary preview/>
            <RecordSection
                heading="New here"
                hint="Added."
                change=Change::New
                preview
                resolutions
            />
            <RecordSection
                heading="Changed in the file"
                hint="The file's version replaces the one here, which has not changed since you last shared it."
                change=Change::Theirs
                preview
                resolutions
            />
            <RecordSection
                heading="Changed both here and in the file"
                hint="Choose which version to keep for each; yours is kept unless you choose the file's."
                change=Change::Conflict
                preview
                resolutions
            />
            <RecordSection
                heading="Changed here only"
                hint="The file holds an older version; yours is kept."
                change=Change::Ours
                preview
                resolutions
            />
            <fieldset class="import-mode">
                <legend>"How to import"</legend>
                <label>
                    <input
                        type="radio"
                        name="import-mode"
                        checked=move || mode.get() == ImportMode::Merge
                        on:change=move |_| mode.set(ImportMode::Merge)
                    />
                    " Merge (recommended): add what is new, update what changed in the file, keep "
                    "everything else here"
                </label>
                <label>
                    <input
                        type="radio"
                        name="import-mode"
                        checked=move || mode.get() == ImportMode::Replace
                        on:change=move |_| mode.set(ImportMode::Replace)
                    />
                    {move || replace_text(whole_workspace, preview.with(|p| p.only_here))}
                </label>
            </fieldset>
        </Show>
        <p class="actions">
            <Show when=move || readable>
                <button
                    type="button"
                    disabled=move || !store.is_editable() || nothing()
                    on:click=import
                >
                    "Import"
                </button>
            </Show>
            <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
        </p>
        <Show when=move || readable && nothing()>
            <p role="status">"Nothing to import: everything in the file is already here."</p>
        </Show>
        <Show when=move || !store.is_editable()>
            <p class="field-error">"This page is read-only, so nothing can be imported here."</p>
        </Show>
        <p class="hint">
            "After the import, one click undoes it: the workspace is put back exactly as it was."
        </p>
    }
}

fn replace_text(whole_workspace: bool, only_here: usize) -> String {
    match (whole_workspace, only_here) {
        (true, 0) => " Replace: this workspace becomes the file's (records, settings and active \
                      model)"
            .to_owned(),
        (true, n) => format!(
            " Replace: this workspace becomes the file's (records, settings and active model); \
             {n} {} here but not in the file {} removed",
            if n == 1 { "record" } else { "records" },
            if n == 1 { "is" } else { "are" },
        ),
        (false, _) => " Replace: take the file's version of every record in it, even where yours \
                       changed"
            .to_owned(),
    }
}

/// The files chosen: what each holds, or why it was refused, and the
/// records skipped or repaired.
#[component]
fn FileList(
    /// The files.
    pending: PendingImport,
) -> impl IntoView {
    view! {
        <section aria-labelledby="import-files-heading">
            <h2 id="import-files-heading">"Files"</h2>
            <ul class="import-files">
                {pending
                    .files
                    .into_iter()
                    .map(|file| {
                        let outcome = match &file.outcome {
                            Ok(kind) => view! { <span>{format!(": {}", kind.label())}</span> }.into_any(),
                            Err(e) => view! {
                                <span class="field-error" role="alert">{format!(": {e}")}</span>
                            }
                            .into_any(),
                        };
                        let problems = (!file.problems.is_empty()).then(|| {
                            view! {
                                <ul class="import-problems">
                                    {file
                                        .problems
                                        .iter()
                                        .map(|p| view! { <li>{messages::record_problem(p)}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        });
                        view! {
                            <li>
                                <strong>{file.name}</strong>
                                {outcome}
                                {problems}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// Counts of what the import would do.
#[component]
fn Summary(
    /// The preview.
    preview: Memo<crate::domain::share::MergePreview>,
) -> impl IntoView {
    let line = move || {
        preview.with(|p| {
            format!(
                "{} new, {} changed in the file, {} changed on both sides, {} changed here only, {} already the same.",
                p.count(Change::New),
                p.count(Change::Theirs),
                p.count(Change::Conflict),
                p.count(Change::Ours),
                p.count(Change::Same),
            )
        })
    };
    view! { <p class="import-summary" role="status">{line}</p> }
}

/// The records with one kind of change, each with its field changes.
#[component]
fn RecordSection(
    /// The heading.
    heading: &'static str,
    /// What happens to these records.
    hint: &'static str,
    /// Which records.
    change: Change,
    /// The preview.
    preview: Memo<crate::domain::share::MergePreview>,
    /// The user's choices for conflicts.
    resolutions: RwSignal<BTreeMap<uuid::Uuid, Resolution>>,
) -> impl IntoView {
    let records = move || preview.with(|p| p.with(change).cloned().collect::<Vec<_>>());
    let id = format!("import-{change:?}").to_lowercase();
    move || {
        let records = records();
        (!records.is_empty()).then(|| {
            let heading_id = id.clone();
            view! {
                <section class="import-section" aria-labelledby=id.clone()>
                    <h2 id=heading_id>{format!("{heading} ({})", records.len())}</h2>
                    <p class="hint">{hint}</p>
                    <ul class="import-records">
                        {records
                            .into_iter()
                            .map(|record| view! { <RecordItem record resolutions/> })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// One record of the preview.
#[component]
fn RecordItem(
    /// The record and its change.
    record: RecordChange,
    /// The user's choices for conflicts.
    resolutions: RwSignal<BTreeMap<uuid::Uuid, Resolution>>,
) -> impl IntoView {
    let title = format!("{}: {}", record.kind.label(), record.title);
    let choice = (record.change == Change::Conflict).then(|| {
        let id = record.id;
        let name = format!("resolve-{id}");
        let chosen =
            move |r: Resolution| resolutions.with(|m| m.get(&id).copied().unwrap_or_default()) == r;
        let set = move |r: Resolution| {
            resolutions.update(|m| {
                m.insert(id, r);
            })
        };
        view! {
            <fieldset class="resolution">
                <legend>{format!("Which version of “{}” to keep", record.title)}</legend>
                <label>
                    <input
                        type="radio"
                        name=name.clone()
                        checked=move || chosen(Resolution::KeepMine)
                        on:change=move |_| set(Resolution::KeepMine)
                    />
                    " Keep mine"
                </label>
                <label>
                    <input
                        type="radio"
                        name=name
                        checked=move || chosen(Resolution::TakeTheirs)
                        on:change=move |_| set(Resolution::TakeTheirs)
                    />
                    " Take the file's"
                </label>
            </fieldset>
        }
    });
    let fields =
        (!record.fields.is_empty()).then(|| view! { <FieldTable fields=record.fields.clone()/> });
    view! {
        <li>
            <strong>{title}</strong>
            {fields}
            {choice}
        </li>
    }
}

/// Field by field: the value here and in the file.
#[component]
fn FieldTable(
    /// The fields that differ.
    fields: Vec<FieldChange>,
) -> impl IntoView {
    view! {
        <table class="field-changes">
            <thead>
                <tr>
                    <th scope="col">"Field"</th>
                    <th scope="col">"Here"</th>
                    <th scope="col">"In the file"</th>
                </tr>
            </thead>
            <tbody>
                {fields
                    .into_iter()
                    .map(|f| {
                        view! {
                            <tr>
                                <th scope="row">{f.field}</th>
                                <td>{empty_dash(f.here)}</td>
                                <td>{empty_dash(f.there)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn empty_dash(text: String) -> String {
    if text.is_empty() {
        "—".to_owned()
    } else {
        text
    }
}
