//! The workspace's profiles, which know which of them changed.
//!
//! Storage keeps the profiles in chunks and writes again only the chunks
//! whose profiles changed since it last wrote them (see
//! [`crate::storage::chunks`]). Reading 10,000 profiles to find the one that
//! changed would cost what the chunks save, so every profile carries a
//! [`Stamp`]: a number no other profile content in this tab has had. Every
//! way to change a profile here gives it a fresh stamp; a clone keeps it, as
//! its content is the same. The same stamp therefore means the same content.

use super::Profile;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::atomic::{AtomicU64, Ordering};

/// Which content a profile has, among every profile content this tab has
/// held: never written to files, and equal for every two profiles as far
/// as `==` goes, so that it changes nothing a comparison of profiles says.
#[derive(Debug, Clone, Copy)]
pub struct Stamp(u64);

/// The next stamp to give. A counter, not a time or a hash: unique for the
/// life of the tab, so that no content can be taken for another.
static NEXT: AtomicU64 = AtomicU64::new(1);

impl Stamp {
    /// A stamp no profile has had before.
    pub fn fresh() -> Self {
        Self(NEXT.fetch_add(1, Ordering::Relaxed))
    }

    /// The stamp as a number, to remember it.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl Default for Stamp {
    /// A profile read from a file or storage gets a fresh stamp.
    fn default() -> Self {
        Self::fresh()
    }
}

impl PartialEq for Stamp {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Stamp {}

/// The profiles of a workspace, in the order they were created. Read them
/// as a `Vec`; change them only through the methods here, which give every
/// profile they hand out or take in a fresh [`Stamp`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profiles(Vec<Profile>);

impl Profiles {
    /// The profile at `index`, to change.
    pub fn get_mut(&mut self, index: usize) -> Option<&mut Profile> {
        let profile = self.0.get_mut(index)?;
        profile.stamp = Stamp::fresh();
        Some(profile)
    }

    /// Every profile, to change (each counts as changed).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Profile> {
        for profile in &mut self.0 {
            profile.stamp = Stamp::fresh();
        }
        self.0.iter_mut()
    }

    /// Adds `profile` at the end.
    pub fn push(&mut self, mut profile: Profile) {
        profile.stamp = Stamp::fresh();
        self.0.push(profile);
    }

    /// Puts `profile` at `index`.
    pub fn insert(&mut self, index: usize, mut profile: Profile) {
        profile.stamp = Stamp::fresh();
        self.0.insert(index, profile);
    }

    /// Takes out the profile at `index`.
    pub fn remove(&mut self, index: usize) -> Profile {
        self.0.remove(index)
    }

    /// Makes this list equal to `of`, stamps included, copying only the
    /// profiles whose stamps differ (the same stamp is the same content):
    /// for a copy kept beside the workspace's profiles, which change one at
    /// a time. When profiles were added, removed or moved, all are copied.
    pub fn mirror(&mut self, of: &Profiles) {
        let same_ids =
            self.0.len() == of.0.len() && self.0.iter().zip(&of.0).all(|(a, b)| a.id == b.id);
        if !same_ids {
            self.0.clone_from(&of.0);
            return;
        }
        for (mine, theirs) in self.0.iter_mut().zip(&of.0) {
            if mine.stamp.0 != theirs.stamp.0 {
                *mine = theirs.clone();
            }
        }
    }

    /// Changes the list as a `Vec`; every profile counts as changed after,
    /// whatever `edit` did (a profile put in may be a changed copy that
    /// still has its original's stamp).
    pub fn edit_all<R>(&mut self, edit: impl FnOnce(&mut Vec<Profile>) -> R) -> R {
        let result = edit(&mut self.0);
        for profile in &mut self.0 {
            profile.stamp = Stamp::fresh();
        }
        result
    }
}

impl std::ops::Deref for Profiles {
    type Target = Vec<Profile>;
    fn deref(&self) -> &Vec<Profile> {
        &self.0
    }
}

impl std::ops::Index<usize> for Profiles {
    type Output = Profile;
    fn index(&self, index: usize) -> &Profile {
        &self.0[index]
    }
}

impl std::ops::IndexMut<usize> for Profiles {
    /// The profile at `index`, to change: it gets a fresh stamp.
    fn index_mut(&mut self, index: usize) -> &mut Profile {
        let profile = &mut self.0[index];
        profile.stamp = Stamp::fresh();
        profile
    }
}

impl<'a> IntoIterator for &'a Profiles {
    type Item = &'a Profile;
    type IntoIter = std::slice::Iter<'a, Profile>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl From<Vec<Profile>> for Profiles {
    /// Profiles made or read elsewhere; each is stamped anew, as a changed
    /// copy keeps its original's stamp.
    fn from(list: Vec<Profile>) -> Self {
        let mut profiles = Self(list);
        profiles.edit_all(|_| ());
        profiles
    }
}

impl FromIterator<Profile> for Profiles {
    fn from_iter<I: IntoIterator<Item = Profile>>(iter: I) -> Self {
        Self::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Serialize for Profiles {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl crate::domain::json::FromJson for Profiles {
    fn from_json(value: serde_json::Value) -> Result<Self, serde_json::Error> {
        // Each profile read gets a fresh stamp from its `Default`.
        Vec::from_json(value).map(Self)
    }
}

impl<'de> Deserialize<'de> for Profiles {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Each profile read gets a fresh stamp from its `Default`.
        Vec::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;

    fn stamps(profiles: &Profiles) -> Vec<u64> {
        profiles.iter().map(|p| p.stamp.get()).collect()
    }

    fn three() -> Profiles {
        ["Acme", "Borealis", "Cobalt"]
            .into_iter()
            .map(|name| Profile::new(name.into(), Timestamp::from_millis(0)))
            .collect()
    }

    #[test]
    fn a_clone_keeps_the_stamps_and_every_change_gives_a_fresh_one() {
        let mut profiles = three();
        let before = stamps(&profiles);
        assert_eq!(stamps(&profiles.clone()), before, "same content");

        profiles.get_mut(1).unwrap().name = "Boreal".into();
        let after = stamps(&profiles);
        assert_eq!(after[0], before[0]);
        assert_ne!(after[1], before[1], "the changed profile");
        assert_eq!(after[2], before[2]);

        // A changed copy put back in is not taken for its original.
        let mut copy = profiles[0].clone();
        copy.name = "Acme Ltd".into();
        profiles.insert(0, copy);
        assert_ne!(profiles[0].stamp.get(), profiles[1].stamp.get());

        let before = stamps(&profiles);
        profiles.edit_all(|list| list.swap(0, 1));
        let after = stamps(&profiles);
        assert!(after.iter().all(|s| !before.contains(s)), "all fresh");
    }

    #[test]
    fn a_mirror_copies_only_the_profiles_that_changed_and_keeps_their_stamps() {
        let mut profiles = three();
        let mut copy = profiles.clone();
        profiles[1].name = "Boreal".into();
        let unchanged = &copy[0] as *const Profile;
        copy.mirror(&profiles);
        assert_eq!(copy, profiles);
        assert_eq!(stamps(&copy), stamps(&profiles));
        assert_eq!(&copy[0] as *const Profile, unchanged, "not copied again");

        profiles.remove(0);
        copy.mirror(&profiles);
        assert_eq!(copy, profiles);
        assert_eq!(stamps(&copy), stamps(&profiles));
    }

    #[test]
    fn profiles_read_back_compare_equal_with_other_stamps() {
        let profiles = three();
        let json = serde_json::to_string(&profiles).unwrap();
        assert!(!json.contains("stamp"), "never written: {json}");
        let back: Profiles = serde_json::from_str(&json).unwrap();
        assert_eq!(back, profiles);
        assert!(
            stamps(&back).iter().all(|s| !stamps(&profiles).contains(s)),
            "read profiles are stamped anew"
        );
    }
}
