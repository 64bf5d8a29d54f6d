//! A record seen as *slots* for the field-level merge: each field of its
//! JSON object is a slot, except lists of rows with ids (people, addresses,
//! steps, criteria…), whose every row is a slot of its own
//! (`people/<row id>`). Two people who changed different slots of one record
//! both keep their change; only a slot changed on both sides is a conflict.

use super::history::{Dot, Version};
use crate::domain::small_map::SmallMap;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Slot name → value. An empty list is no slot at all, so that "no rows"
/// and "no list" read alike.
pub type Slots = BTreeMap<String, Value>;

/// The slots of a record's JSON.
pub fn slots_of(record: &Value) -> Slots {
    let mut slots = Slots::new();
    let Value::Object(fields) = record else {
        return slots;
    };
    for (key, value) in fields {
        if key == "id" {
            continue;
        }
        match value {
            Value::Array(items) if items.is_empty() => {}
            Value::Array(items) if is_row_list(items) => {
                for row in items {
                    slots.insert(row_slot(key, row), row.clone());
                }
            }
            _ => {
                slots.insert(key.clone(), value.clone());
            }
        }
    }
    slots
}

/// Whether every item is an object with a text id: rows that merge one by
/// one.
fn is_row_list(items: &[Value]) -> bool {
    items
        .iter()
        .all(|item| item.get("id").is_some_and(Value::is_string))
}

fn row_slot(list: &str, row: &Value) -> String {
    format!(
        "{list}/{}",
        row.get("id").and_then(Value::as_str).unwrap_or("")
    )
}

/// Which side a slot's value comes from in a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// This workspace's value.
    Ours,
    /// The file's value.
    Theirs,
    /// Both changed it: the user chooses.
    Conflict,
}

/// Decides one slot whose values differ: a side keeps its value only if
/// the other side has seen the edit that wrote the other value. A slot
/// without a dot still has its first value, which both sides have seen.
pub fn decide(ours: &Version, theirs: &Version, slot: &str) -> Side {
    let seen_by_ours = theirs.dot(slot).is_none_or(|d| ours.clock.covers(d));
    let seen_by_theirs = ours.dot(slot).is_none_or(|d| theirs.clock.covers(d));
    match (seen_by_ours, seen_by_theirs) {
        (true, false) => Side::Ours,
        (false, true) => Side::Theirs,
        // Neither saw the other's edit, or (data from before versions) no
        // edit is known on either side: only a person can tell.
        _ => Side::Conflict,
    }
}

/// The outcome of merging two versions of a record field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldMerge {
    /// The merged record's JSON.
    pub value: Value,
    /// The slots changed on both sides, in slot order.
    pub conflicts: Vec<String>,
    /// The dots of the merged version: per slot, the dot of the side its
    /// value came from (conflicting slots: the side chosen).
    pub fields: SmallMap<String, Dot>,
}

/// Merges `ours` and `theirs` slot by slot; conflicting slots take the
/// file's value if `take_theirs`, else this side's.
pub fn merge_fields(
    ours: &Value,
    ours_version: &Version,
    theirs: &Value,
    theirs_version: &Version,
    take_theirs: bool,
) -> FieldMerge {
    let (a, b) = (slots_of(ours), slots_of(theirs));
    // The value chosen per slot; a slot neither side has is left out. (A
    // map of the same type as the slots: each map type costs its own code.)
    let mut chosen = Slots::new();
    let mut conflicts = Vec::new();
    let mut fields = SmallMap::new();
    for slot in sorted_union(a.keys(), b.keys()) {
        let (mine, yours) = (a.get(slot), b.get(slot));
        let side = if mine == yours {
            Side::Ours
        } else {
            decide(ours_version, theirs_version, slot)
        };
        let side = match side {
            Side::Conflict => {
                conflicts.push(slot.clone());
                if take_theirs {
                    Side::Theirs
                } else {
                    Side::Ours
                }
            }
            other => other,
        };
        let (value, dot) = match side {
            Side::Theirs => (yours, theirs_version.dot(slot)),
            _ => (mine, newer_dot(ours_version, theirs_version, slot)),
        };
        if let Some(value) = value {
            chosen.insert(slot.clone(), value.clone());
        }
        if let Some(dot) = dot {
            fields.insert(slot.clone(), dot.clone());
        }
    }
    FieldMerge {
        value: rebuild(ours, theirs, &chosen),
        conflicts,
        fields,
    }
}

/// The names of two sorted lists, sorted, each once.
fn sorted_union<'a>(
    a: impl Iterator<Item = &'a String>,
    b: impl Iterator<Item = &'a String>,
) -> Vec<&'a String> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    let mut out = Vec::new();
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x < y => a.next(),
            (Some(x), Some(y)) if x > y => b.next(),
            (Some(_), Some(_)) => {
                b.next();
                a.next()
            }
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(name) => out.push(name),
            None => return out,
        }
    }
}

/// For a slot whose value is this side's: its dot here, or the file's when
/// the file saw this side's edit and wrote the same value after it.
fn newer_dot<'a>(ours: &'a Version, theirs: &'a Version, slot: &str) -> Option<&'a Dot> {
    match (ours.dot(slot), theirs.dot(slot)) {
        (Some(mine), Some(yours)) if theirs.clock.covers(mine) && !ours.clock.covers(yours) => {
            Some(yours)
        }
        (None, Some(yours)) => Some(yours),
        (mine, _) => mine,
    }
}

/// The record's JSON with every slot as chosen: fields in this side's
/// order (new ones from the file after them), rows in this side's order
/// with rows only the file has after their predecessor there.
fn rebuild(ours: &Value, theirs: &Value, chosen: &Slots) -> Value {
    let empty = Map::new();
    let a = ours.as_object().unwrap_or(&empty);
    let b = theirs.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
    for key in keys {
        if key == "id" {
            if let Some(id) = a.get(key).or_else(|| b.get(key)) {
                out.insert(key.clone(), id.clone());
            }
            continue;
        }
        let rows = |side: &Map<String, Value>| match side.get(key) {
            Some(Value::Array(items)) if !items.is_empty() && is_row_list(items) => {
                Some(items.clone())
            }
            _ => None,
        };
        let is_list = |side: &Map<String, Value>| matches!(side.get(key), Some(Value::Array(_)));
        match (rows(a), rows(b)) {
            (None, None) => match chosen.get(key).cloned() {
                Some(value) => {
                    out.insert(key.clone(), value);
                }
                None if is_list(a) || is_list(b) => {
                    out.insert(key.clone(), Value::Array(Vec::new()));
                }
                None => {}
            },
            (mine, yours) => {
                let order = row_order(&mine.unwrap_or_default(), &yours.unwrap_or_default());
                let list = order
                    .into_iter()
                    .filter_map(|row| chosen.get(&format!("{key}/{row}")).cloned())
                    .collect();
                out.insert(key.clone(), Value::Array(list));
            }
        }
    }
    Value::Object(out)
}

/// Row ids in this side's order, each row only the file has placed after
/// the row before it in the file.
fn row_order(ours: &[Value], theirs: &[Value]) -> Vec<String> {
    let id = |row: &Value| {
        row.get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let mut order: Vec<String> = ours.iter().map(id).collect();
    let mut after: Option<String> = None;
    for row in theirs {
        let row_id = id(row);
        if !order.contains(&row_id) {
            let at = match &after {
                Some(prev) => order
                    .iter()
                    .position(|r| r == prev)
                    .map_or(order.len(), |i| i + 1),
                None => 0,
            };
            order.insert(at, row_id.clone());
        }
        after = Some(row_id);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::share::history::Clock;
    use serde_json::json;

    #[test]
    fn the_union_of_two_sorted_lists_is_sorted_and_names_each_once() {
        let names = |list: &[&str]| list.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
        let (a, b) = (names(&["b", "d", "e"]), names(&["a", "b", "c", "e", "f"]));
        let union: Vec<&str> = sorted_union(a.iter(), b.iter())
            .into_iter()
            .map(String::as_str)
            .collect();
        assert_eq!(union, ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(sorted_union(a.iter(), [].iter()).len(), 3);
    }

    fn version(clock: &[(&str, u64)], fields: &[(&str, &str, u64)]) -> Version {
        let mut c = Clock::default();
        for (r, n) in clock {
            for _ in 0..*n {
                c.bump(r);
            }
        }
        Version {
            clock: c,
            fields: fields
                .iter()
                .map(|(slot, r, n)| {
                    (
                        (*slot).to_owned(),
                        Dot {
                            replica: (*r).to_owned(),
                            n: *n,
                        },
                    )
                })
                .collect(),
            ..Version::default()
        }
    }

    #[test]
    fn rows_with_ids_are_slots_of_their_own_and_empty_lists_none() {
        let slots = slots_of(&json!({
            "id": "p", "name": "Acme", "tags": ["a"], "empty": [],
            "people": [{"id": "1", "name": "Ewa"}, {"id": "2", "name": "Jan"}]
        }));
        let names: Vec<&str> = slots.keys().map(String::as_str).collect();
        assert_eq!(names, ["name", "people/1", "people/2", "tags"]);
    }

    #[test]
    fn different_fields_changed_on_each_side_are_both_kept() {
        // Created by C (c:1); A changed the name (a:1), B the city (b:1).
        let base = json!({"id": "p", "name": "Acme", "city": "Kraków"});
        let mut a = base.clone();
        a["name"] = json!("Acme S.A.");
        let mut b = base.clone();
        b["city"] = json!("Gdańsk");
        let va = version(&[("c", 1), ("a", 1)], &[("name", "a", 1)]);
        let vb = version(&[("c", 1), ("b", 1)], &[("city", "b", 1)]);
        let merged = merge_fields(&a, &va, &b, &vb, false);
        assert!(merged.conflicts.is_empty());
        assert_eq!(
            merged.value,
            json!({"id": "p", "name": "Acme S.A.", "city": "Gdańsk"})
        );
        assert_eq!(merged.fields.len(), 2);
    }

    #[test]
    fn one_field_changed_on_both_sides_is_a_conflict_kept_as_chosen() {
        let a = json!({"id": "p", "name": "Acme A"});
        let b = json!({"id": "p", "name": "Acme B"});
        let va = version(&[("c", 1), ("a", 1)], &[("name", "a", 1)]);
        let vb = version(&[("c", 1), ("b", 1)], &[("name", "b", 1)]);
        let mine = merge_fields(&a, &va, &b, &vb, false);
        assert_eq!(mine.conflicts, ["name"]);
        assert_eq!(mine.value["name"], "Acme A");
        let theirs = merge_fields(&a, &va, &b, &vb, true);
        assert_eq!(theirs.value["name"], "Acme B");
    }

    #[test]
    fn a_row_added_on_one_side_and_another_removed_on_the_other_both_hold() {
        let base =
            json!({"id": "p", "people": [{"id": "1", "name": "Ewa"}, {"id": "2", "name": "Jan"}]});
        // A added person 3 after Ewa; B removed Jan.
        let a = json!({"id": "p", "people": [{"id": "1", "name": "Ewa"}, {"id": "3", "name": "Ola"}, {"id": "2", "name": "Jan"}]});
        let b = json!({"id": "p", "people": [{"id": "1", "name": "Ewa"}]});
        let va = version(&[("c", 1), ("a", 1)], &[("people/3", "a", 1)]);
        let vb = version(&[("c", 1), ("b", 1)], &[("people/2", "b", 1)]);
        let merged = merge_fields(&a, &va, &b, &vb, false);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert_eq!(
            merged.value,
            json!({"id": "p", "people": [{"id": "1", "name": "Ewa"}, {"id": "3", "name": "Ola"}]})
        );
        let _ = base;
    }

    #[test]
    fn a_row_the_file_added_lands_after_its_predecessor() {
        let a = json!({"id": "p", "steps": [{"id": "1"}, {"id": "2"}]});
        let b = json!({"id": "p", "steps": [{"id": "1"}, {"id": "9"}, {"id": "2"}]});
        let va = version(&[("c", 1)], &[]);
        let vb = version(&[("c", 1), ("b", 1)], &[("steps/9", "b", 1)]);
        let merged = merge_fields(&a, &va, &b, &vb, false);
        assert_eq!(merged.value, b);
    }

    #[test]
    fn without_any_known_edit_differing_values_are_a_conflict() {
        let a = json!({"id": "p", "name": "X"});
        let b = json!({"id": "p", "name": "Y"});
        let none = Version::default();
        assert_eq!(
            merge_fields(&a, &none, &b, &none, false).conflicts,
            ["name"]
        );
    }

    #[test]
    fn a_cleared_list_comes_back_as_an_empty_list() {
        let a = json!({"id": "p", "tags": []});
        let b = json!({"id": "p", "tags": ["x"]});
        let va = version(&[("c", 1), ("a", 1)], &[("tags", "a", 1)]);
        let vb = version(&[("c", 1)], &[]);
        let merged = merge_fields(&a, &va, &b, &vb, false);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.value, json!({"id": "p", "tags": []}));
    }
}
