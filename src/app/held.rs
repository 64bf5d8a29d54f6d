//! One signal type for the whole app, as [`super::derived`] is one memo
//! type: an `RwSignal<T>` compiles the reactive system's signal code once
//! for each type `T` it holds, and the app holds some forty types of
//! state. A [`Held<T>`] is an `RwSignal` of one erased type underneath
//! (7 KB less gzipped wasm), while its readers and writers keep their
//! types.
//!
//! It reads and writes through the signal's guards, not through closures
//! passed to it: the signal's code that takes a closure is compiled again
//! for every closure, that is for every place in the app that reads or
//! changes state (some 9 KB of gzipped wasm, with [`super::derived`]).

use leptos::prelude::*;
use std::any::Any;
use std::marker::PhantomData;

/// Any value a [`Held`] holds.
struct Boxed(Box<dyn Any + Send + Sync>);

impl Boxed {
    fn get<T: 'static>(&self) -> &T {
        self.0
            .downcast_ref()
            .expect("a held value keeps the type it was made with")
    }

    fn get_mut<T: 'static>(&mut self) -> &mut T {
        self.0
            .downcast_mut()
            .expect("a held value keeps the type it was made with")
    }
}

/// A value that can be read and changed, whose readers run again after
/// each change: an `RwSignal<T>` compiled once for every type it holds (see
/// the module's note).
pub struct Held<T> {
    signal: RwSignal<Boxed>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Held<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Held<T> {}

impl<T: Send + Sync + 'static> Held<T> {
    /// Holds `value`.
    pub fn new(value: T) -> Self {
        Self {
            signal: RwSignal::new(Boxed(Box::new(value))),
            ty: PhantomData,
        }
    }

    /// Reads the value, tracked.
    pub fn with<U>(self, read: impl FnOnce(&T) -> U) -> U {
        read(self.signal.read().get())
    }

    /// Reads the value, untracked.
    pub fn with_untracked<U>(self, read: impl FnOnce(&T) -> U) -> U {
        read(self.signal.read_untracked().get())
    }

    /// Changes the value; its readers run again.
    pub fn update(self, change: impl FnOnce(&mut T)) {
        change(self.signal.write().get_mut());
    }

    /// Changes the value without telling its readers.
    pub fn update_untracked<U>(self, change: impl FnOnce(&mut T) -> U) -> U {
        change(self.signal.write_untracked().get_mut())
    }

    /// Changes the value without telling its readers; `None` once the
    /// value is gone (its owner was cleaned up).
    pub fn try_update_untracked<U>(self, change: impl FnOnce(&mut T) -> U) -> Option<U> {
        let mut guard = self.signal.try_write_untracked()?;
        Some(change(guard.get_mut()))
    }

    /// Changes the value and tells its readers only if `change` says it
    /// changed.
    pub fn maybe_update(self, change: impl FnOnce(&mut T) -> bool) {
        let mut guard = self.signal.write();
        if !change(guard.get_mut()) {
            guard.untrack();
        }
    }

    /// Replaces the value; its readers run again.
    pub fn set(self, value: T) {
        self.update(|v| *v = value);
    }

    /// Makes the caller run again when the value changes.
    pub fn track(self) {
        self.signal.track();
    }
}

impl<T: Clone + Send + Sync + 'static> Held<T> {
    /// A copy of the value, tracked.
    pub fn get(self) -> T {
        self.with(T::clone)
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(self) -> T {
        self.with_untracked(T::clone)
    }
}

impl<T> std::fmt::Debug for Held<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Its type's name: what it holds is behind an erased box.
        f.write_str(std::any::type_name::<Self>())
    }
}

impl<T: Clone + Send + Sync + 'static> Held<T> {
    /// A copy of the value, untracked; `None` once its owner was cleaned
    /// up.
    pub fn try_get_untracked(self) -> Option<T> {
        Some(self.signal.try_read_untracked()?.get::<T>().clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_different_types_change_and_read_back_as_their_own() {
        let owner = Owner::new();
        owner.set();
        let name = Held::new("Acme".to_owned());
        let count = Held::new(1_u32);
        let shown = Memo::new(move |_| format!("{} ×{}", name.get(), count.get()));
        assert_eq!(shown.get(), "Acme ×1");
        name.update(|n| n.push_str(" Oy"));
        count.set(2);
        assert_eq!(shown.get(), "Acme Oy ×2");
        count.update_untracked(|c| *c = 5);
        assert_eq!(shown.get(), "Acme Oy ×2", "not told");
        assert_eq!(count.get_untracked(), 5);
        count.maybe_update(|_| false);
        assert_eq!(shown.get(), "Acme Oy ×2", "not changed, so not told");
        count.update(|_| ());
        assert_eq!(shown.get(), "Acme Oy ×5");
        assert_eq!(count.try_get_untracked(), Some(5));
    }
}
