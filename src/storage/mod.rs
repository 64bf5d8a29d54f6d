//! The only code that touches `localStorage`.
//!
//! The interface is deliberately small (open, read, write, remove, list,
//! usage, watch other tabs, ask for persistence) so that another backend such
//! as IndexedDB can replace it without touching the rest of the app. Every
//! call is fallible and reports a typed [`StorageError`].

mod keys;

pub use keys::{NAMESPACE, StorageKey};

use gloo_storage::Storage as _;
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
    /// Any other failure, with the browser's own description.
    #[error("{}", crate::messages::storage_error(self))]
    Browser(String),
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
        for name in self.all_names()? {
            let value = self
                .raw
                .get_item(&name)
                .map_err(classify)?
                .unwrap_or_default();
            let chars = name.encode_utf16().count() + value.encode_utf16().count();
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
    /// Calls `on_change` with the new text (or `None` when removed or cleared)
    /// whenever another tab of this origin changes `key`. The browser does
    /// not tell the tab that wrote, so a tab never hears its own saves.
    pub fn new(
        key: StorageKey,
        mut on_change: impl FnMut(Option<String>) + 'static,
    ) -> Option<Self> {
        let name = key.name();
        let listener = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(
            move |event: web_sys::StorageEvent| {
                match event.key() {
                    Some(changed) if changed == name => on_change(event.new_value()),
                    // `clear()` in another tab sends an event with no key.
                    None => on_change(None),
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
