//! One stable sort for every short list in the app.
//!
//! The standard library's sort is compiled anew for every comparison
//! closure, about 3 KB of WebAssembly each time; with some twenty lists
//! sorted their own way that was over 60 KB of the download. [`sort_with`]
//! sorts positions through a single compiled sort and then moves the items
//! into place, so each caller adds only its small comparison. It is for
//! lists a person reads (tens to a few thousand items); the ranking of
//! every profile keeps the standard sort, where speed matters more.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (a
/// stable sort, like `slice::sort_by`).
pub fn sort_with<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` by the key `key` gives, keeping equal items in their
/// order (like `slice::sort_by_key`).
pub fn sort_by_key_with<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_with(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` gives them: the one
/// compiled sort.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    #[allow(clippy::disallowed_methods)] // the one place the standard sort is compiled
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let words = ["pear", "Fig", "apple", "fig", "Apple", "kiwi", "", "pear"];
        let mut ours: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let mut standard = ours.clone();
        sort_by_key_with(&mut ours, |w| w.to_lowercase());
        #[allow(clippy::disallowed_methods)] // what ours is checked against
        standard.sort_by_key(|w| w.to_lowercase());
        assert_eq!(ours, standard);
        assert_eq!(ours[..4], ["", "apple", "Apple", "Fig"]);
    }

    #[test]
    fn equal_items_keep_their_order_and_none_is_lost() {
        let mut pairs: Vec<(u8, usize)> = [3, 1, 3, 2, 1, 3].into_iter().zip(0..).collect();
        sort_with(&mut pairs, |a, b| b.0.cmp(&a.0));
        assert_eq!(pairs, [(3, 0), (3, 2), (3, 5), (2, 3), (1, 1), (1, 4)]);
        let mut empty: Vec<u8> = Vec::new();
        sort_with(&mut empty, |a, b| a.cmp(b));
        assert!(empty.is_empty());
    }
}
