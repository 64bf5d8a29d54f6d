//! The form in which browser storage keeps a workspace: a manifest and
//! chunks of profiles, each [`packed`](super::packed).
//!
//! - A **chunk** holds a run of consecutive profiles and their versions:
//!   `{"profiles":[…],"versions":{…}}`, packed. Storage keeps it under a
//!   name made from its own text, and which profiles go together is
//!   storage's choice ([`crate::storage::chunks`]).
//! - The **manifest** is a whole Clientele workspace file, packed, except
//!   that its `data` has no profiles nor their versions, and lists the
//!   chunks' names in order in `chunks`.
//!
//! A save then writes only the chunks whose profiles changed, and the
//! manifest. Reading puts the chunks back into the manifest's `data` before
//! it is migrated and read like any file, so stored data passes the same
//! checks as an import. Workspaces stored before version 6 hold their
//! profiles in one packed file, which is read as it always was.

use super::{FileKind, FormatError, MigrationNote, Source, packed};
use crate::domain::json::FromJson;
use crate::domain::share::{Records, Versions};
use crate::domain::{Profile, Timestamp, Workspace};
use crate::t;
use serde_json::{Map, Value};
use std::collections::HashSet;
use uuid::Uuid;

/// The field of a manifest's `data` that lists its chunks.
const CHUNKS: &str = "chunks";

/// A workspace read from storage.
#[derive(Debug)]
pub struct StoredWorkspace {
    /// The workspace, migrated and read.
    pub workspace: Workspace,
    /// What migrating it changed that the user must hear about.
    pub notes: Vec<MigrationNote>,
    /// The chunks it was read from, in order: each name with how many
    /// profiles it held. Empty when the data was migrated (the profiles
    /// read are then not what the chunks hold) or held no chunks.
    pub chunks: Vec<(String, usize)>,
}

/// The text of a chunk holding `profiles` and, from `versions`, theirs:
/// written as a file's records are, with the code that writes them.
pub fn encode_chunk(profiles: &[Profile], versions: &Versions) -> String {
    let mut chunk = Records {
        profiles: profiles.to_vec(),
        ..Records::default()
    };
    // A look-up per profile: a chunk is encoded after each edit of one of
    // its profiles, and a pass over all versions would cost that save the
    // time of the whole workspace's.
    for profile in profiles {
        let id = profile.id.as_uuid();
        if let Some(version) = versions.get(&id) {
            chunk.versions.insert(id, version.clone());
        }
    }
    // Plain structs with string keys always serialise.
    let text = serde_json::to_string(&chunk).expect("a chunk serialises");
    packed::pack(&text, super::SCHEMA_VERSION)
}

/// The manifest of `workspace` stored in the chunks named `chunks`, as
/// saved at `now`. The workspace's profiles and versions are set apart
/// while it is written and are back in place when this returns.
pub fn encode_manifest(workspace: &mut Workspace, chunks: &[String], now: Timestamp) -> String {
    let profiles = std::mem::take(&mut workspace.profiles);
    let versions = std::mem::take(&mut workspace.versions);
    // The profiles' versions are in their chunks; the few others stay.
    let in_chunks: HashSet<Uuid> = profiles.iter().map(|p| p.id.as_uuid()).collect();
    for (id, version) in &versions {
        if !in_chunks.contains(id) {
            workspace.versions.insert(*id, version.clone());
        }
    }
    // Written as a field of the workspace's own, over any field of that
    // name it kept from a file, by the code that writes every file.
    let kept = workspace
        .unknown_fields
        .insert(CHUNKS.to_owned(), Value::from(chunks.to_vec()));
    let text = super::encode_workspace(workspace, now);
    match kept {
        Some(value) => workspace.unknown_fields.insert(CHUNKS.to_owned(), value),
        None => workspace.unknown_fields.remove(CHUNKS),
    };
    workspace.profiles = profiles;
    workspace.versions = versions;
    packed::pack(&text, super::SCHEMA_VERSION)
}

/// Reads a workspace from the text storage holds under its key: a
/// manifest whose chunks `read_chunk` gives by name (`None`: missing), or
/// a workspace stored whole by an earlier version.
pub fn decode_stored(
    text: &str,
    read_chunk: &mut dyn FnMut(&str) -> Option<String>,
) -> Result<StoredWorkspace, FormatError> {
    let mut chunks = Vec::new();
    let opened = super::open_envelope_with(text, Source::Storage, &mut |data, version| {
        let mut unread = Vec::new();
        chunks = splice(data, read_chunk, &mut unread);
        if let Some((name, why)) = unread.into_iter().next() {
            return Err(FormatError::Damaged {
                detail: why.detail(&name),
            });
        }
        if version != super::SCHEMA_VERSION {
            chunks.clear();
        }
        Ok(())
    })?;
    if opened.kind != FileKind::Workspace {
        return Err(FormatError::InvalidData {
            detail: t!(shell_stored_not_a_workspace, kind = opened.kind.label()),
        });
    }
    let workspace = Workspace::from_json(opened.data).map_err(|e| FormatError::InvalidData {
        detail: e.to_string(),
    })?;
    Ok(StoredWorkspace {
        workspace,
        notes: opened.notes,
        chunks,
    })
}

/// The chunk names a manifest lists (none for anything else): the parts
/// of stored data that belong to it, found without reading them.
pub fn chunk_names(text: &str) -> Vec<String> {
    let Some(mut envelope) = unpacked_envelope(text) else {
        return Vec::new();
    };
    match envelope
        .get_mut("data")
        .and_then(|data| data.get_mut(CHUNKS))
        .map(Value::take)
    {
        Some(Value::Array(listed)) => listed
            .into_iter()
            .filter_map(|name| match name {
                Value::String(name) => Some(name),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The file text of what storage holds under the workspace key, for people
/// who download data this version cannot read (set aside, or from a newer
/// Clientele) to look into it: unpacked, with the profiles of every chunk
/// `read_chunk` gives put back in place; the names of chunks that cannot
/// be read stay listed. Text that does not unpack is given as it is.
pub fn file_text(text: &str, read_chunk: &mut dyn FnMut(&str) -> Option<String>) -> String {
    let Some(mut envelope) = unpacked_envelope(text) else {
        return text.to_owned();
    };
    if let Some(Value::Object(data)) = envelope.get_mut("data") {
        let mut unread = Vec::new();
        splice(data, read_chunk, &mut unread);
        if !unread.is_empty() {
            let names = unread.into_iter().map(|(name, _)| Value::String(name));
            data.insert(CHUNKS.to_owned(), Value::Array(names.collect()));
        }
    }
    Value::Object(envelope).to_string()
}

/// The envelope of stored text, unpacked if packed; `None` if it is not
/// a JSON object or does not unpack.
fn unpacked_envelope(text: &str) -> Option<Map<String, Value>> {
    match serde_json::from_str::<Value>(&super::unpacked(text).ok()?) {
        Ok(Value::Object(envelope)) => Some(envelope),
        _ => None,
    }
}

/// Why a chunk listed in a manifest cannot be put in its place.
enum Unread {
    /// The chunk list is not a list (no chunk is named).
    ListNotAList,
    /// Storage holds no chunk of that name.
    Missing,
    /// The chunk does not unpack to an envelope.
    Damaged,
    /// The chunk has no list of profiles.
    NoProfiles,
}

impl Unread {
    /// What is wrong with the stored data, for [`FormatError::Damaged`].
    fn detail(&self, name: &str) -> String {
        match self {
            Unread::ListNotAList => t!(shell_stored_parts_not_a_list).to_owned(),
            Unread::Missing => t!(shell_stored_part_missing, name = name),
            Unread::Damaged => t!(shell_stored_part_damaged, name = name),
            Unread::NoProfiles => t!(shell_stored_part_no_profiles, name = name),
        }
    }
}

/// Takes the chunk list out of a manifest's `data` and puts the profiles
/// and versions of each chunk in it, in order. Returns each chunk put in
/// with how many profiles it held; the chunks that cannot be, with why,
/// go to `unread`. Data without a chunk list is left as it is.
fn splice(
    data: &mut Map<String, Value>,
    read_chunk: &mut dyn FnMut(&str) -> Option<String>,
    unread: &mut Vec<(String, Unread)>,
) -> Vec<(String, usize)> {
    let listed = match data.remove(CHUNKS) {
        None => return Vec::new(),
        Some(Value::Array(listed)) => listed,
        Some(_) => {
            unread.push((String::new(), Unread::ListNotAList));
            return Vec::new();
        }
    };
    let mut spliced = Vec::with_capacity(listed.len());
    for name in listed {
        let name = match name {
            Value::String(name) => name,
            other => other.to_string(),
        };
        let Some(text) = read_chunk(&name) else {
            unread.push((name, Unread::Missing));
            continue;
        };
        let Some(mut chunk) = unpacked_envelope(&text) else {
            unread.push((name, Unread::Damaged));
            continue;
        };
        let Some(Value::Array(mut profiles)) = chunk.remove("profiles") else {
            unread.push((name, Unread::NoProfiles));
            continue;
        };
        spliced.push((name, profiles.len()));
        match data.get_mut("profiles") {
            Some(Value::Array(all)) => all.append(&mut profiles),
            _ => {
                data.insert("profiles".to_owned(), Value::Array(profiles));
            }
        }
        if let Some(Value::Object(theirs)) = chunk.remove("versions") {
            match data.get_mut("versions") {
                Some(Value::Object(all)) => all.extend(theirs),
                _ => {
                    data.insert("versions".to_owned(), Value::Object(theirs));
                }
            }
        }
    }
    spliced
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::share::{Clock, Version};

    fn now() -> Timestamp {
        Timestamp::from_millis(1_790_000_000_000)
    }

    /// A workspace of three profiles with versions, a worksheet with one,
    /// and its stored parts: the manifest and two chunks by name.
    fn stored() -> (Workspace, String, Vec<(String, String)>) {
        let mut ws = Workspace::new(now());
        ws.name = "Acme sales".into();
        for name in ["Acme", "Borealis", "Cobalt"] {
            let id = ws.add_profile(name, now()).unwrap();
            ws.versions.insert(
                id.as_uuid(),
                Version {
                    clock: Clock::of("a", 1),
                    ..Version::default()
                },
            );
        }
        let sheet = ws.add_worksheet("Top customers", now()).unwrap();
        ws.versions.insert(sheet.as_uuid(), Version::default());
        let chunks = vec![
            (
                "00000000000000aa".to_owned(),
                encode_chunk(&ws.profiles.as_slice()[..2], &ws.versions),
            ),
            (
                "00000000000000bb".to_owned(),
                encode_chunk(&ws.profiles.as_slice()[2..], &ws.versions),
            ),
        ];
        let names: Vec<String> = chunks.iter().map(|(n, _)| n.clone()).collect();
        let manifest = encode_manifest(&mut ws, &names, now());
        (ws, manifest, chunks)
    }

    fn reader(chunks: &[(String, String)]) -> impl FnMut(&str) -> Option<String> + '_ {
        |name| {
            chunks
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, t)| t.clone())
        }
    }

    #[test]
    fn the_manifest_holds_the_workspace_but_its_profiles_and_their_versions() {
        let (ws, manifest, chunks) = stored();
        let file = crate::format::unpacked(&manifest).unwrap();
        for profile in ws.profiles.iter() {
            assert!(!file.contains(&profile.id.as_uuid().to_string()), "{file}");
        }
        assert!(file.contains("Acme sales") && file.contains("Top customers"));
        assert!(file.contains(&ws.worksheets[0].id.as_uuid().to_string()));
        assert_eq!(
            chunk_names(&manifest),
            ["00000000000000aa", "00000000000000bb"]
        );
        assert!(ws.unknown_fields.is_empty(), "the list is not left behind");

        let read = decode_stored(&manifest, &mut reader(&chunks)).unwrap();
        assert_eq!(read.workspace, ws);
        assert_eq!(
            read.chunks,
            [
                ("00000000000000aa".to_owned(), 2),
                ("00000000000000bb".to_owned(), 1)
            ]
        );
    }

    #[test]
    fn a_missing_or_damaged_chunk_makes_the_whole_unreadable() {
        let (_, manifest, mut chunks) = stored();
        let missing = decode_stored(&manifest, &mut reader(&chunks[..1])).unwrap_err();
        assert_eq!(
            missing,
            FormatError::Damaged {
                detail: "a part of it (00000000000000bb) is missing".into()
            }
        );
        chunks[0].1 = "{\"format\":\"clientele\"".into();
        assert!(matches!(
            decode_stored(&manifest, &mut reader(&chunks)),
            Err(FormatError::Damaged { detail }) if detail.contains("00000000000000aa")
        ));
    }

    #[test]
    fn a_download_of_stored_data_has_every_readable_profile_and_lists_the_rest() {
        let (ws, manifest, chunks) = stored();
        let whole: Value =
            serde_json::from_str(&file_text(&manifest, &mut reader(&chunks))).unwrap();
        assert_eq!(whole["data"]["profiles"].as_array().unwrap().len(), 3);
        assert!(whole["data"].get(CHUNKS).is_none());
        let imported = crate::format::decode_file(&whole.to_string()).unwrap();
        assert_eq!(
            imported.incoming.records.profiles,
            ws.profiles.to_vec(),
            "it imports"
        );
        assert_eq!(imported.incoming.records.versions, ws.versions);

        let part: Value =
            serde_json::from_str(&file_text(&manifest, &mut reader(&chunks[1..]))).unwrap();
        assert_eq!(part["data"]["profiles"][0]["name"], "Cobalt");
        assert_eq!(
            part["data"][CHUNKS],
            serde_json::json!(["00000000000000aa"])
        );
        assert_eq!(
            file_text("not stored data", &mut reader(&chunks)),
            "not stored data"
        );
    }
}
