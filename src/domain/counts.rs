//! Texts counted as people typed them ("Retail", "retail "): each is
//! counted under a key that tells which texts are the same, and shown as
//! first written. A short list, so it is kept in the order first given
//! (which breaks ties) without a map.

use crate::domain::sorting::sort_by_key_with;

/// How often each text was given, in the order first given.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    /// (key, text as first written, how often).
    entries: Vec<(String, String, usize)>,
}

impl Counts {
    /// Counts `text` under `key`; the first text of a key is the one shown.
    pub fn add(&mut self, key: String, text: &str) {
        match self.entries.iter_mut().find(|(k, ..)| *k == key) {
            Some(entry) => entry.2 += 1,
            None => self.entries.push((key, text.to_owned(), 1)),
        }
    }

    /// Whether a text was counted under `key`.
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, ..)| k == key)
    }

    /// How many texts were counted in all.
    pub fn total(&self) -> usize {
        self.entries.iter().map(|(.., n)| n).sum()
    }

    /// Each text with how often it was given, most often first; equals in
    /// the order first given.
    pub fn most_first(self) -> Vec<(String, usize)> {
        let mut counted: Vec<(String, usize)> = self
            .entries
            .into_iter()
            .map(|(_, text, n)| (text, n))
            .collect();
        sort_by_key_with(&mut counted, |(_, n)| std::cmp::Reverse(*n));
        counted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_counted_by_key_shown_as_first_written_most_often_first() {
        let mut counts = Counts::default();
        for text in ["Retail", "Energy", "retail ", "Food", "ENERGY", "RETAIL"] {
            counts.add(text.trim().to_lowercase(), text.trim());
        }
        assert!(counts.has("energy") && !counts.has("media"));
        assert_eq!(counts.total(), 6);
        assert_eq!(
            counts.most_first(),
            [
                ("Retail".to_owned(), 3),
                ("Energy".to_owned(), 2),
                ("Food".to_owned(), 1)
            ]
        );
    }
}
