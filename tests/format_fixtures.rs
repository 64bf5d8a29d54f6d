//! The file-format module against the files in `tests/fixtures/`: every good
//! file opens and survives a round trip; every bad file is refused with the
//! sentence written beside it in `<name>.expected`.
#![cfg(not(target_arch = "wasm32"))]

use clientele::domain::Timestamp;
use clientele::format::{decode_workspace, encode_workspace};
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

/// Reads a file as bytes and decodes it as UTF-8, as the import screen does.
fn read_text(path: &Path) -> String {
    String::from_utf8(fs::read(path).unwrap()).unwrap()
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

#[test]
fn every_bad_file_is_refused_with_its_expected_message() {
    for path in fixtures("bad") {
        let expected_path = path.with_extension("expected");
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} needs {}", path.display(), expected_path.display()));
        let expected = expected.trim();
        match decode_workspace(&read_text(&path)) {
            Ok(_) => panic!("{} should be refused", path.display()),
            Err(error) => {
                let message = error.to_string();
                assert!(
                    message.contains(expected),
                    "{}: {message:?} lacks {expected:?}",
                    path.display()
                );
            }
        }
    }
}
