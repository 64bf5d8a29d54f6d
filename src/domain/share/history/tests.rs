use super::*;

fn at() -> Timestamp {
    "2026-12-01T09:00:00Z".parse().unwrap()
}

fn clock(entries: &[(&str, u64)]) -> Clock {
    Clock(entries.iter().map(|(r, n)| ((*r).to_owned(), *n)).collect())
}

#[test]
fn clocks_tell_older_newer_and_concurrent_versions_apart() {
    let base = clock(&[("c", 1)]);
    let a = clock(&[("c", 1), ("a", 1)]);
    let b = clock(&[("c", 1), ("b", 2)]);
    assert_eq!(base.compare(&a), Order::Before);
    assert_eq!(a.compare(&base), Order::After);
    assert_eq!(a.compare(&b), Order::Concurrent);
    assert_eq!(a.compare(&a.clone()), Order::Equal);
    let mut joined = a.clone();
    joined.join(&b);
    assert_eq!(joined, clock(&[("a", 1), ("b", 2), ("c", 1)]));
    assert!(a.within(&joined) && b.within(&joined));
}

#[test]
fn a_dot_is_written_replica_colon_count_and_refuses_anything_else() {
    let dot = Dot {
        replica: "~9c3e".into(),
        n: 12,
    };
    let text = serde_json::to_string(&dot).unwrap();
    assert_eq!(text, "\"~9c3e:12\"");
    assert_eq!(serde_json::from_str::<Dot>(&text).unwrap(), dot);
    for bad in ["\"x\"", "\":3\"", "\"a:b\"", "3"] {
        assert!(serde_json::from_str::<Dot>(bad).is_err(), "{bad}");
    }
}

#[test]
fn settling_counts_new_records_edits_by_field_and_deletions() {
    let before = Workspace::new(at());
    let me = before.replica();
    let mut now = before.clone();
    let id = now.add_profile("Acme", at()).unwrap();
    settle(&mut now, &before, at());
    let uuid = id.as_uuid();
    assert_eq!(now.versions[&uuid].clock, Clock::of(&me, 1));

    // An edit of one field: one more edit, its dot on that field only.
    let before = now.clone();
    now.profile_mut(id).unwrap().industry = "IT services".into();
    settle(&mut now, &before, at());
    let version = &now.versions[&uuid];
    assert_eq!(version.clock.get(&me), 2);
    assert_eq!(version.fields.keys().collect::<Vec<_>>(), ["industry"]);

    // Nothing changed: nothing counted.
    let before = now.clone();
    settle(&mut now, &before, at());
    assert_eq!(now.versions[&uuid].clock.get(&me), 2);

    // Deleted: a tombstone newer than the version deleted.
    let before = now.clone();
    let (place, profile) = now
        .remove_profile(id, crate::domain::Date::new(2026, 12, 1).unwrap())
        .unwrap();
    settle(&mut now, &before, at());
    // The version deleted stays known for an undo.
    assert_eq!(now.versions[&uuid].clock.get(&me), 2);
    let tombstone = &now.deleted[&uuid];
    assert_eq!(tombstone.kind, "profile");
    assert_eq!(tombstone.title, "Acme");
    assert_eq!(tombstone.clock.get(&me), 3);
    assert_eq!(
        tombstone.dot,
        Dot {
            replica: me.clone(),
            n: 3
        }
    );

    // Undo of the delete: back, with a version newer than the deletion.
    let tombstone_then = now.deleted[&uuid].clone();
    let before = now.clone();
    now.restore_profile(place, profile);
    settle(&mut now, &before, at());
    assert!(now.deleted.is_empty());
    assert_eq!(now.versions[&uuid].clock.get(&me), 4);
    assert!(now.versions[&uuid].saw_deletion(&tombstone_then));
}

#[test]
fn a_change_that_came_with_its_own_version_is_not_counted_as_an_edit_here() {
    let mut before = Workspace::new(at());
    let id = before.add_profile("Acme", at()).unwrap();
    let uuid = id.as_uuid();
    before.versions.insert(
        uuid,
        Version {
            clock: Clock::of("colleague", 1),
            ..Version::default()
        },
    );
    let mut now = before.clone();
    now.profile_mut(id).unwrap().industry = "Retail".into();
    let theirs = Version {
        clock: Clock::of("colleague", 2),
        ..Version::default()
    };
    now.versions.insert(uuid, theirs.clone());
    settle(&mut now, &before, at());
    assert_eq!(now.versions[&uuid], theirs);
}

#[test]
fn a_row_removed_from_a_list_gets_a_dot_of_its_own() {
    use crate::domain::profile::Person;
    let mut before = Workspace::new(at());
    let id = before.add_profile("Acme", at()).unwrap();
    before.profile_mut(id).unwrap().people.push(Person {
        name: "Ewa".into(),
        ..Person::default()
    });
    let person = before.profiles[0].people[0].id;
    settle(&mut before, &Workspace::new(at()), at());
    let mut now = before.clone();
    now.profile_mut(id).unwrap().people.clear();
    settle(&mut now, &before, at());
    let slot = format!("people/{person}");
    assert!(
        now.versions[&id.as_uuid()].fields.contains_key(&slot),
        "{:?}",
        now.versions
    );
}
