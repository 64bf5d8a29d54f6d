//! One memo type for the whole app.
//!
//! A `Memo<T>` compiles the reactive system's memo code once for each type
//! `T` it holds: some 0.8 KB of gzipped wasm a type, and the app derives
//! some thirty types of value. A [`Derived<T>`] is a memo of one erased
//! type underneath, so that code is compiled once, while its readers keep
//! their types: it holds the value behind an `Arc<dyn Any>` with the
//! comparison of `T`, and reads it back as the `T` it was made with.

use leptos::prelude::*;
use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

/// Any value a [`Derived`] holds, with how to compare two of its type.
#[derive(Clone)]
struct Erased {
    value: Arc<dyn Any + Send + Sync>,
    same: fn(&Erased, &Erased) -> bool,
}

impl PartialEq for Erased {
    fn eq(&self, other: &Self) -> bool {
        (self.same)(self, other)
    }
}

impl Erased {
    /// The value, as the `T` it was made with.
    fn read<T: 'static>(&self) -> &T {
        self.value
            .downcast_ref()
            .expect("a derived value keeps the type it was made with")
    }
}

/// Whether two erased values of type `T` are equal.
fn same<T: PartialEq + 'static>(a: &Erased, b: &Erased) -> bool {
    a.read::<T>() == b.read::<T>()
}

/// The memo of `derive`. Boxed, and made in a function generic over
/// nothing: the memo's own code is generic over the function it runs, and
/// would otherwise be compiled again for every place that derives a value.
fn erased_memo(derive: Box<dyn Fn() -> Erased + Send + Sync>) -> Memo<Erased> {
    Memo::new(move |_| derive())
}

/// A value derived from signals, computed again when they change and
/// passed on to its readers only when it differs from the last one: a
/// `Memo<T>` that costs the page no code of its own.
pub struct Derived<T> {
    memo: Memo<Erased>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

impl<T: PartialEq + Send + Sync + 'static> Derived<T> {
    /// The value `derive` gives, kept up to date.
    pub fn new(derive: impl Fn() -> T + Send + Sync + 'static) -> Self {
        Self {
            memo: erased_memo(Box::new(move || Erased {
                value: Arc::new(derive()),
                same: same::<T>,
            })),
            ty: PhantomData,
        }
    }

    /// Reads the value, tracked.
    pub fn with<U>(self, read: impl FnOnce(&T) -> U) -> U {
        // Through the memo's guard, not a closure passed to the memo: see
        // `super::held` for why.
        read(self.memo.read().read())
    }

    /// Reads the value, untracked.
    pub fn with_untracked<U>(self, read: impl FnOnce(&T) -> U) -> U {
        read(self.memo.read_untracked().read())
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Derived<T> {
    /// A copy of the value, tracked.
    pub fn get(self) -> T {
        self.with(T::clone)
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(self) -> T {
        self.with_untracked(T::clone)
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> From<Derived<T>> for Signal<T> {
    /// The value as a signal, for a component that takes one.
    fn from(derived: Derived<T>) -> Self {
        Signal::derive(move || derived.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn readers_run_again_only_when_the_derived_value_changes() {
        let owner = Owner::new();
        owner.set();
        let count = RwSignal::new(3_u32);
        let parity = Derived::new(move || count.get().is_multiple_of(2));
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&runs);
        let shown = Memo::new(move |_| {
            counted.fetch_add(1, Ordering::Relaxed);
            if parity.get() { "even" } else { "odd" }
        });
        assert_eq!(shown.get(), "odd");
        count.set(5);
        assert_eq!(shown.get(), "odd");
        assert_eq!(runs.load(Ordering::Relaxed), 1, "still odd: not run again");
        count.set(6);
        assert_eq!(shown.get(), "even");
        assert_eq!(runs.load(Ordering::Relaxed), 2);
        assert!(parity.with_untracked(|even| *even));
    }

    #[test]
    fn values_of_different_types_read_back_as_their_own() {
        let owner = Owner::new();
        owner.set();
        let name = RwSignal::new("Acme".to_owned());
        let upper = Derived::new(move || name.get().to_uppercase());
        let length = Derived::new(move || name.with(String::len));
        name.set("Borealis".into());
        assert_eq!((upper.get(), length.get()), ("BOREALIS".to_owned(), 8));
    }
}
