//! The control for a person's answer to one scoring criterion on one
//! profile: a 1-5 rating with the meanings of 1, 3 and 5, or yes / no.

use super::fields::locked;
use super::profile_watch::ProfileWatch;
use super::state::{AppStore, use_app_store};
use crate::app::derived::Derived;
use crate::domain::scoring::{Answer, Criterion, CriterionKind};
use crate::t;
use leptos::prelude::*;

/// The active model's criteria a person answers on each profile (`None`
/// without a model), as a memo: a change to a profile, not to the model,
/// draws none of the ratings again.
pub fn hand_judged_criteria(store: AppStore) -> Derived<Option<Vec<Criterion>>> {
    Derived::new(move || {
        store.workspace.with(|w| {
            w.model().map(|m| {
                m.criteria
                    .iter()
                    .filter(|c| is_answered_by_hand(c))
                    .cloned()
                    .collect()
            })
        })
    })
}

/// Whether a criterion is answered by a person on each profile.
pub fn is_answered_by_hand(criterion: &Criterion) -> bool {
    matches!(
        criterion.kind,
        CriterionKind::Rating { .. }
            | CriterionKind::YesNo {
                from_profile: None,
                ..
            }
    )
}

/// The options of a criterion: `(value, text)`, the first meaning "no answer".
fn options(criterion: &Criterion) -> Vec<(String, String)> {
    let mut all = vec![(String::new(), t!(profile_rating_no_answer).to_owned())];
    match &criterion.kind {
        CriterionKind::Rating { meanings, .. } => {
            for r in 1..=5u8 {
                let meaning = match r {
                    1 => &meanings[0],
                    3 => &meanings[1],
                    5 => &meanings[2],
                    _ => "",
                };
                let text = if meaning.is_empty() {
                    r.to_string()
                } else {
                    format!("{r} – {meaning}")
                };
                all.push((format!("r{r}"), text));
            }
        }
        _ => {
            all.push(("yes".to_owned(), t!(profile_rating_yes).to_owned()));
            all.push(("no".to_owned(), t!(profile_rating_no).to_owned()));
        }
    }
    all
}

fn answer_key(answer: Option<Answer>) -> String {
    match answer {
        // An answer a newer build wrote shows as none; it is kept until
        // the user chooses another.
        None | Some(Answer::Unlisted(_)) => String::new(),
        Some(Answer::Rating(r)) => format!("r{r}"),
        Some(Answer::YesNo(true)) => "yes".to_owned(),
        Some(Answer::YesNo(false)) => "no".to_owned(),
    }
}

fn parse_key(key: &str) -> Option<Answer> {
    match key {
        "yes" => Some(Answer::YesNo(true)),
        "no" => Some(Answer::YesNo(false)),
        _ => key
            .strip_prefix('r')?
            .parse()
            .ok()
            .filter(|r| (1..=5).contains(r))
            .map(Answer::Rating),
    }
}

/// A labelled select for `criterion` on `profile`; `label` names both when
/// many are shown together (the rating grid).
#[component]
pub fn RatingInput(
    /// The profile rated.
    profile: ProfileWatch,
    /// The criterion.
    criterion: Criterion,
    /// The accessible label.
    #[prop(into)]
    label: String,
    /// Show the label on screen (the compact panel) or only to assistive
    /// technology (the grid, whose headings say the same).
    #[prop(optional)]
    visible_label: bool,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let id = criterion.id;
    let element_id = format!("rate-{}-{id}", profile.id());
    // Through the watch: the options follow this profile, not the others.
    let current = move || answer_key(profile.read(|p| p.answers.get(&id).copied()).flatten());
    let on_change = move |ev| {
        let answer = parse_key(&event_target_value(&ev));
        store.workspace.update(|w| {
            if let Some(p) = w.profile_mut(profile.id()) {
                match answer {
                    Some(a) => {
                        p.answers.insert(id, a);
                    }
                    None => {
                        p.answers.remove(&id);
                    }
                }
            }
        });
    };
    view! {
        <label for=element_id.clone() class:visually-hidden=!visible_label>{label}</label>
        <select id=element_id class="rating" disabled=locked on:change=on_change>
            {options(&criterion)
                .into_iter()
                .map(|(value, text)| {
                    let selected = {
                        let value = value.clone();
                        move || current() == value
                    };
                    view! { <option value=value prop:selected=selected>{text}</option> }
                })
                .collect_view()}
        </select>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_back_from_their_keys() {
        for answer in [
            None,
            Some(Answer::Rating(1)),
            Some(Answer::Rating(5)),
            Some(Answer::YesNo(true)),
            Some(Answer::YesNo(false)),
        ] {
            assert_eq!(parse_key(&answer_key(answer)), answer);
        }
        assert_eq!(parse_key("r6"), None);
    }
}
