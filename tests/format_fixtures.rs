//! The file-format module against the files in `tests/fixtures/`: every good
//! file opens and survives a round trip; every bad file gets the message
//! written beside it and changes nothing stored.
//!
//! Each bad file `name.json` has a `name.expected` of two lines:
//! 1. what the import does with it:
//!    - `refused`: the whole file is refused (not JSON, another program's
//!      JSON, a newer schema version, a broken envelope or workspace);
//!    - `skipped`: the file opens, but every record in it is left out with
//!      a reason, so importing it changes nothing at all;
//!    - `repaired`: every record is imported after a repair that is said
//!      (a script address left out, markup kept as plain text);
//!    - `partly`: some records are left out with a reason, the rest are
//!      imported;
//! 2. a fragment of the sentence the user reads: the file's error for a
//!    refused file, one of the record problems otherwise.
//!
//! The outcome is checked, not trusted: a refused file must fail, a skipped
//! one must import nothing, a repaired one must report only repairs, and a
//! bad file that opens with no problem at all fails the test.
#![cfg(not(target_arch = "wasm32"))]

mod sample;

use clientele::domain::share::Shared;
use clientele::domain::share::check::{Repair, looks_like_markup};
use clientele::domain::share::merge::{Incoming, MergeChoices, apply};
use clientele::domain::{Timestamp, Workspace};
use clientele::format::import::check_size;
use clientele::format::{
    FormatError, MAX_FILE_BYTES, RecordFault, SCHEMA_VERSION, decode_file, decode_workspace,
    encode_stored, encode_workspace,
};
use clientele::messages::record_problem;
use serde_json::Value;
use std::fmt::Debug;
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
/// UTF-8, as the browser's `File.text()` does for the import screen (so a
/// UTF-16 file or a zip archive reaches the importer as garbled text).
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
fn the_example_file_as_older_versions_wrote_it_opens_as_the_same_workspace() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let current = read_text(&root.join("public/example.clientele.json"));
    let v1 = read_text(&root.join("tests/fixtures/older/example-v1.clientele.json"));
    let v2 = read_text(&root.join("tests/fixtures/older/example-v2.clientele.json"));
    let v3 = read_text(&root.join("tests/fixtures/older/example-v3.clientele.json"));
    let v4 = read_text(&root.join("tests/fixtures/older/example-v4.clientele.json"));
    let v5 = read_text(&root.join("tests/fixtures/older/example-v5.clientele.json"));
    assert!(v5.contains("\"schema_version\": 5"));
    // Version 6 changed only how browser storage keeps the data; the key
    // account plan and the fields of the team's own came later, and older
    // files never hold them.
    let without_plans = |mut ws: clientele::domain::Workspace| {
        ws.profiles.iter_mut().for_each(|p| {
            p.account_plan.clear();
            p.custom = Default::default();
        });
        ws.settings.custom_fields.clear();
        ws
    };
    assert_eq!(
        decode_workspace(&v5).unwrap(),
        without_plans(decode_workspace(&current).unwrap())
    );
    assert!(v1.contains("\"schema_version\": 1") && v1.contains("\"rating\": 4"));
    assert!(v2.contains("\"schema_version\": 2"));
    assert!(v3.contains("\"schema_version\": 3") && !v3.contains("\"versions\""));
    assert!(v4.contains("\"schema_version\": 4") && v4.contains("\"direct_costs\""));
    for (older, from) in [(v1, 1), (v2, 2), (v3, 3), (v4, 4)] {
        let migrated = decode_workspace(&older).unwrap();
        // The same records; the migration gave them versions besides.
        let mut records_only = migrated.clone();
        records_only.versions.clear();
        // Cost to win is new in schema 5, and needs and the key account
        // plan later: older files never hold them.
        let mut current = without_plans(decode_workspace(&current).unwrap());
        current.profiles.iter_mut().for_each(|p| {
            p.cost_to_win = None;
            p.needs.clear();
        });
        // Nor the worksheets' own column labels: a column without one is
        // headed by its position ("Client #2"), as before.
        for worksheet in &mut current.worksheets {
            worksheet.columns.iter_mut().for_each(|c| c.label.clear());
        }
        assert_eq!(records_only, current);
        // And it goes out in today's shape.
        let again: Value =
            serde_json::from_str(&encode_workspace(&migrated, migrated.updated_at)).unwrap();
        assert_eq!(again["schema_version"], SCHEMA_VERSION);
        // Every record has a version from the migration of its sync marks
        // (schema 3 and before; the example of schema 4 was never shared).
        let versions = again["data"]["versions"].as_object();
        let records = migrated.profiles.len()
            + migrated.worksheets.len()
            + migrated.models.len()
            + migrated.surveys.len()
            + migrated.survey_answers.len();
        let expected = if from < 4 { records } else { 0 };
        assert_eq!(versions.map_or(0, |v| v.len()), expected);
        let answers = again["data"]["profiles"][0]["answers"].as_object().unwrap();
        assert!(!answers.is_empty() && answers.values().all(Value::is_number));
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

/// A file a newer Clientele wrote with the same schema version: fields and
/// values this build does not know, at every level of the workspace.
fn newer_build_file() -> String {
    read_text(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/newer/workspace-from-a-newer-build.json"),
    )
}

/// The time a file says it was exported, so that writing it again stamps
/// the same time.
fn exported_at(text: &str) -> Timestamp {
    let envelope: Value = serde_json::from_str(text).unwrap();
    serde_json::from_value(envelope["exported_at"].clone()).unwrap()
}

#[test]
fn a_newer_builds_file_is_read_and_written_back_byte_for_byte() {
    let text = newer_build_file();
    let workspace = decode_workspace(&text).unwrap_or_else(|e| panic!("should open: {e}"));
    assert_eq!(encode_workspace(&workspace, exported_at(&text)), text);
}

#[test]
fn a_newer_builds_file_imports_without_a_record_left_out_and_writes_back_unchanged() {
    let text = newer_build_file();
    let file = decode_file(&text).unwrap_or_else(|e| panic!("should open: {e}"));
    let messages: Vec<String> = file.problems.iter().map(record_problem).collect();
    assert!(messages.is_empty(), "{messages:?}");
    // The import reads each record on its own; put back together, they
    // are the file again.
    let records = file.incoming.records;
    let workspace = Workspace {
        profiles: records.profiles.into(),
        worksheets: records.worksheets,
        models: records.models,
        surveys: records.surveys,
        survey_answers: records.survey_answers,
        versions: records.versions,
        deleted: records.deleted,
        ..file.incoming.workspace.expect("a whole workspace")
    };
    assert_eq!(encode_workspace(&workspace, exported_at(&text)), text);
}

#[test]
fn stored_data_with_a_value_of_a_newer_build_opens_instead_of_being_set_aside() {
    let text = newer_build_file();
    let workspace = decode_workspace(&text).unwrap();
    assert_eq!(
        workspace.profiles[0].status,
        clientele::domain::profile::Status::Unlisted("key_account")
    );
    // Storage keeps it packed; read back, it is the same workspace and
    // the same file.
    let stored = encode_stored(&workspace, exported_at(&text));
    let reopened = decode_workspace(&stored).unwrap_or_else(|e| panic!("set aside: {e}"));
    assert_eq!(reopened, workspace);
    assert_eq!(encode_workspace(&reopened, exported_at(&text)), text);
}

#[test]
fn records_with_values_of_a_newer_build_import_with_every_value_kept() {
    for path in fixtures("newer") {
        let name = path.display();
        let text = read_text(&path);
        let file = decode_file(&text).unwrap_or_else(|e| panic!("{name} should open: {e}"));
        let messages: Vec<String> = file.problems.iter().map(record_problem).collect();
        assert!(messages.is_empty(), "{name}: {messages:?}");
        let raw: Value = serde_json::from_str(&text).unwrap();
        let imported = serde_json::to_value(&file.incoming.records).unwrap();
        let lists = raw["data"].as_object().unwrap();
        for (field, written) in lists.iter().filter(|(_, v)| v.is_array()) {
            assert_eq!(&imported[field], written, "{name}: {field}");
        }
        assert!(
            !file.incoming.records.is_empty(),
            "{name}: nothing imported"
        );
    }
}

/// What importing a bad file does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Refused,
    Skipped,
    Repaired,
    Partly,
}

/// One bad file and what it must produce.
struct BadFile {
    name: String,
    text: String,
    outcome: Outcome,
    fragment: String,
}

fn bad_files() -> Vec<BadFile> {
    fixtures("bad")
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let expected_path = path.with_extension("expected");
            let expected = fs::read_to_string(&expected_path)
                .unwrap_or_else(|_| panic!("{name} needs {}", expected_path.display()));
            let lines: Vec<&str> = expected
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let [outcome, fragment] = lines[..] else {
                panic!("{name}.expected: two lines, the outcome and the message, not {lines:?}")
            };
            let outcome = match outcome {
                "refused" => Outcome::Refused,
                "skipped" => Outcome::Skipped,
                "repaired" => Outcome::Repaired,
                "partly" => Outcome::Partly,
                other => panic!("{name}.expected: unknown outcome {other:?}"),
            };
            assert!(
                fragment.len() >= 10,
                "{name}.expected: a message fragment that says something, not {fragment:?}"
            );
            BadFile {
                name,
                text: read_text(&path),
                outcome,
                fragment: fragment.to_owned(),
            }
        })
        .collect()
}

/// The workspace in storage while bad files are imported: the realistic
/// sample, saved and read back as the app stores it. Several bad files
/// carry the ids of its records.
fn stored_workspace() -> Workspace {
    let text = encode_workspace(&sample::sample_workspace(), sample::now());
    let stored = decode_workspace(&text).unwrap();
    assert_eq!(stored, sample::sample_workspace());
    stored
}

/// Every record stored before is still there, unchanged and in place; the
/// only records added are those of the file that are new here.
fn assert_only_added<T: Shared + PartialEq + Debug>(
    name: &str,
    stored: &[T],
    merged: &[T],
    imported: &[T],
) {
    assert!(merged.len() >= stored.len(), "{name}: a record was removed");
    assert_eq!(
        &merged[..stored.len()],
        stored,
        "{name}: a stored record changed"
    );
    let new: Vec<&T> = imported
        .iter()
        .filter(|r| !stored.iter().any(|s| s.uuid() == r.uuid()))
        .collect();
    assert_eq!(
        merged[stored.len()..].iter().collect::<Vec<_>>(),
        new,
        "{name}: records added other than the file's checked ones"
    );
}

/// The merge of a file that opened: nothing stored changes, and the only
/// records added are those of the file that passed their checks.
fn assert_nothing_stored_changes(name: &str, stored: &Workspace, incoming: &Incoming) {
    let merged = apply(
        stored,
        std::slice::from_ref(incoming),
        &MergeChoices::default(),
    );
    let records = &incoming.records;
    assert_only_added(name, &stored.profiles, &merged.profiles, &records.profiles);
    assert_only_added(
        name,
        &stored.worksheets,
        &merged.worksheets,
        &records.worksheets,
    );
    assert_only_added(name, &stored.models, &merged.models, &records.models);
    assert_only_added(name, &stored.surveys, &merged.surveys, &records.surveys);
    assert_only_added(
        name,
        &stored.survey_answers,
        &merged.survey_answers,
        &records.survey_answers,
    );
    // Versions change only for the file's own records; no deletion.
    for (id, version) in &merged.versions {
        if stored.versions.get(id) != Some(version) {
            assert!(
                records.profiles.iter().any(|r| r.uuid() == *id)
                    || records.worksheets.iter().any(|r| r.uuid() == *id)
                    || records.models.iter().any(|r| r.uuid() == *id)
                    || records.surveys.iter().any(|r| r.uuid() == *id)
                    || records.survey_answers.iter().any(|r| r.uuid() == *id),
                "{name}: a version of a record not in the file"
            );
        }
    }
    assert_eq!(merged.deleted, stored.deleted, "{name}: a deletion");
    // Everything else (name, settings, active model, …) is as stored.
    let mut rest = merged.clone();
    rest.profiles.clone_from(&stored.profiles);
    rest.worksheets.clone_from(&stored.worksheets);
    rest.models.clone_from(&stored.models);
    rest.surveys.clone_from(&stored.surveys);
    rest.survey_answers.clone_from(&stored.survey_answers);
    rest.versions.clone_from(&stored.versions);
    assert_eq!(&rest, stored, "{name}: the workspace itself changed");
    if records.is_empty() {
        assert_eq!(&merged, stored, "{name}: an empty import changed something");
    }
}

/// Every string in a JSON value.
fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(strings).collect(),
        Value::Object(map) => map
            .iter()
            .flat_map(|(k, v)| std::iter::once(k.clone()).chain(strings(v)))
            .collect(),
        _ => Vec::new(),
    }
}

/// Every value under `key`, anywhere in a JSON value.
fn values_of<'a>(value: &'a Value, key: &str, out: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| values_of(v, key, out)),
        Value::Object(map) => {
            for (k, v) in map {
                if k == key {
                    out.push(v);
                }
                values_of(v, key, out);
            }
        }
        _ => {}
    }
}

/// The ends of every range in a JSON value, as numbers.
fn ranges(value: &Value, out: &mut Vec<(f64, f64)>) {
    let number = |v: &Value| {
        v.as_f64()
            .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            .unwrap()
    };
    match value {
        Value::Array(items) => items.iter().for_each(|v| ranges(v, out)),
        Value::Object(map) => {
            if map.get("kind").and_then(Value::as_str) == Some("range") {
                out.push((number(&map["low"]), number(&map["high"])));
            }
            map.values().for_each(|v| ranges(v, out));
        }
        _ => {}
    }
}

/// A repaired file's records, as imported, hold what each repair says:
/// the bad value gone, markup kept verbatim as text.
fn assert_repairs_hold(name: &str, raw: &Value, incoming: &Incoming, repairs: &[&Repair]) {
    let imported = serde_json::to_value(&incoming.records).unwrap();
    let imported_strings = strings(&imported);
    let mut found = Vec::new();
    for repair in repairs {
        match repair {
            Repair::WebsiteRemoved(text) => {
                assert!(
                    strings(raw).contains(text),
                    "{name}: {text} not in the file"
                );
                assert!(!imported_strings.contains(text), "{name}: {text} kept");
                found.clear();
                values_of(&imported, "website", &mut found);
                for website in &found {
                    let website = website.as_str().unwrap().to_ascii_lowercase();
                    assert!(
                        website.starts_with("https://") || website.starts_with("http://"),
                        "{name}: {website} kept"
                    );
                }
            }
            Repair::EmailRemoved(text) | Repair::CurrencyRemoved(text) => {
                assert!(
                    strings(raw).contains(text),
                    "{name}: {text} not in the file"
                );
                assert!(!imported_strings.contains(text), "{name}: {text} kept");
            }
            Repair::LooksLikeMarkup => {
                let markup: Vec<String> = strings(raw)
                    .into_iter()
                    .filter(|s| looks_like_markup(s))
                    .collect();
                assert!(!markup.is_empty(), "{name}: no markup in the file");
                for text in markup {
                    assert!(
                        imported_strings.contains(&text),
                        "{name}: {text:?} was not kept verbatim"
                    );
                }
            }
            Repair::ReversedRange(_) => {
                let mut before = Vec::new();
                ranges(raw, &mut before);
                assert!(before.iter().any(|(low, high)| low > high), "{name}");
                let mut after = Vec::new();
                ranges(&imported, &mut after);
                assert!(
                    after.iter().all(|(low, high)| low <= high),
                    "{name}: a range going down was kept"
                );
            }
            Repair::InfluenceRemoved | Repair::RatingRemoved => {
                let key = match repair {
                    Repair::InfluenceRemoved => "influence",
                    _ => "rating",
                };
                found.clear();
                values_of(&imported, key, &mut found);
                values_of(&imported, "ratings", &mut found);
                for value in &found {
                    let numbers: Vec<u64> = match value {
                        Value::Object(map) => map.values().filter_map(Value::as_u64).collect(),
                        other => other.as_u64().into_iter().collect(),
                    };
                    assert!(
                        numbers.iter().all(|n| (1..=5).contains(n)),
                        "{name}: {value} kept"
                    );
                }
            }
            Repair::RepeatedIdsRenewed(_) => {
                for profile in &incoming.records.profiles {
                    let ids: std::collections::BTreeSet<_> =
                        profile.people.iter().map(|p| p.id).collect();
                    assert_eq!(
                        ids.len(),
                        profile.people.len(),
                        "{name}: a repeated id kept"
                    );
                }
            }
            Repair::BirthdayRemoved => {
                found.clear();
                values_of(&imported, "birthday", &mut found);
                assert!(found.is_empty(), "{name}: the birthday was kept");
            }
            Repair::NameShortened { max } => {
                for record in &incoming.records.profiles {
                    assert!(record.name.chars().count() <= *max, "{name}");
                }
            }
        }
    }
}

#[test]
fn every_bad_file_gets_its_message_and_changes_nothing_stored() {
    let stored = stored_workspace();
    let bad = bad_files();
    assert!(
        bad.len() >= 45,
        "keep at least 45 bad files, not {}",
        bad.len()
    );
    let mut seen = std::collections::BTreeMap::new();
    for file in &bad {
        let name = file.name.as_str();
        *seen.entry(format!("{:?}", file.outcome)).or_insert(0) += 1;
        let result = decode_file(&file.text);
        if file.outcome == Outcome::Refused {
            let error = match result {
                Err(e) => e.to_string(),
                Ok(f) => panic!("{name} should be refused, but opened: {:?}", f.problems),
            };
            assert!(
                error.contains(&file.fragment),
                "{name}: {error:?} lacks {:?}",
                file.fragment
            );
            // Storage refuses it as well, except packed data: what storage
            // holds, refused only as a file. It must be real stored data, so
            // that the file is refused for being packed, not for a fault.
            if error == FormatError::PackedFile.to_string() {
                decode_workspace(&file.text)
                    .unwrap_or_else(|e| panic!("{name}: not real stored data: {e}"));
            } else {
                assert!(decode_workspace(&file.text).is_err(), "{name}");
            }
            continue;
        }
        let imported =
            result.unwrap_or_else(|e| panic!("{name} should open ({:?}), but: {e}", file.outcome));
        let messages: Vec<String> = imported.problems.iter().map(record_problem).collect();
        assert!(
            !messages.is_empty(),
            "{name}: a bad file was accepted without a word"
        );
        assert!(
            messages.iter().any(|m| m.contains(&file.fragment)),
            "{name}: {messages:?} lacks {:?}",
            file.fragment
        );
        let skipped = imported
            .problems
            .iter()
            .filter(|p| matches!(p.fault, RecordFault::Skipped(_)))
            .count();
        let records = imported.incoming.records.len();
        match file.outcome {
            Outcome::Skipped => {
                assert_eq!(skipped, messages.len(), "{name}: {messages:?}");
                assert_eq!(records, 0, "{name}: records were imported");
            }
            Outcome::Repaired => {
                assert_eq!(skipped, 0, "{name}: {messages:?}");
                assert!(records > 0, "{name}: nothing was imported");
                let raw: Value = serde_json::from_str(&file.text).unwrap();
                let repairs: Vec<&Repair> = imported
                    .problems
                    .iter()
                    .filter_map(|p| match &p.fault {
                        RecordFault::Repaired(r) => Some(r),
                        RecordFault::Skipped(_) => None,
                    })
                    .collect();
                assert_repairs_hold(name, &raw["data"], &imported.incoming, &repairs);
            }
            Outcome::Partly => {
                assert!(skipped > 0, "{name}: nothing was left out");
                assert!(records > 0, "{name}: nothing was imported");
            }
            Outcome::Refused => unreachable!(),
        }
        assert_nothing_stored_changes(name, &stored, &imported.incoming);
    }
    // Every outcome is exercised, so none of the branches above is dead.
    assert_eq!(seen.len(), 4, "{seen:?}");
}

#[test]
fn records_that_name_stored_ones_never_replace_them() {
    let stored = stored_workspace();
    for file in bad_files()
        .into_iter()
        .filter(|f| f.name.starts_with("stored-"))
    {
        let imported = decode_file(&file.text).unwrap();
        let merged = apply(
            &stored,
            std::slice::from_ref(&imported.incoming),
            &MergeChoices::default(),
        );
        let raw: Value = serde_json::from_str(&file.text).unwrap();
        let mut ids = Vec::new();
        values_of(&raw["data"], "id", &mut ids);
        assert!(
            ids.iter().any(|id| {
                let id = id.as_str().unwrap();
                stored.profiles.iter().any(|p| p.id.to_string() == id)
                    || stored.models.iter().any(|m| m.id.to_string() == id)
                    || stored.worksheets.iter().any(|w| w.id.to_string() == id)
            }),
            "{}: names no stored record",
            file.name
        );
        assert_eq!(merged.profiles, stored.profiles, "{}", file.name);
        assert_eq!(merged.models, stored.models, "{}", file.name);
        assert_eq!(merged.worksheets, stored.worksheets, "{}", file.name);
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
    assert_eq!(file.incoming.records.profiles[0].name, "Acme Sp. z o.o.");
}

/// The size limit ([`MAX_FILE_BYTES`], 75 MiB, documented in the README) is
/// checked before anything is parsed, and the refusal says how large the
/// file is and what the limit is. No such fixture is committed: the
/// oversized text is made here.
#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let limit = MAX_FILE_BYTES;
    assert!(check_size(limit).is_ok());
    let message = check_size(limit + 1).unwrap_err().to_string();
    assert!(
        message.starts_with("This file is 75.1 MB, larger than the 75.0 MB Clientele reads"),
        "a file just over the limit must not read as the limit: {message}"
    );
    assert!(message.ends_with("Nothing has been changed."), "{message}");
    let message = check_size(80 * 1024 * 1024).unwrap_err().to_string();
    assert!(
        message.starts_with("This file is 80.0 MB, larger than the 75.0 MB Clientele reads"),
        "{message}"
    );
    // A real workspace file, its one note padding it past the limit.
    let mut big = sample::sample_workspace();
    big.profiles[0].financial.note = "x".repeat(limit as usize);
    let text = encode_workspace(&big, sample::now());
    assert!(text.len() as u64 > limit);
    let error = decode_file(&text).unwrap_err();
    assert!(matches!(error, FormatError::TooLarge { .. }), "{error:?}");
    assert!(error.to_string().contains("Nothing has been changed"));
    // Refused before parsing: broken JSON over the limit is "too large", not
    // "not JSON".
    let broken = format!(
        "{{\"format\":\"clientele\",\"pad\":\"{}",
        "x".repeat(limit as usize)
    );
    assert!(matches!(
        decode_file(&broken),
        Err(FormatError::TooLarge { .. })
    ));
}

#[test]
fn an_older_file_says_which_models_its_update_re_scores() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let v4 = read_text(&root.join("tests/fixtures/older/example-v4.clientele.json"));
    let file = decode_file(&v4).unwrap();
    assert_eq!(
        file.notes,
        [clientele::format::MigrationNote::DefaultModelUpdated {
            model: "Perfect Prospect Model".into()
        }]
    );
    // Today's files need no update and say nothing.
    let current = read_text(&root.join("public/example.clientele.json"));
    assert_eq!(decode_file(&current).unwrap().notes, []);
}
