//! The only code that touches `localStorage`.
//!
//! The interface is deliberately small (open, read, write, remove, set
//! aside, list, usage, watch other tabs, lock across tabs, ask for
//! persistence) so that another backend such as IndexedDB can replace it
//! without touching the rest of the app. Every call is fallible and reports
//! a typed [`StorageError`]. The rules of saving between tabs are plain Rust
//! in [`tabs`].

pub mod chunks;
mod keys;
#[cfg(test)]
pub(crate) mod memory;
mod set_aside;
pub mod tabs;

pub use keys::{LANGUAGE, NAMESPACE, StorageKey};
pub use set_aside::delete_set_aside;

use crate::domain::Timestamp;
use crate::i18n::Language;
use gloo_storage::Storage as _;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;

/// Why a storage call failed. The sentences shown to people are in
/// [`crate::messages`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser gives this page no localStorage (disabled, blocked, some
    /// private modes).
    #[error("{}", crate::messages::storage_error(self))]
    Unavailable,
    /// The browser's storage allowance for this site is full.
    #[error("{}", crate::messages::storage_error(self))]
    QuotaExceeded,
    /// The write reported success but reading it back gave other text.
    #[error("{}", crate::messages::storage_error(self))]
    NotKept,
    /// Another tab or program changed the data while Clientele was moving
    /// it aside, so it was left where it was.
    #[error("{}", crate::messages::storage_error(self))]
    ChangedMeanwhile,
    /// Any other failure, with the browser's own description.
    #[error("{}", crate::messages::storage_error(self))]
    Browser(String),
}

/// FNV-1a: tiny, stable across builds (unlike std's hasher, whose
/// algorithm may change) and fast enough for a packed workspace.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// How much of the browser's localStorage is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// UTF-16 code units (what browsers count) in Clientele's keys and values.
    pub clientele_chars: usize,
    /// The same for every key on this origin.
    pub total_chars: usize,
}

/// Chromium's measured allowance is about 5.24 million UTF-16 characters per
/// origin (Safari may allow about half); used to show how full storage is.
pub const TYPICAL_QUOTA_CHARS: usize = 5_200_000;

/// Storage this full (in percent of [`TYPICAL_QUOTA_CHARS`]) is worth a
/// warning: there is still room to download a backup and tidy up before
/// saves start to fail.
pub const NEARLY_FULL_PERCENT: usize = 80;

impl Usage {
    /// How full storage is, in whole percent of [`TYPICAL_QUOTA_CHARS`].
    pub fn percent(&self) -> usize {
        // In u64: usize is 32 bits in wasm.
        (self.total_chars as u64 * 100 / TYPICAL_QUOTA_CHARS as u64) as usize
    }

    /// Whether to warn that storage is nearly full.
    pub fn nearly_full(&self) -> bool {
        self.percent() >= NEARLY_FULL_PERCENT
    }
}

/// The storage calls the rules of saving use ([`tabs`]): the browser's
/// localStorage in the app ([`BrowserStorage`]), a map in native tests, so
/// that every step of opening and saving is tested without a browser.
pub trait Slots {
    /// The text stored under `key`, if any.
    fn read(&self, key: &StorageKey) -> Result<Option<String>, StorageError>;
    /// Stores `text` under `key`; on failure what was there is left alone.
    fn write(&self, key: &StorageKey, text: &str) -> Result<(), StorageError>;
    /// Removes `key`; removing a missing key is not an error.
    fn remove(&self, key: &StorageKey) -> Result<(), StorageError>;
    /// Every Clientele key present, in no particular order.
    fn keys(&self) -> Result<Vec<StorageKey>, StorageError>;
}

/// An open localStorage.
pub struct BrowserStorage {
    raw: web_sys::Storage,
}

impl BrowserStorage {
    /// Opens localStorage, or says it is unavailable. Checked through web-sys
    /// first because gloo-storage panics when there is none.
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(Self {
                raw: gloo_storage::LocalStorage::raw(),
            }),
            Ok(None) | Err(_) => Err(StorageError::Unavailable),
        }
    }

    /// The text stored under `key`, if any.
    pub fn read(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        self.raw.get_item(&key.name()).map_err(classify)
    }

    /// Stores `text` under `key`, then reads it back to make sure it stuck.
    /// On failure whatever was stored before is left as it was.
    pub fn write(&self, key: &StorageKey, text: &str) -> Result<(), StorageError> {
        let name = key.name();
        self.raw.set_item(&name, text).map_err(classify)?;
        match self.raw.get_item(&name).map_err(classify)? {
            Some(back) if back == text => Ok(()),
            _ => Err(StorageError::NotKept),
        }
    }

    /// Removes `key`; removing a missing key is not an error.
    pub fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.raw.remove_item(&key.name()).map_err(classify)
    }

    /// Moves `text`, just read from `key`, unchanged to a fresh quarantine
    /// key named after `at`, which later saves never touch. `key` is removed
    /// only if it still holds exactly `text` once the copy is kept;
    /// otherwise nothing is moved and [`StorageError::ChangedMeanwhile`]
    /// says to read `key` again.
    pub fn set_aside(
        &self,
        key: &StorageKey,
        text: &str,
        at: Timestamp,
    ) -> Result<StorageKey, StorageError> {
        set_aside::set_aside(self, key, text, at)
    }

    /// The interface language chosen in this browser; `None` until one is
    /// chosen, or when what is stored is not a language of ours (then the
    /// browser's languages decide, as on a first visit).
    pub fn chosen_language(&self) -> Result<Option<Language>, StorageError> {
        let stored = self.raw.get_item(LANGUAGE).map_err(classify)?;
        Ok(stored.as_deref().and_then(Language::from_code))
    }

    /// Keeps `language` as this browser's choice.
    pub fn choose_language(&self, language: Language) -> Result<(), StorageError> {
        self.raw
            .set_item(LANGUAGE, language.code())
            .map_err(classify)
    }

    /// Every Clientele key present, in no particular order.
    pub fn keys(&self) -> Result<Vec<StorageKey>, StorageError> {
        let mut found = Vec::new();
        for name in self.all_names()? {
            if let Some(key) = StorageKey::parse(&name) {
                found.push(key);
            }
        }
        Ok(found)
    }

    /// How much localStorage is in use, by Clientele and by everything on
    /// this origin.
    pub fn usage(&self) -> Result<Usage, StorageError> {
        let mut usage = Usage {
            clientele_chars: 0,
            total_chars: 0,
        };
        // Lengths read on the JavaScript side: a save measures this, and
        // copying every stored text (megabytes of chunks) into the page's
        // memory to count it would cost more than the save.
        let get_item = js_sys::Reflect::get(&self.raw, &JsValue::from_str("getItem"))
            .and_then(JsCast::dyn_into::<js_sys::Function>)
            .map_err(classify)?;
        for name in self.all_names()? {
            let value = get_item
                .call1(&self.raw, &JsValue::from_str(&name))
                .map_err(classify)?;
            let value_chars = value
                .dyn_ref::<js_sys::JsString>()
                .map_or(0, |v| v.length());
            let chars = name.encode_utf16().count() + value_chars as usize;
            usage.total_chars += chars;
            if name.starts_with(NAMESPACE) {
                usage.clientele_chars += chars;
            }
        }
        Ok(usage)
    }

    fn all_names(&self) -> Result<Vec<String>, StorageError> {
        let count = self.raw.length().map_err(classify)?;
        (0..count)
            .map(|i| {
                self.raw
                    .key(i)
                    .map(Option::unwrap_or_default)
                    .map_err(classify)
            })
            .collect()
    }
}

impl Slots for BrowserStorage {
    fn read(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        BrowserStorage::read(self, key)
    }
    fn write(&self, key: &StorageKey, text: &str) -> Result<(), StorageError> {
        BrowserStorage::write(self, key, text)
    }
    fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        BrowserStorage::remove(self, key)
    }
    fn keys(&self) -> Result<Vec<StorageKey>, StorageError> {
        BrowserStorage::keys(self)
    }
}

/// Maps a JavaScript exception from the Storage API to a [`StorageError`].
fn classify(error: JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        // Code 22 is the legacy QUOTA_EXCEEDED_ERR some browsers still use.
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => {
            StorageError::QuotaExceeded
        }
        Some(e) if e.name() == "SecurityError" => StorageError::Unavailable,
        Some(e) => StorageError::Browser(format!("{}: {}", e.name(), e.message())),
        None => StorageError::Browser(error.as_string().unwrap_or_else(|| format!("{error:?}"))),
    }
}

/// Listens for other tabs writing a key; the listener is removed when this
/// value is dropped.
pub struct TabWatch {
    listener: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl TabWatch {
    /// Calls `on_change` whenever another tab of this origin changes or
    /// removes `key`, or clears storage. The browser does not tell the tab
    /// that wrote, so a tab never hears its own saves. The event's own copy
    /// of the new value is not passed on: by the time it arrives a third tab
    /// may have written again, so the listener reads what storage holds now.
    pub fn new(key: StorageKey, mut on_change: impl FnMut() + 'static) -> Option<Self> {
        let name = key.name();
        let listener = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(
            move |event: web_sys::StorageEvent| {
                match event.key() {
                    Some(changed) if changed == name => on_change(),
                    // `clear()` in another tab sends an event with no key.
                    None => on_change(),
                    Some(_) => {}
                }
            },
        );
        web_sys::window()?
            .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
            .ok()?;
        Some(Self { listener })
    }
}

impl Drop for TabWatch {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "storage",
                self.listener.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Runs `critical` while holding the Web Lock named after `key`
/// (`navigator.locks.request`), so that no other tab of this site runs its
/// own critical section for `key` at the same time. localStorage is
/// synchronous, so a read of `key` and a write to it inside `critical` are
/// then one step for every other tab: no other save can slip in between.
///
/// The browser grants the lock in a later task, so `critical` must read what
/// it needs when it runs, not before. Where the browser has no Web Locks
/// (older browsers, pages not served securely) or refuses the request
/// before granting it, `critical` runs at once without the lock: the check
/// of the stored save inside it still guards every write, only the moment
/// between its read and its write is no longer shut to other tabs.
///
/// The Web Locks API is reached through `js_sys::Reflect`, because web-sys
/// offers `LockManager` only behind `web_sys_unstable_apis`.
pub fn with_lock(
    key: &StorageKey,
    critical: impl FnOnce() + 'static,
) -> impl std::future::Future<Output = ()> + 'static {
    let name = key.name();
    lock_then(name, Box::new(critical))
}

async fn lock_then(name: String, critical: Box<dyn FnOnce()>) {
    type Once = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;
    fn run(slot: &Once) {
        // Taken first: `critical` may not run twice, and the borrow must
        // end before it runs.
        let critical = slot.borrow_mut().take();
        if let Some(critical) = critical {
            critical();
        }
    }
    let slot: Once = Rc::new(RefCell::new(Some(critical)));
    if let Some((locks, request)) = lock_manager() {
        let granted = {
            let slot = slot.clone();
            Closure::once(move || run(&slot))
        };
        let requested = request.call2(
            &locks,
            &JsValue::from_str(&name),
            granted.as_ref().unchecked_ref(),
        );
        if let Ok(promise) = requested.and_then(JsCast::dyn_into::<js_sys::Promise>) {
            // Settles once `critical` has run and the lock is released; a
            // refusal before that is handled below by running it unlocked.
            let _settled = JsFuture::from(promise).await;
        }
        // Kept alive until the browser is done with the request.
        drop(granted);
    }
    // Runs only if the lock was never granted.
    run(&slot);
}

/// `navigator.locks` and its `request` method, if the browser has them.
fn lock_manager() -> Option<(JsValue, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    if !locks.is_object() {
        return None;
    }
    let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request")).ok()?;
    Some((locks, request.dyn_into().ok()?))
}

/// Whether the browser will keep this site's storage under storage pressure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// The browser promised to keep it until the user clears it.
    Granted,
    /// The browser may clear it when space runs low.
    NotGranted,
    /// The browser has no Storage API to ask.
    Unsupported,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // `navigator.storage` is missing in old browsers and insecure contexts.
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    manager.dyn_into().ok()
}

async fn ask(promise: Result<js_sys::Promise, JsValue>) -> Result<Persistence, StorageError> {
    let answer = JsFuture::from(promise.map_err(classify)?)
        .await
        .map_err(classify)?;
    Ok(if answer.as_bool() == Some(true) {
        Persistence::Granted
    } else {
        Persistence::NotGranted
    })
}

/// Whether persistence has been granted already, without asking.
pub async fn persistence() -> Result<Persistence, StorageError> {
    match storage_manager() {
        Some(manager) => ask(manager.persisted()).await,
        None => Ok(Persistence::Unsupported),
    }
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist()`).
pub async fn request_persistence() -> Result<Persistence, StorageError> {
    match storage_manager() {
        Some(manager) => ask(manager.persist()).await,
        None => Ok(Persistence::Unsupported),
    }
}
