//! The import preview: what a file would add, change and conflict with,
//! field by field, before anything changes.

use super::{PendingImport, confirm};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::app::route::{Route, go_to};
use crate::app::state::use_app_store;
use crate::app::when::When;
use crate::domain::share::diff::FieldChange;
use crate::domain::share::merge;
use crate::domain::share::merge::{ConflictKind, Resolutions};
use crate::domain::share::{Change, ImportMode, MergeChoices, RecordChange, Resolution};
use crate::messages;
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// The "Import a file" screen.
#[component]
pub fn ImportPreview() -> impl IntoView {
    let store = use_app_store();
    move || match store.pending_import.get() {
        None => view! {
            <h1 tabindex="-1">{tv!(data_import_title)}</h1>
            <p>{tv!(data_import_none_waiting)}</p>
            <p><a href=Route::Data.href()>{tv!(data_import_choose_on_data_page)}</a></p>
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
    let mode = Held::new(ImportMode::Merge);
    let resolutions = Held::new(Resolutions::default());
    let parts = pending.parts.clone();
    // A choice about one file can change what the next file does, so the
    // preview follows the choices.
    let preview = Derived::new(move || {
        let choices = MergeChoices {
            mode: mode.get(),
            resolutions: resolutions.get(),
        };
        store
            .workspace
            .with(|w| merge::preview(w, &parts, &choices))
    });
    let whole_workspace = pending.whole_workspace();
    // The readable files' names, by their place among the parts.
    let part_names: Vec<String> = pending
        .files
        .iter()
        .filter(|f| f.outcome.is_ok())
        .map(|f| f.name.clone())
        .collect();
    let names = (part_names.len() > 1).then_some(part_names);
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
        <h1 tabindex="-1">{tv!(data_import_title)}</h1>
        <FileList pending=pending.clone()/>
        <When when=move || readable>
            <Summary preview/>
            {sections()
                .into_iter()
                .map(|(heading, hint, change)| {
                    view! { <RecordSection heading hint change preview resolutions names=names.clone()/> }
                })
                .collect_view()}
            <fieldset class="import-mode">
                <legend>{tv!(data_import_how)}</legend>
                <label>
                    <input
                        type="radio"
                        name="import-mode"
                        checked=move || mode.get() == ImportMode::Merge
                        on:change=move |_| mode.set(ImportMode::Merge)
                    />
                    " " {tv!(data_import_merge)}
                </label>
                <label>
                    <input
                        type="radio"
                        name="import-mode"
                        checked=move || mode.get() == ImportMode::Replace
                        on:change=move |_| mode.set(ImportMode::Replace)
                    />
                    " " {move || replace_text(whole_workspace, preview.with(|p| p.only_here))}
                </label>
            </fieldset>
        </When>
        <p class="actions">
            <When when=move || readable>
                <button
                    type="button"
                    disabled=move || !store.is_editable() || nothing()
                    on:click=import
                >
                    {tv!(data_import_confirm)}
                </button>
            </When>
            <button type="button" class="secondary" on:click=cancel>{tv!(data_import_cancel)}</button>
        </p>
        <When when=move || readable && nothing()>
            <p role="status">{tv!(data_import_nothing)}</p>
        </When>
        <When when=move || !store.is_editable()>
            <p class="field-error">{tv!(data_import_read_only)}</p>
        </When>
        <p class="hint">{tv!(data_import_undo_hint)}</p>
    }
}

fn replace_text(whole_workspace: bool, only_here: usize) -> String {
    match (whole_workspace, only_here) {
        (true, 0) => t!(data_import_replace_whole).to_owned(),
        (true, n) => tn!(data_import_replace_whole_removing, n),
        (false, _) => t!(data_import_replace_records).to_owned(),
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
            <h2 id="import-files-heading">{tv!(data_import_files_heading)}</h2>
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
                        let problems = (!file.problems.is_empty() || !file.notes.is_empty()).then(|| {
                            view! {
                                <ul class="import-problems">
                                    {file
                                        .problems
                                        .iter()
                                        .map(messages::record_problem)
                                        .chain(file.notes.iter().map(messages::migration_note))
                                        .map(|text| view! { <li>{text}</li> })
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
    preview: Derived<crate::domain::share::MergePreview>,
) -> impl IntoView {
    let line = move || {
        preview.with(|p| {
            t!(
                data_import_summary,
                new = p.count(Change::New),
                theirs = p.count(Change::Theirs),
                merged = p.count(Change::Merged),
                conflicts = p.count(Change::Conflict),
                deleted = p.count(Change::Deleted),
                ours = p.count(Change::Ours),
                same = p.count(Change::Same) + p.count(Change::StaysDeleted),
            )
        })
    };
    // Fields of their own the files bring come with the records.
    let fields = move || {
        preview.with(|p| {
            (!p.new_fields.is_empty())
                .then(|| t!(data_import_new_fields, fields = p.new_fields.join(", ")))
        })
    };
    view! {
        <p class="import-summary" role="status">{line}</p>
        <p>{fields}</p>
    }
}

/// The preview's sections: heading, what happens, which records.
fn sections() -> [(&'static str, &'static str, Change); 7] {
    [
        (
            t!(data_import_new_heading),
            t!(data_import_new_hint),
            Change::New,
        ),
        (
            t!(data_import_theirs_heading),
            t!(data_import_theirs_hint),
            Change::Theirs,
        ),
        (
            t!(data_import_merged_heading),
            t!(data_import_merged_hint),
            Change::Merged,
        ),
        (
            t!(data_import_conflict_heading),
            t!(data_import_conflict_hint),
            Change::Conflict,
        ),
        (
            t!(data_import_deleted_heading),
            t!(data_import_deleted_hint),
            Change::Deleted,
        ),
        (
            t!(data_import_ours_heading),
            t!(data_import_ours_hint),
            Change::Ours,
        ),
        (
            t!(data_import_stays_deleted_heading),
            t!(data_import_stays_deleted_hint),
            Change::StaysDeleted,
        ),
    ]
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
    preview: Derived<crate::domain::share::MergePreview>,
    /// The user's choices for conflicts and deletions.
    resolutions: Held<Resolutions>,
    /// With several files, their names by place, to say where each record
    /// comes from.
    names: Option<Vec<String>>,
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
                            .map(|record| {
                                let from = names.as_ref().and_then(|n| n.get(record.part).cloned());
                                view! { <RecordItem record resolutions from/> }
                            })
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
    /// The user's choices for conflicts and deletions.
    resolutions: Held<Resolutions>,
    /// The name of the file it comes from, when several were chosen.
    from: Option<String>,
) -> impl IntoView {
    let kind = record.kind.label();
    let title = match &from {
        Some(file) => t!(
            data_import_record_from,
            kind = kind,
            title = record.title,
            file = file
        ),
        None => format!("{kind}: {}", record.title),
    };
    let options = match (record.change, record.conflict) {
        (Change::Conflict, Some(ConflictKind::DeletedHere)) => Some((
            t!(data_import_keep_deleted),
            t!(data_import_restore_theirs),
            Resolution::KeepMine,
        )),
        (Change::Conflict, Some(ConflictKind::DeletedThere)) => Some((
            t!(data_import_keep_mine),
            t!(data_import_delete_as_file),
            Resolution::KeepMine,
        )),
        (Change::Conflict, _) => Some((
            t!(data_import_keep_mine),
            t!(data_import_take_theirs),
            Resolution::KeepMine,
        )),
        (Change::Deleted, _) => Some((
            t!(data_import_keep_it),
            t!(data_import_delete_it),
            Resolution::TakeTheirs,
        )),
        _ => None,
    };
    // What a deletion conflict is about, said in the question itself.
    let question = match record.conflict {
        Some(ConflictKind::DeletedHere) => {
            t!(data_import_resolve_deleted_here, title = record.title)
        }
        Some(ConflictKind::DeletedThere) => {
            t!(data_import_resolve_deleted_there, title = record.title)
        }
        _ => t!(data_import_resolve, title = record.title),
    };
    let choice = options.map(|(mine, theirs, default)| {
        let (part, id) = (record.part, record.id);
        let name = format!("resolve-{}-{}", record.part, record.id);
        let chosen = move |r: Resolution| {
            resolutions.with(|m| m.get(&(part, id)).copied().unwrap_or(default)) == r
        };
        let set = move |r: Resolution| {
            resolutions.update(|m| {
                m.insert((part, id), r);
            })
        };
        view! {
            <fieldset class="resolution">
                <legend>{question}</legend>
                <label>
                    <input
                        type="radio"
                        name=name.clone()
                        checked=move || chosen(Resolution::KeepMine)
                        on:change=move |_| set(Resolution::KeepMine)
                    />
                    {format!(" {mine}")}
                </label>
                <label>
                    <input
                        type="radio"
                        name=name
                        checked=move || chosen(Resolution::TakeTheirs)
                        on:change=move |_| set(Resolution::TakeTheirs)
                    />
                    {format!(" {theirs}")}
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
                    <th scope="col">{tv!(data_import_field)}</th>
                    <th scope="col">{tv!(data_import_here)}</th>
                    <th scope="col">{tv!(data_import_in_file)}</th>
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
