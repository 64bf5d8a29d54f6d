//! Moving unreadable data out of the way, unchanged, so that it is never
//! overwritten and the user can download it.

use super::{Slots, StorageError, StorageKey};
use crate::domain::Timestamp;

/// Copies `text`, read from `key`, to a fresh quarantine key named after
/// `at` (later if taken), then removes `key`, but only if it still holds
/// exactly `text`: another tab or program may have saved there since it
/// was read, and that save must not be removed. In that case the copy is
/// removed again and [`StorageError::ChangedMeanwhile`] says to read again.
pub(super) fn set_aside(
    slots: &impl Slots,
    key: &StorageKey,
    text: &str,
    mut at: Timestamp,
) -> Result<StorageKey, StorageError> {
    let taken = slots.keys()?;
    while taken.contains(&StorageKey::Quarantine(at)) {
        at = Timestamp::from_millis(at.millis() + 1);
    }
    let aside = StorageKey::Quarantine(at);
    slots.write(&aside, text)?;
    if slots.read(key)?.as_deref() != Some(text) {
        // What replaced it is someone's save; the copy is of text that is
        // no longer ours to move. Whoever replaced it saw it.
        slots.remove(&aside)?;
        return Err(StorageError::ChangedMeanwhile);
    }
    slots.remove(key)?;
    Ok(aside)
}

/// Deletes the copy set aside under `key`, and the chunks of profiles it
/// listed that neither the workspace nor another copy lists.
pub fn delete_set_aside(slots: &impl Slots, key: &StorageKey) -> Result<(), StorageError> {
    let listed = slots
        .read(key)?
        .map(|text| crate::format::stored::chunk_names(&text))
        .unwrap_or_default();
    slots.remove(key)?;
    if listed.is_empty() {
        return Ok(());
    }
    let mut kept = Vec::new();
    for other in slots.keys()? {
        if matches!(other, StorageKey::Workspace | StorageKey::Quarantine(_))
            && let Some(text) = slots.read(&other)?
        {
            kept.extend(crate::format::stored::chunk_names(&text));
        }
    }
    for name in listed.into_iter().filter(|name| !kept.contains(name)) {
        slots.remove(&StorageKey::Chunk(name))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::memory::MemorySlots as Map;

    fn at(millis: i64) -> Timestamp {
        Timestamp::from_millis(1_790_000_000_000 + millis)
    }

    fn holding(garbage: &str) -> Map {
        Map::holding(garbage)
    }

    #[test]
    fn unreadable_text_is_moved_unchanged_to_a_free_key() {
        let map = holding("{not json");
        map.put(&StorageKey::Quarantine(at(0)), "earlier");
        let key = set_aside(&map, &StorageKey::Workspace, "{not json", at(0)).unwrap();
        assert_eq!(key, StorageKey::Quarantine(at(1)), "the taken key is kept");
        assert_eq!(map.read(&key).unwrap().as_deref(), Some("{not json"));
        assert_eq!(map.read(&StorageKey::Workspace).unwrap(), None);
        assert_eq!(
            map.read(&StorageKey::Quarantine(at(0))).unwrap().as_deref(),
            Some("earlier")
        );
    }

    #[test]
    fn a_save_made_meanwhile_is_never_removed() {
        let mut map = holding("{not json");
        // Another tab saves right after the copy is written.
        map.after_writes(|slots| slots.put(&StorageKey::Workspace, "their save"));
        let result = set_aside(&map, &StorageKey::Workspace, "{not json", at(0));
        assert_eq!(result, Err(StorageError::ChangedMeanwhile));
        assert_eq!(
            map.read(&StorageKey::Workspace).unwrap().as_deref(),
            Some("their save")
        );
        assert_eq!(
            map.keys().unwrap(),
            vec![StorageKey::Workspace],
            "no stray copy is left behind"
        );
    }
}
