//! Every localStorage key Clientele uses, in one place.
//!
//! All keys start with [`NAMESPACE`], so Clientele never touches another
//! app's data on the same origin. The `v1` in it versions the *layout of keys*;
//! the data under a key carries its own `schema_version` in its envelope.

use crate::domain::Timestamp;

/// Prefix of every key Clientele writes.
pub const NAMESPACE: &str = "clientele.v1.";

/// The interface language chosen in this browser (`en` or `pl`): a
/// preference of the person, not part of the workspace, so it never
/// travels in files and is not one of the [`StorageKey`]s that saving
/// manages.
pub const LANGUAGE: &str = "clientele.v1.language";

/// A key in browser storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageKey {
    /// The workspace document, in the file-format envelope.
    Workspace,
    /// A copy of stored text that could not be read, set aside at a time so
    /// that it is never overwritten and can be downloaded.
    Quarantine(Timestamp),
    /// A chunk of profiles the workspace lists (see [`super::chunks`]),
    /// named after its text: 16 lowercase hexadecimal digits.
    Chunk(String),
}

const WORKSPACE: &str = "clientele.v1.workspace";
const QUARANTINE_PREFIX: &str = "clientele.v1.quarantine.";
const CHUNK_PREFIX: &str = "clientele.v1.chunk.";

impl StorageKey {
    /// The key as written in localStorage.
    pub fn name(&self) -> String {
        match self {
            Self::Workspace => WORKSPACE.to_owned(),
            Self::Quarantine(at) => format!("{QUARANTINE_PREFIX}{at}"),
            Self::Chunk(name) => format!("{CHUNK_PREFIX}{name}"),
        }
    }

    /// Recognises a key Clientele wrote; `None` for anything else.
    pub fn parse(name: &str) -> Option<Self> {
        if name == WORKSPACE {
            return Some(Self::Workspace);
        }
        if let Some(chunk) = name.strip_prefix(CHUNK_PREFIX) {
            return is_chunk_name(chunk).then(|| Self::Chunk(chunk.to_owned()));
        }
        let stamp = name.strip_prefix(QUARANTINE_PREFIX)?;
        stamp.parse().ok().map(Self::Quarantine)
    }
}

/// Whether `name` is a chunk's name as Clientele makes them.
pub fn is_chunk_name(name: &str) -> bool {
    name.len() == 16 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_namespaced_and_versioned() {
        let at: Timestamp = "2026-11-22T06:43:03.120Z".parse().unwrap();
        assert_eq!(StorageKey::Workspace.name(), "clientele.v1.workspace");
        assert_eq!(
            StorageKey::Quarantine(at).name(),
            "clientele.v1.quarantine.2026-11-22T06:43:03.120Z"
        );
        let chunk = StorageKey::Chunk("00ff00ff00ff00ff".into());
        assert_eq!(chunk.name(), "clientele.v1.chunk.00ff00ff00ff00ff");
        for key in [StorageKey::Workspace, StorageKey::Quarantine(at), chunk] {
            assert!(key.name().starts_with(NAMESPACE));
            assert_eq!(StorageKey::parse(&key.name()), Some(key));
        }
        assert!(LANGUAGE.starts_with(NAMESPACE));
        assert_eq!(
            StorageKey::parse(LANGUAGE),
            None,
            "saving never manages the language"
        );
    }

    #[test]
    fn foreign_keys_are_not_recognised() {
        for name in [
            "workspace",
            "clientele.v2.workspace",
            "clientele.v1.quarantine.yesterday",
            "clientele.v1.chunk.00FF00FF00FF00FF",
            "clientele.v1.chunk.00ff",
            "clientele.v1.chunk.",
            "other",
        ] {
            assert_eq!(StorageKey::parse(name), None, "{name}");
        }
    }
}
