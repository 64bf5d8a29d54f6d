//! Names that tell records apart in a list.

/// `base`, or `base 2`, `base 3`… whichever `taken` says is free first, so
/// that a new record never shares its name with one already listed.
pub fn unused_name(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|candidate| !taken(candidate))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_free_number_is_added() {
        let taken = ["Model", "Model 2", "Model 4"];
        let is_taken = |name: &str| taken.contains(&name);
        assert_eq!(unused_name("Other", is_taken), "Other");
        assert_eq!(unused_name("Model", is_taken), "Model 3");
    }
}
