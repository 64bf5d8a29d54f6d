//! The file-format module against the files in `tests/fixtures/`: every good
//! file opens and survives a round trip; every bad file is refused with the
//! sentence written beside it in `<name>.expected`.
#![cfg(not(target_arch = "wasm32"))]

use clientele::domain::share::merge::{MergeChoices, apply};
use clientele::domain::{Timestamp, Workspace};
use clientele::format::import::check_size;
use clientele::format::{
    FormatError, ImportedFile, MAX_FILE_BYTES, decode_file, decode_workspace, encode_workspace,
};
use clientele::messages::record_problem;
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

/// Reads a file as bytes and decodes it as UTF-8, replacing what is not
/// UTF-8, as the browser's `File.text()` does for the import screen.
fn read_text(path: &Path) -> String {
    String::from_utf8_lossy(&fs::read(path).unwrap()).into_owned()
}

#[test]
fn every_good_file_opens_and_survives_an_export_round_trip() {
    let now: Timestamp = "2026-11-22T12:00:00Z".parse().unwrap();
    for path in fixtures("good") {
        let workspace = decode_workspace(&read_text(&path))
            .unwrap_or_else(|e| panic!("{} should open: {e}", path.display()));
        let again = decode_workspace(&encode_workspace(&workspace, now)).unwrap();
        assert_eq!(again, workspace, "{}", path.display());
    }
}

#[test]
fn a_file_saved_by_a_windows_editor_opens() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/good/workspace-v1-windows-bom.json");
    let workspace = decode_workspace(&read_text(&path)).unwrap();
    assert_eq!(workspace.name, "Zapisane w Notatniku");
    assert_eq!(workspace.created_at.to_string(), "2026-11-01T08:00:00.000Z");
}

#[test]
fn fields_from_other_versions_are_kept_and_missing_ones_get_defaults() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let extra =
        decode_workspace(&read_text(&dir.join("workspace-v1-unknown-fields.json"))).unwrap();
    assert_eq!(extra.unknown_fields["tags"][0], "north");
    let minimal = decode_workspace(&read_text(&dir.join("workspace-v1-minimal.json"))).unwrap();
    assert_eq!(
        (minimal.name.as_str(), minimal.revision),
        ("My workspace", 0)
    );
}

/// What the app would show for `text`: the file's own error, or the
/// message of every record skipped or repaired.
fn import_messages(text: &str) -> (Vec<String>, Option<ImportedFile>) {
    match decode_file(text) {
        Err(e) => (vec![e.to_string()], None),
        Ok(file) => (
            file.problems.iter().map(record_problem).collect(),
            Some(file),
        ),
    }
}

/// The workspace held in storage while bad files are imported: the
/// realistic good fixture.
fn stored_workspace() -> Workspace {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/workspace-v1.json");
    decode_workspace(&read_text(&path)).unwrap()
}

#[test]
fn every_bad_file_gets_its_message_and_changes_nothing_stored() {
    let stored = stored_workspace();
    let bad = fixtures("bad");
    assert!(
        bad.len() >= 40,
        "keep at least 40 bad files, not {}",
        bad.len()
    );
    for path in bad {
        let expected_path = path.with_extension("expected");
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} needs {}", path.display(), expected_path.display()));
        let expected = expected.trim();
        let (messages, file) = import_messages(&read_text(&path));
        assert!(
            messages.iter().any(|m| m.contains(expected)),
            "{}: {messages:?} lacks {expected:?}",
            path.display()
        );
        let Some(file) = file else { continue };
        // A bad file that opens must still say what was wrong with it.
        assert!(
            !file.problems.is_empty(),
            "{}: no problem reported",
            path.display()
        );
        // Merging it adds only the records that passed their checks and
        // changes none of the stored ones.
        let merged = apply(&stored, &file.incoming, &MergeChoices::default());
        let mut expected_profiles = stored.profiles.clone();
        expected_profiles.extend(file.incoming.records.profiles.iter().cloned());
        assert_eq!(merged.profiles, expected_profiles, "{}", path.display());
        assert_eq!(
            merged.models.len(),
            stored.models.len() + file.incoming.records.models.len()
        );
        assert_eq!(merged.worksheets, stored.worksheets, "{}", path.display());
        assert_eq!(merged.settings, stored.settings, "{}", path.display());
        assert_eq!(merged.name, stored.name, "{}", path.display());
        for profile in &file.incoming.records.profiles {
            assert!(
                profile
                    .website
                    .as_deref()
                    .is_none_or(|w| w.starts_with("http")),
                "{}: a script address got through",
                path.display()
            );
        }
    }
}

#[test]
fn text_that_looks_like_script_is_kept_verbatim_as_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let file = decode_file(&read_text(&dir.join("script-in-name.json"))).unwrap();
    assert_eq!(
        file.incoming.records.profiles[0].name,
        "<script>alert('x')</script> Acme"
    );
    let file = decode_file(&read_text(&dir.join("website-javascript.json"))).unwrap();
    assert_eq!(file.incoming.records.profiles[0].website, None);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let limit = MAX_FILE_BYTES;
    assert!(check_size(limit).is_ok());
    let message = check_size(limit + 1).unwrap_err().to_string();
    assert!(
        message.contains("larger than the 10.0 MB Clientele reads"),
        "{message}"
    );
    // The text path refuses it too, without parsing it.
    let huge = format!(
        "{{\"format\":\"clientele\",\"pad\":\"{}\"}}",
        "x".repeat(limit as usize)
    );
    assert!(matches!(
        decode_file(&huge),
        Err(FormatError::TooLarge { .. })
    ));
}
