//! Moving unreadable data out of the way, unchanged, so that it is never
//! overwritten and the user can download it.

use super::{StorageError, StorageKey};
use crate::domain::Timestamp;

/// The calls setting data aside needs: [`super::BrowserStorage`] in the
/// app, a map in the native tests.
pub(super) trait Slots {
    fn read(&self, key: &StorageKey) -> Result<Option<String>, StorageError>;
    fn write(&self, key: &StorageKey, text: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &StorageKey) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<StorageKey>, StorageError>;
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    type Contents = RefCell<BTreeMap<String, String>>;
    /// Another tab's write, run right after one of this tab's.
    type Meanwhile = Box<dyn Fn(&Contents)>;

    /// Storage as a map; `on_write` runs after each write, as another tab
    /// might write in between two calls of this one.
    #[derive(Default)]
    struct Map {
        slots: Contents,
        on_write: Option<Meanwhile>,
    }

    impl Slots for Map {
        fn read(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
            Ok(self.slots.borrow().get(&key.name()).cloned())
        }
        fn write(&self, key: &StorageKey, text: &str) -> Result<(), StorageError> {
            self.slots.borrow_mut().insert(key.name(), text.to_owned());
            if let Some(hook) = &self.on_write {
                hook(&self.slots);
            }
            Ok(())
        }
        fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
            self.slots.borrow_mut().remove(&key.name());
            Ok(())
        }
        fn keys(&self) -> Result<Vec<StorageKey>, StorageError> {
            Ok(self
                .slots
                .borrow()
                .keys()
                .filter_map(|k| StorageKey::parse(k))
                .collect())
        }
    }

    fn at(millis: i64) -> Timestamp {
        Timestamp::from_millis(1_790_000_000_000 + millis)
    }

    fn holding(garbage: &str) -> Map {
        let map = Map::default();
        map.slots
            .borrow_mut()
            .insert(StorageKey::Workspace.name(), garbage.to_owned());
        map
    }

    #[test]
    fn unreadable_text_is_moved_unchanged_to_a_free_key() {
        let map = holding("{not json");
        map.slots
            .borrow_mut()
            .insert(StorageKey::Quarantine(at(0)).name(), "earlier".to_owned());
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
        map.on_write = Some(Box::new(|slots| {
            slots
                .borrow_mut()
                .insert(StorageKey::Workspace.name(), "their save".to_owned());
        }));
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
