//! Typed access from editor fields to one profile, or one row of it, in the
//! store: read as a signal, write through a callback, check typed text.

use crate::app::profile_watch::ProfileWatch;
use crate::app::state::AppStore;
use crate::domain::account_plan::AccountGoal;
use crate::domain::profile::{
    ActionStep, Address, Competitor, LogEntry, Opportunity, Person, Profile,
};
use crate::domain::{
    AddressId, CompetitorId, GoalId, LogEntryId, OpportunityId, PersonId, ProfileId, StepId,
};
use leptos::prelude::*;
use std::fmt::Display;
use uuid::Uuid;

/// Changes one profile in the store (nothing if it is gone).
pub fn edit_profile(store: AppStore, id: ProfileId, change: impl FnOnce(&mut Profile)) {
    store.workspace.update(|w| {
        if let Some(profile) = w.profile_mut(id) {
            change(profile);
        }
    });
}

/// One profile's fields, for the editor. Fields read the profile through
/// its [`ProfileWatch`], so they re-run when this profile changes, not
/// after every change to the workspace.
#[derive(Clone, Copy)]
pub struct ProfileAccess {
    /// The store.
    pub store: AppStore,
    /// The profile.
    pub id: ProfileId,
    /// The profile, watched.
    pub watch: ProfileWatch,
}

impl ProfileAccess {
    /// Access to profile `id` of `store`.
    pub fn new(store: AppStore, id: ProfileId) -> Self {
        Self {
            store,
            id,
            watch: ProfileWatch::new(store, id),
        }
    }

    /// A field as a signal.
    pub fn get<U: Default + Send + Sync + 'static>(self, read: fn(&Profile) -> U) -> Signal<U> {
        Signal::derive(move || self.watch.read(read).unwrap_or_default())
    }

    /// A field's value now, untracked: the text an input starts with.
    pub fn initial<U: Default>(self, read: fn(&Profile) -> U) -> U {
        self.watch.read_untracked(read).unwrap_or_default()
    }

    /// Stores a new value.
    pub fn set<U: 'static>(self, write: fn(&mut Profile, U)) -> Callback<U> {
        Callback::new(move |value| edit_profile(self.store, self.id, |p| write(p, value)))
    }

    /// Checks typed text with `parse` and stores the result with `write`.
    pub fn apply<V: 'static, E: Display + 'static>(
        self,
        parse: fn(&str) -> Result<V, E>,
        write: fn(&mut Profile, V),
    ) -> Callback<String, Option<String>> {
        Callback::new(move |text: String| match parse(&text) {
            Ok(value) => {
                edit_profile(self.store, self.id, |p| write(p, value));
                None
            }
            Err(e) => Some(e.to_string()),
        })
    }
}

/// A repeatable row of a profile (a person, an address, a step).
pub trait Row: Default + Clone + Send + Sync + 'static {
    /// The row's id type.
    type Id: Copy + PartialEq + Eq + std::hash::Hash + Send + Sync + Display + 'static;
    /// The row's id.
    fn row_id(&self) -> Self::Id;
    /// The UUID inside an id: the key the row list works with.
    fn key(id: Self::Id) -> Uuid;
    /// The id with this UUID.
    fn id_of(key: Uuid) -> Self::Id;
    /// What names the row for people (a person's name, a step), maybe blank.
    fn caption(&self) -> &str;
    /// The profile's list of such rows.
    fn rows(profile: &Profile) -> &Vec<Self>;
    /// The same list, to change.
    fn rows_mut(profile: &mut Profile) -> &mut Vec<Self>;
}

macro_rules! row {
    ($row:ty, $id:ty, $field:ident, $caption:ident) => {
        impl Row for $row {
            type Id = $id;
            fn row_id(&self) -> $id {
                self.id
            }
            fn key(id: $id) -> Uuid {
                id.as_uuid()
            }
            fn id_of(key: Uuid) -> $id {
                <$id>::from_uuid(key)
            }
            fn caption(&self) -> &str {
                &self.$caption
            }
            fn rows(profile: &Profile) -> &Vec<Self> {
                &profile.$field
            }
            fn rows_mut(profile: &mut Profile) -> &mut Vec<Self> {
                &mut profile.$field
            }
        }
    };
}

row!(Address, AddressId, addresses, label);
row!(Person, PersonId, people, name);
row!(Opportunity, OpportunityId, opportunities, title);
row!(Competitor, CompetitorId, competitors, name);
row!(ActionStep, StepId, action_plan, description);
row!(LogEntry, LogEntryId, log, text);
row!(AccountGoal, GoalId, account_plan, goal);

/// The ids of a profile's rows of one kind, in order, tracked.
pub fn row_ids<T: Row>(profile: ProfileAccess) -> Vec<T::Id> {
    profile
        .watch
        .read(|p| T::rows(p).iter().map(Row::row_id).collect())
        .unwrap_or_default()
}

/// Adds an empty row and returns its id.
pub fn add_row<T: Row>(profile: ProfileAccess) -> T::Id {
    let row = T::default();
    let id = row.row_id();
    edit_profile(profile.store, profile.id, |p| T::rows_mut(p).push(row));
    id
}

/// One row's fields, for the editor.
pub struct RowAccess<T: Row> {
    /// The store.
    pub store: AppStore,
    /// The profile.
    pub profile: ProfileId,
    /// The profile, watched.
    watch: ProfileWatch,
    /// The row.
    pub id: T::Id,
}

impl<T: Row> Clone for RowAccess<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Row> Copy for RowAccess<T> {}

impl<T: Row> RowAccess<T> {
    /// Access to row `id` of `profile`.
    pub fn new(profile: ProfileAccess, id: T::Id) -> Self {
        Self {
            store: profile.store,
            profile: profile.id,
            watch: profile.watch,
            id,
        }
    }

    /// Reads part of the row, tracked; `None` once it is gone.
    pub fn with<U>(self, read: impl FnOnce(&T) -> U) -> Option<U> {
        self.watch
            .read(|p| T::rows(p).iter().find(|r| r.row_id() == self.id).map(read))
            .flatten()
    }

    /// Reads part of the profile the row is on, tracked.
    pub fn with_profile<U>(self, read: impl FnOnce(&Profile) -> U) -> Option<U> {
        self.watch.read(read)
    }

    /// Changes the row (nothing if it is gone).
    pub fn edit(self, change: impl FnOnce(&mut T)) {
        edit_profile(self.store, self.profile, |p| {
            if let Some(row) = T::rows_mut(p).iter_mut().find(|r| r.row_id() == self.id) {
                change(row);
            }
        });
    }

    /// A field as a signal.
    pub fn get<U: Default + Send + Sync + 'static>(self, read: fn(&T) -> U) -> Signal<U> {
        Signal::derive(move || self.with(read).unwrap_or_default())
    }

    /// A field's value now, untracked: the text an input starts with.
    pub fn initial<U: Default>(self, read: fn(&T) -> U) -> U {
        untrack(|| self.with(read)).unwrap_or_default()
    }

    /// Stores a new value.
    pub fn set<U: 'static>(self, write: fn(&mut T, U)) -> Callback<U> {
        Callback::new(move |value| self.edit(|row| write(row, value)))
    }

    /// Checks typed text with `parse` and stores the result with `write`.
    pub fn apply<V: 'static, E: Display + 'static>(
        self,
        parse: fn(&str) -> Result<V, E>,
        write: fn(&mut T, V),
    ) -> Callback<String, Option<String>> {
        Callback::new(move |text: String| match parse(&text) {
            Ok(value) => {
                self.edit(|row| write(row, value));
                None
            }
            Err(e) => Some(e.to_string()),
        })
    }

    /// What names the row now, tracked (blank if nothing does).
    pub fn caption(self) -> String {
        self.with(|row| row.caption().to_owned())
            .unwrap_or_default()
    }

    /// Removes the row, and returns it with its place for an undo.
    pub fn take(self) -> Option<(usize, T)> {
        let mut taken = None;
        edit_profile(self.store, self.profile, |p| {
            let rows = T::rows_mut(p);
            if let Some(at) = rows.iter().position(|r| r.row_id() == self.id) {
                taken = Some((at, rows.remove(at)));
            }
        });
        taken
    }

    /// Puts a taken row back at its place (or last, if the list is shorter).
    pub fn put_back(store: AppStore, profile: ProfileId, at: usize, row: T) {
        edit_profile(store, profile, |p| {
            let rows = T::rows_mut(p);
            rows.insert(at.min(rows.len()), row);
        });
    }

    /// An element id for field `name` of this row, unique on the page.
    pub fn field_id(self, name: &str) -> String {
        format!("row-{}-{name}", self.id)
    }
}
