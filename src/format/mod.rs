//! The one door in and out for saved data.
//!
//! Every export goes out through [`encode_workspace`] (and every save to
//! browser storage through [`stored`], which writes its parts the same way);
//! every import comes in through [`decode_file`] and every load from storage
//! through [`stored::decode_stored`], in this order:
//! 1. parse the text as JSON (a UTF-8 byte-order mark is dropped first);
//! 2. check the envelope: a wrong `format` is refused before anything else,
//!    then a `schema_version` newer than this app's; an envelope from
//!    storage that holds [`packed`] data is unpacked (to at most
//!    [`MAX_FILE_BYTES`]) and its file text opened from step 1, while a
//!    file that holds packed data is refused: packed data is only ever
//!    read from this app's own storage; stored data's chunks of profiles
//!    are put back into its `data` ([`stored`]);
//! 3. migrate `data` step by step to [`SCHEMA_VERSION`] (see [`migrations`]);
//! 4. read it into the domain types, which fill defaults for missing fields
//!    and keep fields they do not know.

pub mod import;
pub mod migrations;
mod packed;
pub mod stored;

pub use import::{ImportedFile, RecordFault, RecordProblem, decode_file};
pub use migrations::MigrationNote;

use crate::domain::share::{Export, FileKind, PersonalData};
use crate::domain::{Timestamp, Workspace};
use serde::Serialize;
use serde_json::{Map, Value};

/// The `format` every Clientele file carries, so that JSON from another
/// program is recognised and refused.
pub const FORMAT_NAME: &str = "clientele";

/// The schema version this app writes and the newest it can read.
pub const SCHEMA_VERSION: u32 = 6;

/// This app's version, written into every file for people tracing a problem.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Characters of localStorage a site may use: Chromium allows 5 Mi UTF-16
/// code units per origin (about 5.24 million), the largest allowance of
/// the major browsers (Safari gives about half).
pub const STORAGE_QUOTA_CHARS: u64 = 5 * 1024 * 1024;

/// How many times larger than its zlib stream the file text of the most
/// repetitive realistic workspace is; see [`MAX_FILE_BYTES`].
const WORST_EXPANSION: u64 = 8;

/// The most text Clientele reads at once, in bytes: the largest file it
/// imports (checked on the file's size before its text is read, so a huge
/// file cannot freeze the page) and the most a packed workspace from
/// storage may unpack to. 78,643,200 bytes (75 MiB, shown as 75.0 MB).
///
/// Every export must import back, so the limit follows what storage can
/// hold, and the export of a workspace at full storage is the largest file
/// Clientele ever writes:
/// - storage holds at most [`STORAGE_QUOTA_CHARS`] characters, and packed
///   every character carries 15 bits of the zlib stream ([`packed`]), so a
///   full storage holds at most 5,242,880 × 15 / 8 = 9,830,400 bytes of
///   stream;
/// - a whole-workspace file is the text that stream unpacks to (plus a few
///   bytes of a later `exported_at`). zlib could in theory expand a
///   thousandfold, but a workspace cannot: every record carries a random id
///   (122 bits that do not compress) and its own name and numbers. The most
///   repetitive workspace measured, typical profiles that share every text
///   and differ only in ids, names and web addresses, is 6.1 times its
///   stream (2,384 bytes a profile in the file, 209 characters packed:
///   about 25,000 fill storage, a 60 MB file); profiles with words of their
///   own are 3.2 times theirs and profiles with only a name 4.5 times
///   (`tests/capacity.rs` measures all three). [`WORST_EXPANSION`], 8,
///   leaves room above the worst of them.
///
/// So the limit is 9,830,400 × 8 bytes. No Clientele export is larger, and
/// a packed workspace that would unpack to more was not saved by Clientele:
/// inflating stops at the limit and the data is set aside as damaged, so
/// the tab never holds more than this of it.
pub const MAX_FILE_BYTES: u64 = STORAGE_QUOTA_CHARS * packed::BITS as u64 / 8 * WORST_EXPANSION;

/// Why saved data could not be read. The sentences shown to people are in
/// [`crate::messages`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// Nothing but white space.
    #[error("{}", crate::messages::format_error(self))]
    Empty,
    /// Not JSON at all, or broken JSON.
    #[error("{}", crate::messages::format_error(self))]
    NotJson {
        /// The parser's description of the fault, with line and column.
        detail: String,
    },
    /// JSON, but not a Clientele file (no or another `format`).
    #[error("{}", crate::messages::format_error(self))]
    NotClientele {
        /// The `format` found, if there was one.
        found: Option<String>,
    },
    /// A Clientele file without a usable `schema_version`.
    #[error("{}", crate::messages::format_error(self))]
    BadVersion,
    /// Written by a newer Clientele than this one.
    #[error("{}", crate::messages::format_error(self))]
    NewerVersion {
        /// The version in the file.
        found: u64,
        /// The newest version this app reads.
        supported: u32,
    },
    /// A migration step could not convert the data.
    #[error("{}", crate::messages::format_error(self))]
    MigrationFailed {
        /// The version the failing step starts from.
        from: u32,
        /// What went wrong.
        detail: String,
    },
    /// An imported file that holds packed data: what this browser keeps in
    /// its own storage, never an exported file.
    #[error("{}", crate::messages::format_error(self))]
    PackedFile,
    /// Packed data from storage that would unpack to more than
    /// [`MAX_FILE_BYTES`]: not a workspace Clientele saved.
    #[error("{}", crate::messages::format_error(self))]
    UnpacksTooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// A file larger than [`MAX_FILE_BYTES`], refused before it is read.
    #[error("{}", crate::messages::format_error(self))]
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A Clientele file of a kind this version does not know.
    #[error("{}", crate::messages::format_error(self))]
    UnknownKind {
        /// The `kind` found.
        found: String,
    },
    /// Packed data from storage that does not unpack: cut short, changed,
    /// or packed in a way this version does not know.
    #[error("{}", crate::messages::format_error(self))]
    Damaged {
        /// What is wrong with it.
        detail: String,
    },
    /// The envelope is fine but the data inside has a missing or wrong field.
    #[error("{}", crate::messages::format_error(self))]
    InvalidData {
        /// Which field and why, as the reader reported it.
        detail: String,
    },
}

/// The envelope around everything Clientele saves or exports.
#[derive(Debug, Serialize)]
struct Envelope<'a, T> {
    format: &'static str,
    schema_version: u32,
    kind: FileKind,
    #[serde(skip_serializing_if = "is_included")]
    personal_data: PersonalData,
    exported_at: Timestamp,
    app_version: &'static str,
    data: &'a T,
}

fn is_included(personal_data: &PersonalData) -> bool {
    *personal_data == PersonalData::Included
}

/// An envelope opened and checked, its `data` migrated to this version.
struct Opened {
    data: Value,
    notes: Vec<MigrationNote>,
    kind: FileKind,
    personal_data: PersonalData,
    exported_at: Option<Timestamp>,
}

/// Writes a workspace as a Clientele file, stamped as exported at `now`.
pub fn encode_workspace(workspace: &Workspace, now: Timestamp) -> String {
    write(FileKind::Workspace, PersonalData::Included, now, workspace)
}

/// Writes a workspace whole, as browser storage kept it before schema
/// version 6: the file text, [`packed`] to a fifth of its length or less.
/// For tests and benchmarks; the app stores chunks ([`stored`]), and
/// reads a workspace stored whole as it always did.
pub fn encode_stored(workspace: &Workspace, now: Timestamp) -> String {
    pack(&encode_workspace(workspace, now))
}

/// Packs the text of a Clientele file of this schema version as browser
/// storage keeps it (what [`encode_stored`] writes). For tests and fuzzing
/// of the stored-data decoder, which must cope with any text packed.
pub fn pack(file_text: &str) -> String {
    packed::pack(file_text, SCHEMA_VERSION)
}

/// Any bytes as the zlib stream of a packed envelope, as browser storage
/// keeps one: for tests and fuzzing of forged or hostile streams.
pub fn packed_stream(stream: &[u8]) -> String {
    packed::envelope(stream, SCHEMA_VERSION)
}

/// The file text of what storage holds: packed text unpacked, anything
/// else as it is. For people who download stored data to look into it.
pub fn unpacked(text: &str) -> Result<std::borrow::Cow<'_, str>, FormatError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(envelope)) if packed::is_packed(&envelope) => {
            packed::unpack(envelope).map(std::borrow::Cow::Owned)
        }
        _ => Ok(std::borrow::Cow::Borrowed(text)),
    }
}

/// Writes an export as a Clientele file, stamped as exported at `now`.
pub fn encode_export(export: &Export, now: Timestamp) -> String {
    match &export.workspace {
        Some(workspace) => write(export.kind, export.personal_data, now, workspace),
        None => write(export.kind, export.personal_data, now, &export.records),
    }
}

fn write<T: Serialize>(
    kind: FileKind,
    personal_data: PersonalData,
    now: Timestamp,
    data: &T,
) -> String {
    let envelope = Envelope {
        format: FORMAT_NAME,
        schema_version: SCHEMA_VERSION,
        kind,
        personal_data,
        exported_at: now,
        app_version: APP_VERSION,
        data,
    };
    // Serialising plain structs with string keys cannot fail.
    serde_json::to_string(&envelope).expect("records always serialise")
}

/// Reads a workspace stored whole: packed text, or the plain file text
/// older versions stored ([`stored::decode_stored`] without chunks).
pub fn decode_workspace(text: &str) -> Result<Workspace, FormatError> {
    stored::decode_stored(text, &mut |_| None).map(|stored| stored.workspace)
}

/// Where text to open comes from, which decides what packed data means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// A file the user chose or dropped: packed data is refused, as no
    /// export is ever packed.
    File,
    /// This app's own storage: packed data is unpacked.
    Storage,
    /// The text inside a packed envelope, which never holds another.
    Unpacked,
}

/// Parses the text, checks the envelope, unpacks packed data from storage
/// and migrates its `data` to the current schema version.
fn open_envelope(text: &str, source: Source) -> Result<Opened, FormatError> {
    open_envelope_with(text, source, &mut |_, _| Ok(()))
}

/// Changes `data` (an object) at the version it was written in, before
/// migration: how stored chunks are put back (see [`stored`]).
type BeforeMigration<'a> = dyn FnMut(&mut Map<String, Value>, u32) -> Result<(), FormatError> + 'a;

/// [`open_envelope`], with `before` run on the `data` before migration.
fn open_envelope_with(
    text: &str,
    source: Source,
    before: &mut BeforeMigration<'_>,
) -> Result<Opened, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| FormatError::NotJson {
        detail: e.to_string(),
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(FormatError::NotClientele { found: None });
    };
    check_format(&envelope)?;
    // Before the version: a packed file is refused for what it is, whatever
    // version packed it.
    if source == Source::File && packed::is_packed(&envelope) {
        return Err(FormatError::PackedFile);
    }
    let version = check_version(&envelope)?;
    if packed::is_packed(&envelope) {
        if source == Source::Unpacked {
            return Err(FormatError::Damaged {
                detail: crate::t!(shell_packed_twice).to_owned(),
            });
        }
        return open_envelope_with(&packed::unpack(envelope)?, Source::Unpacked, before);
    }
    let kind = check_kind(&envelope)?;
    // Files from before this marker always hold everything. A marker that
    // cannot be read counts as "left out": taken as complete, the file's
    // blank birthdays, phones and e-mails would erase the ones kept here.
    let personal_data = match envelope.get("personal_data") {
        None => PersonalData::Included,
        Some(v) => serde_json::from_value(v.clone()).unwrap_or(PersonalData::LeftOut),
    };
    let exported_at = envelope
        .get("exported_at")
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    let mut data = envelope
        .remove("data")
        .ok_or_else(|| FormatError::InvalidData {
            detail: crate::t!(shell_data_field_missing).to_owned(),
        })?;
    if let Value::Object(fields) = &mut data {
        before(fields, version)?;
    }
    let mut notes = Vec::new();
    let data = migrations::migrate(data, version, migrations::MIGRATIONS, &mut notes)?;
    Ok(Opened {
        data,
        notes,
        kind,
        personal_data,
        exported_at,
    })
}

/// The file's kind; files without one are whole workspaces.
fn check_kind(envelope: &Map<String, Value>) -> Result<FileKind, FormatError> {
    match envelope.get("kind") {
        None | Some(Value::Null) => Ok(FileKind::Workspace),
        Some(value) => {
            serde_json::from_value(value.clone()).map_err(|_| FormatError::UnknownKind {
                found: value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_owned),
            })
        }
    }
}

fn check_format(envelope: &Map<String, Value>) -> Result<(), FormatError> {
    match envelope.get("format") {
        Some(Value::String(name)) if name == FORMAT_NAME => Ok(()),
        Some(Value::String(name)) => Err(FormatError::NotClientele {
            found: Some(name.clone()),
        }),
        _ => Err(FormatError::NotClientele { found: None }),
    }
}

fn check_version(envelope: &Map<String, Value>) -> Result<u32, FormatError> {
    let version = envelope
        .get("schema_version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(FormatError::BadVersion)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(FormatError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(version as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-22T06:43:03Z".parse().unwrap()
    }

    fn envelope_with(data: &str, version: &str) -> String {
        format!(
            r#"{{"format":"clientele","schema_version":{version},"exported_at":"2026-11-22T06:43:03Z","app_version":"0.1.0","data":{data}}}"#
        )
    }

    const DATA: &str = r#"{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f","name":"Acme","created_at":"2026-01-02T03:04:05Z"}"#;

    #[test]
    fn an_exported_workspace_reads_back_identical() {
        let mut ws = Workspace::new(now());
        ws.name = "Acme sales".into();
        ws.revision = 12;
        assert_eq!(decode_workspace(&encode_workspace(&ws, now())).unwrap(), ws);
    }

    #[test]
    fn the_envelope_carries_format_version_time_and_app_version() {
        let text = encode_workspace(&Workspace::new(now()), now());
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], FORMAT_NAME);
        assert_eq!(value["schema_version"], SCHEMA_VERSION);
        assert_eq!(value["exported_at"], "2026-11-22T06:43:03.000Z");
        assert_eq!(value["app_version"], APP_VERSION);
        assert!(value["data"]["id"].is_string());
    }

    #[test]
    fn an_unreadable_personal_data_marker_counts_as_left_out() {
        let with_marker = |marker: &str| {
            let text =
                envelope_with(DATA, "3").replacen(r#""data":"#, &format!(r#"{marker}"data":"#), 1);
            import::decode_file(&text).unwrap().incoming.personal_data
        };
        assert_eq!(
            with_marker(""),
            PersonalData::Included,
            "files from before the marker"
        );
        assert_eq!(
            with_marker(r#""personal_data":"left_out","#),
            PersonalData::LeftOut
        );
        assert_eq!(
            with_marker(r#""personal_data":"included","#),
            PersonalData::Included
        );
        assert_eq!(
            with_marker(r#""personal_data":"Left out","#),
            PersonalData::LeftOut
        );
        assert_eq!(
            with_marker(r#""personal_data":false,"#),
            PersonalData::LeftOut
        );
    }

    #[test]
    fn records_left_out_of_an_import_are_known_by_id() {
        let profile = |id: &str, extra: &str| {
            format!(r#"{{"id":"{id}","created_at":"2026-01-02T03:04:05Z","name":"Acme"{extra}}}"#)
        };
        let good = "6f1c1d1e-7d2a-4c43-9a51-000000000001";
        let unnamed = "6f1c1d1e-7d2a-4c43-9a51-000000000002";
        let damaged = "6f1c1d1e-7d2a-4c43-9a51-000000000003";
        let profiles = [
            profile(good, ""),
            profile(unnamed, "").replace(r#""name":"Acme""#, r#""name":" ""#),
            profile(damaged, r#","monthly_spend":12.5"#),
            r#"{"name":"No id at all"}"#.to_owned(),
        ]
        .join(",");
        let text = envelope_with(&format!(r#"{{"profiles":[{profiles}]}}"#), "3").replacen(
            r#""data":"#,
            r#""kind":"profiles","data":"#,
            1,
        );
        let file = import::decode_file(&text).unwrap();
        assert_eq!(file.incoming.records.profiles.len(), 1);
        let mut unread: Vec<String> = file.incoming.unread.iter().map(|u| u.to_string()).collect();
        unread.sort();
        assert_eq!(unread, [unnamed, damaged]);
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = format!("\u{feff}{}", envelope_with(DATA, "1"));
        assert_eq!(decode_workspace(&text).unwrap().name, "Acme");
    }

    #[test]
    fn empty_text_and_broken_json_are_refused() {
        assert_eq!(decode_workspace("  \n"), Err(FormatError::Empty));
        assert!(matches!(
            decode_workspace("{\"format\":"),
            Err(FormatError::NotJson { .. })
        ));
        assert!(matches!(
            decode_workspace("hello"),
            Err(FormatError::NotJson { .. })
        ));
    }

    #[test]
    fn json_of_another_program_is_refused_before_anything_else() {
        assert_eq!(
            decode_workspace("[1,2]"),
            Err(FormatError::NotClientele { found: None })
        );
        assert_eq!(
            decode_workspace(r#"{"name":"x"}"#),
            Err(FormatError::NotClientele { found: None })
        );
        // A wrong format wins even when the version is also unreadable.
        assert_eq!(
            decode_workspace(r#"{"format":"excalidraw","schema_version":99}"#),
            Err(FormatError::NotClientele {
                found: Some("excalidraw".into())
            })
        );
    }

    #[test]
    fn a_newer_schema_version_is_refused() {
        let newer = (SCHEMA_VERSION + 1).to_string();
        assert_eq!(
            decode_workspace(&envelope_with(DATA, &newer)),
            Err(FormatError::NewerVersion {
                found: u64::from(SCHEMA_VERSION) + 1,
                supported: SCHEMA_VERSION
            })
        );
        let message = decode_workspace(&envelope_with(DATA, &newer))
            .unwrap_err()
            .to_string();
        assert!(message.contains("newer version of Clientele"), "{message}");
    }

    fn workspace_with_profiles(count: usize) -> Workspace {
        let mut ws = Workspace::new(now());
        ws.name = "Acme sales".into();
        for n in 0..count {
            ws.profiles.push(crate::domain::Profile::new(
                format!("Company {n} Sp. z o.o."),
                now(),
            ));
        }
        ws
    }

    #[test]
    fn a_stored_workspace_reads_back_identical_in_far_fewer_characters() {
        let ws = workspace_with_profiles(100);
        let stored = encode_stored(&ws, now());
        assert_eq!(decode_workspace(&stored).unwrap(), ws);
        let plain = encode_workspace(&ws, now());
        assert!(stored.encode_utf16().count() * 3 < plain.encode_utf16().count());
        assert_eq!(unpacked(&stored).unwrap(), plain);
        assert_eq!(unpacked(&plain).unwrap(), plain);
        assert_eq!(unpacked("not JSON").unwrap(), "not JSON");
    }

    #[test]
    fn stored_data_looks_newer_to_clientele_from_before_packing() {
        // Schema version 2 was the last before packing; such a build must
        // refuse packed data as newer rather than set it aside as broken.
        let stored: Value =
            serde_json::from_str(&encode_stored(&Workspace::new(now()), now())).unwrap();
        assert_eq!(stored["format"], FORMAT_NAME);
        assert!(stored["schema_version"].as_u64().unwrap() > 2);
    }

    #[test]
    fn packed_data_from_a_newer_version_is_refused_before_unpacking() {
        let newer = SCHEMA_VERSION + 1;
        let text = packed::pack("anything a later version writes", newer);
        assert_eq!(
            decode_workspace(&text),
            Err(FormatError::NewerVersion {
                found: newer.into(),
                supported: SCHEMA_VERSION
            })
        );
    }

    #[test]
    fn a_file_of_packed_data_is_refused_while_storage_reads_it() {
        let ws = workspace_with_profiles(3);
        let stored = encode_stored(&ws, now());
        assert_eq!(decode_workspace(&stored).unwrap(), ws);
        assert_eq!(
            import::decode_file(&stored).unwrap_err(),
            FormatError::PackedFile
        );
        // Refused for what it is, whatever version packed it.
        let newer = packed::pack("anything", SCHEMA_VERSION + 1);
        assert_eq!(
            import::decode_file(&newer).unwrap_err(),
            FormatError::PackedFile
        );
        let message = FormatError::PackedFile.to_string();
        assert!(message.contains("browser storage data, not an exported file"));
    }

    #[test]
    fn packing_inside_packing_and_damage_are_refused() {
        let once = encode_stored(&Workspace::new(now()), now());
        let twice = packed::pack(&once, SCHEMA_VERSION);
        assert!(matches!(
            decode_workspace(&twice),
            Err(FormatError::Damaged { .. })
        ));
        let cut = once.replacen("\"bytes\":", "\"bytes\":1", 1);
        let error = decode_workspace(&cut).unwrap_err();
        assert!(matches!(error, FormatError::Damaged { .. }), "{error:?}");
        assert!(error.to_string().contains("damaged"), "{error}");
        assert!(unpacked(&cut).is_err());
    }

    #[test]
    fn a_missing_or_nonsensical_version_is_refused() {
        for version in ["0", "-1", "1.5", "\"1\"", "null"] {
            assert_eq!(
                decode_workspace(&envelope_with(DATA, version)),
                Err(FormatError::BadVersion),
                "{version}"
            );
        }
    }

    #[test]
    fn missing_data_or_a_missing_required_field_is_reported() {
        let no_data = r#"{"format":"clientele","schema_version":1}"#;
        assert!(matches!(
            decode_workspace(no_data),
            Err(FormatError::InvalidData { .. })
        ));
        let no_id = envelope_with(r#"{"created_at":"2026-01-02T03:04:05Z"}"#, "1");
        let Err(FormatError::InvalidData { detail }) = decode_workspace(&no_id) else {
            panic!()
        };
        assert!(detail.contains("id"), "{detail}");
    }

    #[test]
    fn a_wrong_type_in_a_field_is_reported() {
        let bad = envelope_with(
            r#"{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f","name":42,"created_at":"2026-01-02T03:04:05Z"}"#,
            "1",
        );
        assert!(matches!(
            decode_workspace(&bad),
            Err(FormatError::InvalidData { .. })
        ));
    }

    #[test]
    fn deep_nesting_is_refused_without_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(
            decode_workspace(&deep),
            Err(FormatError::NotJson { .. })
        ));
    }

    #[test]
    fn unknown_fields_in_the_data_survive_a_round_trip() {
        let data = r#"{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f","created_at":"2026-01-02T03:04:05Z","later":"kept"}"#;
        let ws = decode_workspace(&envelope_with(data, "1")).unwrap();
        let again = decode_workspace(&encode_workspace(&ws, now())).unwrap();
        assert_eq!(again.unknown_fields["later"], "kept");
    }
}
