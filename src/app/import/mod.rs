//! Files coming in: chosen with the file picker or dropped on the page.
//! JSON files are read through the format module and shown in the merge
//! preview ([`preview_page`]); CSV files go to the column mapping.
//! Nothing changes until the user confirms the preview, and one click
//! undoes an import.

pub mod csv_page;
pub mod drop_zone;
pub mod file_picker;
pub mod preview_page;
pub mod undo;

use super::route::{Route, go_to};
use super::state::AppStore;
use crate::domain::Workspace;
use crate::domain::share::merge::{self, Incoming, MergeChoices};
use crate::domain::share::{FileKind, Records};
use crate::format::{self, FormatError, RecordProblem};
use crate::t;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// One file read for import.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFile {
    /// Its name on the user's disk.
    pub name: String,
    /// What it holds, once read, or why it was refused (the sentence
    /// shown).
    pub outcome: Result<FileKind, String>,
    /// Its records that were skipped or repaired.
    pub problems: Vec<RecordProblem>,
    /// What bringing an older file up to date changed in how it scores.
    pub notes: Vec<format::MigrationNote>,
}

/// Files read and waiting in the preview for the user's decision.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    /// Every file chosen, in order, with its outcome.
    pub files: Vec<ReadFile>,
    /// The records of the readable files, in order: they are merged one
    /// after the other.
    pub parts: Vec<Incoming>,
}

impl PendingImport {
    /// Whether one whole-workspace file is waiting, which Replace can
    /// take as a whole.
    pub fn whole_workspace(&self) -> bool {
        matches!(self.parts.as_slice(), [one] if one.workspace.is_some())
    }
}

/// The workspace as it was before the last import, while it can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportUndo {
    /// The workspace before the import.
    pub snapshot: Workspace,
    /// The names of the files imported.
    pub files: Vec<String>,
}

/// A CSV file waiting for its column mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvFile {
    /// Its name on the user's disk.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// Whether a file is CSV, by its name or type.
fn is_csv(file: &web_sys::File) -> bool {
    file.name().to_ascii_lowercase().ends_with(".csv") || file.type_() == "text/csv"
}

/// Reads `files` and opens the preview (JSON) or the column mapping (CSV).
pub fn open_files(store: AppStore, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let (csv, json): (Vec<_>, Vec<_>) = files.into_iter().partition(is_csv);
        let mut read = Vec::new();
        for file in json {
            let name = file.name();
            let outcome = match read_text(&file).await {
                Ok(text) => format::decode_file(&text),
                Err(e) => Err(e),
            }
            .map_err(|e| e.to_string());
            read.push((name, outcome));
        }
        // A CSV file needs its own mapping screen: it is read only when
        // chosen alone; otherwise the user is told to choose it by itself.
        let mut csv = csv.into_iter();
        if read.is_empty()
            && csv.len() == 1
            && let Some(file) = csv.next()
        {
            match read_text(&file).await {
                Ok(text) => {
                    store.csv_file.set(Some(CsvFile {
                        name: file.name(),
                        text,
                    }));
                    go_to(&Route::CsvImport);
                    return;
                }
                Err(e) => read.push((file.name(), Err(e.to_string()))),
            }
        }
        for file in csv {
            read.push((
                file.name(),
                Err(crate::messages::csv_on_its_own().to_owned()),
            ));
        }
        store.pending_import.set(Some(pending(read)));
        go_to(&Route::Import);
    });
}

/// Puts the readable files' records together.
fn pending(read: Vec<(String, Result<format::ImportedFile, String>)>) -> PendingImport {
    let mut files = Vec::new();
    let mut parts = Vec::new();
    for (name, outcome) in read {
        match outcome {
            Ok(file) => {
                files.push(ReadFile {
                    name,
                    outcome: Ok(file.incoming.kind),
                    problems: file.problems,
                    notes: file.notes,
                });
                parts.push(file.incoming);
            }
            Err(e) => files.push(ReadFile {
                name,
                outcome: Err(e),
                problems: Vec::new(),
                notes: Vec::new(),
            }),
        }
    }
    PendingImport { files, parts }
}

/// The text of a file, refused before reading when it is too large.
pub async fn read_text(file: &web_sys::File) -> Result<String, FormatError> {
    format::import::check_size(file.size() as u64)?;
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| FormatError::NotJson {
            detail: e
                .as_string()
                .unwrap_or_else(|| t!(data_file_unreadable).to_owned()),
        })?;
    text.as_string().ok_or_else(|| FormatError::NotJson {
        detail: t!(data_file_not_text).to_owned(),
    })
}

/// Applies the pending import with `choices`, keeping a snapshot to undo it.
pub fn confirm(store: AppStore, choices: &MergeChoices) {
    let Some(pending) = store.pending_import.get_untracked() else {
        return;
    };
    let snapshot = store.workspace.get_untracked();
    let merged = merge::apply(&snapshot, &pending.parts, choices);
    store.workspace.set(merged);
    // The merge wrote every version itself: the record keeper starts again
    // from this workspace instead of reading the import as edits made here.
    store.replaced.update(|n| *n += 1);
    store.import_undo.set(Some(ImportUndo {
        snapshot,
        files: pending
            .files
            .iter()
            .filter(|f| f.outcome.is_ok())
            .map(|f| f.name.clone())
            .collect(),
    }));
    store.pending_import.set(None);
    go_to(&after_import(&pending.parts));
}

/// Where to go after an import: a survey file opens the survey (a rep
/// answers it at once), answer files open their survey's results.
fn after_import(parts: &[Incoming]) -> Route {
    // Several files of one kind (reps' answers, say) lead where the first does.
    let Some(incoming) = parts
        .first()
        .filter(|first| parts.iter().all(|p| p.kind == first.kind))
    else {
        return Route::Data;
    };
    let records = &incoming.records;
    match (
        incoming.kind,
        records.surveys.first(),
        records.survey_answers.first(),
    ) {
        (FileKind::Survey, Some(survey), _) => Route::Survey(survey.id),
        (FileKind::SurveyAnswer, _, Some(answer)) => Route::Survey(answer.survey_id),
        _ => Route::Data,
    }
}

/// Imports records made here (from a CSV file): the same preview, merge and
/// undo as a file; their changes count as edits made here.
pub fn preview_records(store: AppStore, name: String, records: Records) {
    store.pending_import.set(Some(PendingImport {
        files: vec![ReadFile {
            name,
            outcome: Ok(FileKind::Profiles),
            problems: Vec::new(),
            notes: Vec::new(),
        }],
        parts: vec![Incoming::local_edits(records)],
    }));
    go_to(&Route::Import);
}

/// Puts the workspace back as it was before the last import.
pub fn undo_import(store: AppStore) {
    if let Some(undo) = store.import_undo.get_untracked() {
        store.workspace.set(undo.snapshot);
        store.replaced.update(|n| *n += 1);
        store.import_undo.set(None);
    }
}

/// Files from a drop or a file input's list.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// The file input that fired `ev`.
pub fn input_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = files_of(input.files());
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    files
}
