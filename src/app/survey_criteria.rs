//! How round 2 will ask about each criterion of a round-1 survey: the
//! scoring model's criteria keep their kind; the coordinator gives each of
//! their own a kind and a direction, and a rating the meanings of 1, 3 and
//! 5, before round 2 starts.

use super::fields::{MeaningFields, locked, try_edit};
use super::state::use_app_store;
use crate::app::held::Held;
use crate::domain::SurveyId;
use crate::domain::open_enum::from_name;
use crate::domain::scoring::Direction;
use crate::domain::survey::SurveyCriterion;
use crate::domain::survey::asked::{choice_of, kind_choices};
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// The kind and direction of every criterion of round-1 survey `id`.
#[component]
pub fn RoundTwoKinds(
    /// The round-1 survey.
    id: SurveyId,
) -> impl IntoView {
    let store = use_app_store();
    // (criterion, choice, editable), in the survey's order. Drawn once:
    // a choice made changes the survey, not what is drawn (the selects show
    // it), and starting round 2 leaves this page.
    let rows = store.workspace.with_untracked(|w| {
        w.survey(id)
            .map(|s| {
                s.criteria
                    .iter()
                    .map(|c| (c.clone(), choice_of(c), w.kind_is_open(id, c.id)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let own = rows.iter().filter(|(_, _, editable)| *editable).count();
    view! {
        <section aria-labelledby="kinds-heading">
            <h2 id="kinds-heading">{tv!(survey_kinds_heading)}</h2>
            <p class="hint">{if own == 0 {
                t!(survey_kinds_hint_fixed)
            } else {
                t!(survey_kinds_hint_own)
            }}</p>
            <ul class="rows">
                {rows.into_iter().filter(|(_, _, editable)| *editable).map(|(criterion, choice, _)| {
                    view! { <OwnCriterionKind id criterion choice /> }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The kind and direction selects of one of the coordinator's own criteria.
#[component]
fn OwnCriterionKind(
    /// The round-1 survey.
    id: SurveyId,
    /// The criterion, as it was when drawn.
    criterion: SurveyCriterion,
    /// Its kind now, as a choice of [`kind_choices`].
    choice: String,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let cid = criterion.id;
    let kind_id = format!("kind-{cid}");
    let direction_id = format!("direction-{cid}");
    // The selects show what was chosen; these keep it for the other one.
    let kind = Held::new(choice);
    let direction = Held::new(criterion.direction);
    let save = move || {
        store.workspace.update(|w| {
            w.set_criterion_kind(id, cid, &kind.get_untracked(), direction.get_untracked());
        })
    };
    let start_kind = kind.get_untracked();
    let start_direction = direction.get_untracked();
    let name = criterion.name.clone();
    // A rating's meanings, drawn when rating is chosen: as stored then
    // (another kind chosen in between gives back the defaults).
    let meanings = move || {
        let meanings = store.workspace.with_untracked(|w| {
            w.survey(id)
                .and_then(|s| s.criteria.iter().find(|c| c.id == cid))
                .map(|c| c.meanings().map(str::to_owned))
                .unwrap_or_default()
        });
        view! {
            <MeaningFields id=format!("kind-{cid}") of=name.clone() meanings
                apply=Callback::new(move |(point, text): (usize, String)| {
                    try_edit(store, &mut |w| w.set_criterion_meaning(id, cid, point, &text).map(|_| ()))
                }) />
        }
    };
    view! {
        <li class="field-grid">
            <div class="field">
                <label for=kind_id.clone()>{t!(survey_kinds_kind_of, name = criterion.name)}</label>
                <select id=kind_id disabled=locked on:change=move |ev| { kind.set(event_target_value(&ev)); save(); }>
                    {kind_choices().into_iter().map(|(value, label)| {
                        let selected = value == start_kind;
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=direction_id.clone()>{t!(survey_kinds_effect_of, name = criterion.name)}</label>
                <select id=direction_id disabled=locked on:change=move |ev| { direction.set(from_name(&event_target_value(&ev))); save(); }>
                    <option value="adds_value" selected=start_direction == Direction::AddsValue>{tv!(survey_kinds_adds_value)}</option>
                    <option value="takes_away" selected=start_direction == Direction::TakesAway>{tv!(survey_kinds_takes_away)}</option>
                </select>
            </div>
            {move || (kind.get() == "rating").then(meanings.clone())}
        </li>
    }
}
