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
use leptos::prelude::*;

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
        <h1 tabindex="-1">"Import a file"</h1>
        <FileList pending=pending.clone()/>
        <When when=move || readable>
            <Summary preview/>
            {SECTIONS
                .iter()
                .map(|&(heading, hint, change)| {
                    view! { <RecordSection heading hint change preview resolutions names=names.clone()/> }
                })
                .collect_view()}
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
        </When>
        <p class="actions">
            <When when=move || readable>
                <button
                    type="button"
                    disabled=move || !store.is_editable() || nothing()
                    on:click=import
                >
                    "Import"
                </button>
            </When>
            <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
        </p>
        <When when=move || readable && nothing()>
            <p role="status">"Nothing to import: everything in the file is already here."</p>
        </When>
        <When when=move || !store.is_editable()>
            <p class="field-error">"This page is read-only, so nothing can be imported here."</p>
        </When>
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
            format!(
                "{} new, {} changed in the file, {} merged field by field, {} to choose, {} deleted in the file, {} changed here only, {} already the same.",
                p.count(Change::New),
                p.count(Change::Theirs),
                p.count(Change::Merged),
                p.count(Change::Conflict),
                p.count(Change::Deleted),
                p.count(Change::Ours),
                p.count(Change::Same) + p.count(Change::StaysDeleted),
            )
        })
    };
    // Fields of their own the files bring come with the records.
    let fields = move || {
        preview.with(|p| {
            (!p.new_fields.is_empty()).then(|| {
                format!(
                    "Fields of your own this workspace gets: {}.",
                    p.new_fields.join(", ")
                )
            })
        })
    };
    view! {
        <p class="import-summary" role="status">{line}</p>
        <p>{fields}</p>
    }
}

/// The preview's sections: heading, what happens, which records.
const SECTIONS: [(&str, &str, Change); 7] = [
    ("New here", "Added.", Change::New),
    (
        "Changed in the file",
        "Made from the version here: the file's replaces it.",
        Change::Theirs,
    ),
    (
        "Changed on both sides, in different fields",
        "Both kept: the fields listed come from the file.",
        Change::Merged,
    ),
    (
        "Changed on both sides",
        "The same fields changed on both sides, or one side deleted what the other changed. Yours is kept unless you choose otherwise.",
        Change::Conflict,
    ),
    (
        "Deleted in the file",
        "Deleted in the file and unchanged here since: deleted here too unless you keep them.",
        Change::Deleted,
    ),
    (
        "Changed here only",
        "The file holds an older version; yours is kept.",
        Change::Ours,
    ),
    (
        "Deleted here",
        "The file holds the deleted version or an older one: they stay deleted.",
        Change::StaysDeleted,
    ),
];

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
    let mut title = format!("{}: {}", record.kind.label(), record.title);
    if let Some(file) = &from {
        title.push_str(" (from ");
        title.push_str(file);
        title.push(')');
    }
    let options = match (record.change, record.conflict) {
        (Change::Conflict, Some(ConflictKind::DeletedHere)) => Some((
            "Keep it deleted",
            "Restore the file's version",
            Resolution::KeepMine,
        )),
        (Change::Conflict, Some(ConflictKind::DeletedThere)) => Some((
            "Keep mine",
            "Delete it, as the file did",
            Resolution::KeepMine,
        )),
        (Change::Conflict, _) => Some(("Keep mine", "Take the file's", Resolution::KeepMine)),
        (Change::Deleted, _) => Some(("Keep it", "Delete it", Resolution::TakeTheirs)),
        _ => None,
    };
    // What a deletion conflict is about, said in the question itself.
    let why = match record.conflict {
        Some(ConflictKind::DeletedHere) => ": deleted here, changed in the file",
        Some(ConflictKind::DeletedThere) => ": changed here, deleted in the file",
        _ => "",
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
                <legend>{format!("What to do with “{}”{why}", record.title)}</legend>
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
