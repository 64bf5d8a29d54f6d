//! Storage as a map, for the native tests of the rules of saving: it can
//! fail like the browser's and let "another tab" write between two calls.

use super::{Slots, StorageError, StorageKey};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Another tab's write, run right after one of this tab's.
type Meanwhile = Box<dyn Fn(&MemorySlots)>;

/// Storage as a map.
#[derive(Default)]
pub struct MemorySlots {
    slots: RefCell<BTreeMap<String, String>>,
    /// Runs after each write, as another tab might write in between two
    /// calls of this one (once: it is taken when it runs).
    meanwhile: RefCell<Option<Meanwhile>>,
    /// Every write fails with this, as a full storage does.
    pub failing_writes: Option<StorageError>,
    /// Every read fails with this.
    pub failing_reads: Option<StorageError>,
    /// When set, this many more writes succeed, then every write fails as
    /// a full storage does.
    pub writes_left: std::cell::Cell<Option<usize>>,
}

impl MemorySlots {
    /// Storage holding `text` under the workspace key.
    pub fn holding(text: &str) -> Self {
        let slots = Self::default();
        slots.put(&StorageKey::Workspace, text);
        slots
    }

    /// Writes behind the back of the code under test.
    pub fn put(&self, key: &StorageKey, text: &str) {
        self.slots.borrow_mut().insert(key.name(), text.to_owned());
    }

    /// What `key` holds, read behind the back of the code under test.
    pub fn get(&self, key: &StorageKey) -> Option<String> {
        self.slots.borrow().get(&key.name()).cloned()
    }

    /// Runs `write` once, right after the next write of the code under test.
    pub fn after_writes(&mut self, write: impl Fn(&MemorySlots) + 'static) {
        self.meanwhile = RefCell::new(Some(Box::new(write)));
    }
}

impl Slots for MemorySlots {
    fn read(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        match &self.failing_reads {
            Some(error) => Err(error.clone()),
            None => Ok(self.get(key)),
        }
    }
    fn write(&self, key: &StorageKey, text: &str) -> Result<(), StorageError> {
        if let Some(error) = &self.failing_writes {
            return Err(error.clone());
        }
        match self.writes_left.get() {
            Some(0) => return Err(StorageError::QuotaExceeded),
            Some(n) => self.writes_left.set(Some(n - 1)),
            None => {}
        }
        self.put(key, text);
        let hook = self.meanwhile.borrow_mut().take();
        if let Some(hook) = hook {
            hook(self);
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
