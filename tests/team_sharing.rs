//! A team of 3 to 5 people sharing by file, against a reference model
//! (1,024 generated stories): people edit fields, add contacts, delete
//! profiles, and send whole-workspace files (with or without personal
//! data, one at a time or several at once) to each other, through the real
//! export and import path with the preview's default choices.
//!
//! The reference model knows only who has seen which edit: every edit and
//! every deletion is a unique token, and a file carries everything its
//! sender had seen. After every import it checks that
//! - a value here is replaced only by someone who had seen it (no edit is
//!   lost), and a value in the file is left out only when this side had
//!   seen it already or the preview showed the record as a conflict;
//! - a profile disappears only when the preview listed it as deleted in a
//!   file whose sender had seen everything in it, and a deleted profile
//!   comes back only from someone who had seen the deletion;
//! - no contact ever disappears;
//! - importing the same file again changes nothing.
#![cfg(not(target_arch = "wasm32"))]

use clientele::domain::profile::Person;
use clientele::domain::share::merge::{
    Change, Incoming, MergeChoices, MergePreview, apply, preview,
};
use clientele::domain::share::{Export, settle};
use clientele::domain::{Date, ProfileId, Timestamp, Workspace};
use clientele::format::{decode_file, encode_export};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn now() -> Timestamp {
    "2026-12-01T09:00:00Z".parse().unwrap()
}

const PROFILES: usize = 3;

/// What one person does.
#[derive(Debug, Clone)]
enum Step {
    /// Writes a new value into the industry (0) or region (1) of a profile.
    Edit {
        who: usize,
        profile: usize,
        field: usize,
    },
    /// Adds a contact to a profile.
    AddContact { who: usize, profile: usize },
    /// Deletes a profile.
    Delete { who: usize, profile: usize },
    /// Sends a whole-workspace file.
    Send {
        from: usize,
        to: usize,
        personal_data: bool,
    },
    /// Two people's files are imported together.
    SendTwo {
        first: usize,
        second: usize,
        to: usize,
    },
}

fn step(people: usize) -> impl Strategy<Value = Step> {
    let who = 0..people;
    prop_oneof![
        4 => (who.clone(), 0..PROFILES, 0..2usize)
            .prop_map(|(who, profile, field)| Step::Edit { who, profile, field }),
        1 => (who.clone(), 0..PROFILES).prop_map(|(who, profile)| Step::AddContact { who, profile }),
        1 => (who.clone(), 0..PROFILES).prop_map(|(who, profile)| Step::Delete { who, profile }),
        4 => (who.clone(), who.clone(), any::<bool>())
            .prop_map(|(from, to, personal_data)| Step::Send { from, to, personal_data }),
        1 => (who.clone(), who.clone(), who)
            .prop_map(|(first, second, to)| Step::SendTwo { first, second, to }),
    ]
}

fn story() -> impl Strategy<Value = (usize, Vec<Step>)> {
    (3..=5usize).prop_flat_map(|people| (Just(people), prop::collection::vec(step(people), 1..30)))
}

/// One person: their workspace and what they have seen.
struct Member {
    ws: Workspace,
    seen: BTreeSet<String>,
}

/// A change made as in the app: the change, then the versions brought up
/// to date.
fn edit(ws: &mut Workspace, change: impl FnOnce(&mut Workspace)) {
    let before = ws.clone();
    change(ws);
    settle(ws, &before, now());
}

/// A file of `ws` as written and read back.
fn file_of(ws: &Workspace, personal_data: bool) -> Incoming {
    let export = Export::workspace(ws);
    let export = if personal_data {
        export
    } else {
        export.without_personal_data()
    };
    decode_file(&encode_export(&export, now()))
        .unwrap()
        .incoming
}

/// Field tokens of a profile: industry, region.
fn fields(ws: &Workspace, id: ProfileId) -> Option<[String; 2]> {
    ws.profile(id)
        .map(|p| [p.industry.clone(), p.region.clone()])
}

fn contacts(ws: &Workspace, id: ProfileId) -> BTreeSet<String> {
    ws.profile(id)
        .map(|p| p.people.iter().map(|c| c.name.clone()).collect())
        .unwrap_or_default()
}

fn shown(preview: &MergePreview, part: usize, id: ProfileId, change: Change) -> bool {
    preview
        .records
        .iter()
        .any(|r| r.part == part && r.id == id.as_uuid() && r.change == change)
}

/// Imports `files` (with what each sender had seen) at `to`, checking the
/// model's rules.
fn receive(
    to: &mut Member,
    files: &[(Incoming, BTreeSet<String>)],
    ids: &[ProfileId],
    deleted_by: &mut BTreeMap<(usize, ProfileId), String>,
    who: usize,
    senders: &[usize],
) -> Result<(), TestCaseError> {
    let parts: Vec<Incoming> = files.iter().map(|(f, _)| f.clone()).collect();
    let choices = MergeChoices::default();
    let shown_preview = preview(&to.ws, &parts, &choices);
    let after = apply(&to.ws, &parts, &choices);
    let all_seen: BTreeSet<String> = files.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
    for &id in ids {
        let (was, is) = (fields(&to.ws, id), fields(&after, id));
        // A deletion listed in one file and a restore in a later one: what
        // the deletion removed went with a choice shown.
        let listed_deleted =
            (0..parts.len()).any(|p| shown(&shown_preview, p, id, Change::Deleted));
        match (&was, &is) {
            (Some(_), Some(_)) if listed_deleted => {}
            (Some(was), Some(is)) => {
                for (old, new) in was.iter().zip(is) {
                    prop_assert!(
                        old == new || old.is_empty() || all_seen.contains(old),
                        "{old:?} replaced by {new:?} from someone who never saw it"
                    );
                }
                let (had, has) = (contacts(&to.ws, id), contacts(&after, id));
                prop_assert!(
                    had.is_subset(&has),
                    "a contact disappeared: {had:?} → {has:?}"
                );
            }
            (Some(was), None) => {
                let listed =
                    (0..parts.len()).any(|p| shown(&shown_preview, p, id, Change::Deleted));
                prop_assert!(listed, "deleted without being listed");
                for token in was.iter().chain(contacts(&to.ws, id).iter()) {
                    prop_assert!(
                        token.is_empty() || all_seen.contains(token),
                        "deleted by someone who never saw {token:?}"
                    );
                }
            }
            (None, Some(_)) => {
                if let Some(deletion) = deleted_by.get(&(who, id)) {
                    prop_assert!(
                        all_seen.contains(deletion),
                        "a deletion undone by someone who never saw it"
                    );
                }
            }
            (None, None) => {}
        }
        // What the files hold is here, or was seen here, or was shown.
        for (part, (file, sender_seen)) in files.iter().enumerate() {
            let Some(theirs) = file.records.profiles.iter().find(|p| p.id == id) else {
                continue;
            };
            let conflict = shown(&shown_preview, part, id, Change::Conflict)
                || shown(&shown_preview, part, id, Change::StaysDeleted);
            let others: BTreeSet<&String> = files
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != part)
                .flat_map(|(_, (_, s))| s.iter())
                .collect();
            let _ = sender_seen;
            if let Some(is) = &is {
                for (token, now_here) in [&theirs.industry, &theirs.region].into_iter().zip(is) {
                    prop_assert!(
                        token == now_here
                            || token.is_empty()
                            || conflict
                            || to.seen.contains(token)
                            || others.contains(token),
                        "{token:?} from the file lost without a choice (now {now_here:?})"
                    );
                }
                if !conflict {
                    for contact in theirs.people.iter().map(|c| &c.name) {
                        prop_assert!(
                            contacts(&after, id).contains(contact) || to.seen.contains(contact),
                            "contact {contact:?} from the file lost"
                        );
                    }
                }
            }
        }
    }
    // The same file again changes nothing. (Two files at once: when the
    // second restores a record the first one's older copy met as deleted,
    // importing them again merges that copy too, shown in the preview; so
    // this is checked for one file at a time.)
    if parts.len() == 1 {
        let again = preview(&after, &parts, &choices);
        prop_assert!(
            again.changes_nothing(),
            "the same file again: {:?}",
            again
                .records
                .iter()
                .filter(|r| !matches!(r.change, Change::Same | Change::Ours | Change::StaysDeleted))
                .collect::<Vec<_>>()
        );
        prop_assert_eq!(&apply(&after, &parts, &choices), &after);
    }
    // The model: whoever imports has now seen what the senders had seen,
    // and a profile gone here was deleted by its sender's deletion.
    for &id in ids {
        if after.profile(id).is_none() && to.ws.profile(id).is_some() {
            let deletion = senders
                .iter()
                .find_map(|s| deleted_by.get(&(*s, id)).cloned());
            if let Some(deletion) = deletion {
                deleted_by.insert((who, id), deletion);
            }
        }
    }
    to.seen.extend(all_seen);
    to.ws = after;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn no_edit_or_deletion_is_lost_between_three_to_five_people((people, steps) in story()) {
        let mut coordinator = Workspace::new(now());
        let mut ids = Vec::new();
        edit(&mut coordinator, |ws| {
            for i in 0..PROFILES {
                ids.push(ws.add_profile(&format!("Company {i}"), now()).unwrap());
            }
        });
        let start = file_of(&coordinator, true);
        let mut team: Vec<Member> = vec![Member { ws: coordinator, seen: BTreeSet::new() }];
        for _ in 1..people {
            let ws = apply(&Workspace::new(now()), std::slice::from_ref(&start), &MergeChoices::default());
            team.push(Member { ws, seen: BTreeSet::new() });
        }
        let mut deleted_by: BTreeMap<(usize, ProfileId), String> = BTreeMap::new();
        for (n, step) in steps.into_iter().enumerate() {
            match step {
                Step::Edit { who, profile, field } => {
                    let id = ids[profile];
                    let token = format!("p{who}-e{n}");
                    let person = &mut team[who];
                    if person.ws.profile(id).is_none() {
                        continue;
                    }
                    edit(&mut person.ws, |ws| {
                        let p = ws.profile_mut(id).unwrap();
                        if field == 0 { p.industry = token.clone() } else { p.region = token.clone() }
                    });
                    person.seen.insert(token);
                }
                Step::AddContact { who, profile } => {
                    let id = ids[profile];
                    let token = format!("p{who}-c{n}");
                    let person = &mut team[who];
                    if person.ws.profile(id).is_none() {
                        continue;
                    }
                    edit(&mut person.ws, |ws| {
                        ws.profile_mut(id).unwrap().people.push(Person {
                            name: token.clone(),
                            email: Some(format!("{token}@example.com")),
                            ..Person::default()
                        })
                    });
                    person.seen.insert(token);
                }
                Step::Delete { who, profile } => {
                    let id = ids[profile];
                    let token = format!("p{who}-d{n}");
                    let person = &mut team[who];
                    if person.ws.profile(id).is_none() {
                        continue;
                    }
                    edit(&mut person.ws, |ws| {
                        ws.remove_profile(id, Date::new(2026, 12, 1).unwrap());
                    });
                    person.seen.insert(token.clone());
                    deleted_by.insert((who, id), token);
                }
                Step::Send { from, to, personal_data } => {
                    if from == to {
                        continue;
                    }
                    let file = (file_of(&team[from].ws, personal_data), team[from].seen.clone());
                    receive(&mut team[to], &[file], &ids, &mut deleted_by, to, &[from])?;
                }
                Step::SendTwo { first, second, to } => {
                    if first == to || second == to || first == second {
                        continue;
                    }
                    let files = [
                        (file_of(&team[first].ws, true), team[first].seen.clone()),
                        (file_of(&team[second].ws, true), team[second].seen.clone()),
                    ];
                    receive(&mut team[to], &files, &ids, &mut deleted_by, to, &[first, second])?;
                }
            }
        }
    }
}
