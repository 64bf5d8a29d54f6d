//! Fixed lists of choices (status, buying role, rating…) offered in forms.

use std::fmt::Debug;

/// A value chosen from a fixed list, with a name for people and a stable key
/// for form controls.
pub trait Choice: Copy + PartialEq + Default + Debug + Send + Sync + 'static {
    /// Every value, in the order offered.
    fn all() -> &'static [Self];

    /// The name shown to people.
    fn name(self) -> &'static str;

    /// A stable key for a form control's value.
    fn key(self) -> String {
        format!("{self:?}")
    }

    /// The value with `key`, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.key() == key)
    }
}

/// Implements [`Choice`] for enums with an `ALL` list and a method giving
/// the name shown: `label`, or `shown` where `label` is the name files
/// write.
macro_rules! choice {
    ($name:ident: $($ty:ty),* $(,)?) => {$(
        impl Choice for $ty {
            fn all() -> &'static [Self] {
                &<$ty>::ALL
            }
            fn name(self) -> &'static str {
                self.$name()
            }
        }
    )*};
}

use super::custom_field::FieldKind;
use super::profile::{BuyingRole, FinancialRating, LogKind, Status, YesNoUnknown};
use super::profile_list::SortKey;
use super::scoring::CategoryField;

choice!(
    label: BuyingRole,
    FinancialRating,
    LogKind,
    SortKey,
    CategoryField,
    FieldKind
);
choice!(shown: Status, YesNoUnknown);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_reads_back_from_its_key() {
        fn round_trip<T: Choice>() {
            for value in T::all() {
                assert_eq!(T::from_key(&value.key()), Some(*value));
                assert!(!value.name().is_empty());
            }
            assert_eq!(T::from_key("no such key"), None);
        }
        round_trip::<Status>();
        round_trip::<YesNoUnknown>();
        round_trip::<BuyingRole>();
        round_trip::<FinancialRating>();
        round_trip::<LogKind>();
        round_trip::<SortKey>();
    }
}
