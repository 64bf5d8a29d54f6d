//! The app's one keyed list. Leptos compiles the keyed drawing of `<For>`
//! once per place it is used (about 2 KB of gzipped wasm each); every list
//! whose rows must keep their state (focus, typed text) while others come
//! and go goes through [`keyed_list`] instead, so it is compiled once.

use leptos::prelude::*;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use uuid::Uuid;

/// What tells the rows of a keyed list apart: the record's id, and a digest
/// of what the row shows when it is drawn once from a snapshot (see
/// [`digest`]; 0 for a row that follows its record by itself).
pub type RowKey = (Uuid, u64);

/// Draws the row of a key.
pub type DrawRow = Arc<dyn Fn(RowKey) -> AnyView + Send + Sync>;

/// The rows of `each`, in its order: a row is drawn when its key appears
/// and kept, untouched, while its key stays.
pub fn keyed_list(each: Signal<Vec<RowKey>>, draw: DrawRow) -> impl IntoView {
    view! { <For each=move || each.get() key=|key| *key children=move |key| draw(key) /> }
}

/// A digest of what a row shows, for a [`RowKey`]: a row whose content
/// changes gets a new key, so it is drawn again; the others stay.
pub fn digest(shown: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    shown.hash(&mut hasher);
    hasher.finish()
}

/// The rows `rows` gives, each drawn by `draw` from the row as it was when
/// its key (`key`) appeared.
pub fn snapshot_list<T: Clone + Send + Sync + 'static>(
    rows: impl Fn() -> Vec<T> + Send + Sync + 'static,
    key: fn(&T) -> RowKey,
    draw: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    // The rows as last listed: `For` draws the new keys right after.
    let latest = StoredValue::new(Vec::<(RowKey, T)>::new());
    let each = Signal::derive(move || {
        let keyed: Vec<(RowKey, T)> = rows().into_iter().map(|row| (key(&row), row)).collect();
        let keys = keyed.iter().map(|(k, _)| *k).collect();
        latest.set_value(keyed);
        keys
    });
    keyed_list(
        each,
        Arc::new(move |wanted| {
            let row = latest.with_value(|rows| {
                rows.iter()
                    .find(|(k, _)| *k == wanted)
                    .map(|(_, row)| row.clone())
            });
            row.map(&draw).into_any()
        }),
    )
}
