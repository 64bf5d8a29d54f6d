//! The scoring model's editor: criteria with their kind, direction and
//! weight, tier thresholds and hard rules. The histogram and the top of the
//! ranking beside them redraw as anything changes.

use super::export_control::ExportControl;
use super::fields::{CheckboxInput, CheckedInput, ChoiceList, MeaningFields, locked};
use super::keyed_list::snapshot_list;
use super::route::Route;
use super::score_histogram::ScoreHistogram;
use super::scoring_page::{ModelSwitch, NoModelYet, tier_text};
use super::state::{AppStore, now, today, use_app_store};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::app::when::When;
use crate::domain::CriterionId;
use crate::domain::custom_field::FieldKind;
use crate::domain::input::{parse_name, parse_short_text};
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::naming::unused_name;
use crate::domain::open_enum::OpenEnum;
use crate::domain::scoring::{
    self, CategoryField, Criterion, CriterionKind, Direction, HardRule, Measure, ProfileAnswer,
    ScoringModel, Threshold, Tier, default_model, number_text, parse_score, parse_thresholds,
    parse_weight, thresholds_text,
};
use crate::domain::share::Export;
use crate::t;
use crate::tv;
use leptos::prelude::*;

fn edit_model(store: AppStore, change: impl FnOnce(&mut ScoringModel)) {
    store.workspace.update(|w| {
        if let Some(model) = w.model_mut() {
            change(model);
        }
    });
}

fn edit_criterion(store: AppStore, id: CriterionId, change: impl FnOnce(&mut Criterion)) {
    edit_model(store, |m| {
        if let Some(c) = m.criterion_mut(id) {
            change(c);
        }
    });
}

fn read_criterion<U: Default>(
    store: AppStore,
    id: CriterionId,
    read: impl FnOnce(&Criterion) -> U,
) -> U {
    store
        .workspace
        .with(|w| {
            w.model()
                .and_then(|m| m.criteria.iter().find(|c| c.id == id))
                .map(read)
        })
        .unwrap_or_default()
}

/// The model editor screen.
#[component]
pub fn ModelEditor() -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let model_key = Derived::new(move || store.workspace.with(|w| w.active_model));
    // Ranked once per change; the histogram and the top ten both read it.
    let ranked = Derived::new(move || {
        store.workspace.with(|w| {
            w.model()
                .map(|m| scoring::rank(m, &w.profiles, &scoring::Basis::of(w, today())))
                .unwrap_or_default()
        })
    });
    let scores =
        Signal::derive(move || ranked.with(|all| all.iter().filter_map(|r| r.score()).collect()));
    let top = move || {
        ranked.with(|all| {
            all.iter()
                .take(10)
                .map(|r| (r.name.clone(), r.score(), r.tier()))
                .collect::<Vec<_>>()
        })
    };
    let duplicate = move |_| {
        store.workspace.update(|w| {
            if let Some(mut copy) = w.model().map(|m| m.duplicate(now())) {
                copy.name = w.unused_model_name(&copy.name);
                w.add_model(copy);
            }
        })
    };
    let delete = move |_| {
        let sure = window()
            .confirm_with_message(t!(scoring_editor_delete_confirm))
            .unwrap_or(false);
        if sure {
            store.workspace.update(|w| {
                if let Some(id) = w.active_model {
                    w.remove_model(id);
                }
            });
        }
    };
    view! {
        <div class="page-head">
            <h1 tabindex="-1">{tv!(scoring_editor_title)}</h1>
            <p class="actions"><a href=Route::Scoring.href()>{tv!(scoring_ranked_list)}</a><a href=Route::RatingGrid.href()>{tv!(scoring_rate_profiles)}</a></p>
        </div>
        <When when=move || model_key.get().is_some() fallback=|| view! { <NoModelYet/> }>
            <div class="toolbar">
                <ModelSwitch/>
                <button type="button" class="secondary" disabled=locked on:click=move |_| {
                    store.workspace.update(|w| {
                        let mut model = default_model(now());
                        model.name = w.unused_model_name(&model.name);
                        w.add_model(model);
                    });
                }>{tv!(scoring_editor_new_model)}</button>
                <button type="button" class="secondary" disabled=locked on:click=duplicate>{tv!(scoring_editor_duplicate_model)}</button>
                <button type="button" class="secondary" disabled=locked on:click=delete>{tv!(scoring_editor_delete_model)}</button>
                <ExportControl
                    label=t!(scoring_editor_export_model)
                    make=Callback::new(move |()| store.workspace.with_untracked(|w| {
                        w.active_model.and_then(|id| Export::model(w, id))
                    }))
                />
            </div>
            <div class="model-layout">
                <div>
                    // Redrawn when another model becomes active, or the workspace
                    // is replaced from outside, so fields start from the model.
                    {move || {
                        store.replaced.track();
                        model_key
                            .get()
                            .map(|_| view! { <ModelSettings/> <CriteriaList/> }.into_any())
                    }}
                </div>
                <aside aria-labelledby="preview-heading" class="preview">
                    <h2 id="preview-heading">{tv!(scoring_editor_live_result)}</h2>
                    <ScoreHistogram scores />
                    <ol class="attention">
                        {move || top().into_iter().map(|(name, score, tier)| view! {
                            <li>{name}<span class="meta">{format!(" · {}", t!(scoring_editor_top_row, score = score.map_or_else(|| t!(scoring_no_score).to_owned(), number_text), tier = tier_text(tier)))}</span></li>
                        }).collect_view()}
                    </ol>
                </aside>
            </div>
        </When>
    }
}

/// The model's name, tier thresholds and hard rules.
#[component]
fn ModelSettings() -> impl IntoView {
    let store = use_app_store();
    let initial = store
        .workspace
        .with_untracked(|w| w.model().map(|m| (m.name.clone(), m.tiers.clone())))
        .unwrap_or_default();
    let tier_input =
        move |label: &'static str,
              id: &'static str,
              start: String,
              set: fn(&mut scoring::TierThresholds, rust_decimal::Decimal)| {
            let apply = Callback::new(move |text: String| match parse_score(&text) {
                Ok(value) => {
                    let mut error = None;
                    edit_model(store, |m| {
                        let mut tiers = m.tiers.clone();
                        set(&mut tiers, value);
                        if tiers.is_valid() {
                            m.tiers = tiers;
                        } else {
                            error = Some(crate::messages::tiers_out_of_order().to_owned());
                        }
                    });
                    error
                }
                Err(e) => Some(e.to_string()),
            });
            view! { <CheckedInput label id initial=start apply /> }
        };
    let rule = move |label: &'static str, id: &'static str, rule: HardRule| {
        let shown = rule.clone();
        let checked = Signal::derive(move || {
            store
                .workspace
                .with(|w| w.model().is_some_and(|m| m.hard_rules.contains(&shown)))
        });
        // Rules of a newer build are not offered here and stay as they are.
        let set = Callback::new(move |on: bool| {
            edit_model(store, |m| {
                m.hard_rules.retain(|r| *r != rule);
                if on {
                    m.hard_rules.push(rule.clone());
                }
            })
        });
        view! { <CheckboxInput label id checked on_change=set /> }
    };
    view! {
        <section aria-labelledby="settings-heading">
            <h2 id="settings-heading">{tv!(scoring_editor_model)}</h2>
            <CheckedInput label=t!(scoring_editor_model_name) id="model-name" initial=initial.0
                apply=Callback::new(move |text: String| match parse_name(&text, MAX_NAME_CHARS) {
                    Ok(name) => { edit_model(store, |m| m.name = name); None }
                    Err(e) => Some(e.to_string()),
                }) />
            <h3>{tv!(scoring_editor_tiers)}</h3>
            <div class="field-grid">
                {tier_input(t!(scoring_editor_tier_a_from), "tier-a", initial.1.a.to_string(), |t, v| t.a = v)}
                {tier_input(t!(scoring_editor_tier_b_from), "tier-b", initial.1.b.to_string(), |t, v| t.b = v)}
                {tier_input(t!(scoring_editor_tier_c_from), "tier-c", initial.1.c.to_string(), |t, v| t.c = v)}
            </div>
            <p class="hint">{tv!(scoring_editor_tier_d_hint)}</p>
            <h3>{tv!(scoring_editor_hard_rules)}</h3>
            {rule(t!(scoring_editor_rule_unprofitable), "rule-unprofitable", HardRule::UnprofitableAtMost(Tier::C))}
            {rule(t!(scoring_editor_rule_weak), "rule-weak", HardRule::WeakFinancesAtMost(Tier::C))}
        </section>
    }
}

/// Every criterion, editable, plus adding and removing.
#[component]
fn CriteriaList() -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let ids = move || {
        store.workspace.with(|w| {
            w.model()
                .map(|m| m.criteria.iter().map(|c| c.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let new_kind = Held::new("rating".to_owned());
    let add = move |_| {
        let kind = match new_kind.get_untracked().as_str() {
            "yes_no" => CriterionKind::YesNo {
                unknown_fields: Default::default(),
                from_profile: None,
            },
            "number" => CriterionKind::Number {
                unknown_fields: Default::default(),
                measure: Measure::YearlySpend,
                thresholds: vec![Threshold {
                    unknown_fields: Default::default(),
                    at_least: 0.into(),
                    points: 100.into(),
                }],
            },
            "category" => CriterionKind::Category {
                unknown_fields: Default::default(),
                field: CategoryField::Industry,
                values: Vec::new(),
            },
            _ => CriterionKind::Rating {
                unknown_fields: Default::default(),
                meanings: Default::default(),
            },
        };
        edit_model(store, |m| {
            // Named apart from the others, so that their fields' labels
            // ("Weight for New criterion 2") can be told apart.
            let name = unused_name(t!(scoring_editor_new_criterion), |n| {
                m.criteria.iter().any(|c| c.name == n)
            });
            m.criteria.push(Criterion {
                unknown_fields: Default::default(),
                id: CriterionId::new(),
                name,
                description: String::new(),
                kind,
                direction: Direction::AddsValue,
                weight: 5.into(),
            })
        });
    };
    view! {
        <section aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">{tv!(scoring_editor_criteria)}</h2>
            <ul class="rows">
                {snapshot_list(ids, |id| (id.as_uuid(), 0), |id| view! { <CriterionRow id /> }.into_any())}
            </ul>
            <div class="actions">
                <label for="new-criterion-kind">{tv!(scoring_editor_new_kind)}</label>
                <select id="new-criterion-kind" on:change=move |ev| new_kind.set(event_target_value(&ev))>
                    <option value="rating">{tv!(scoring_editor_kind_rating)}</option>
                    <option value="yes_no">{tv!(scoring_editor_kind_yes_no)}</option>
                    <option value="number">{tv!(scoring_editor_kind_number)}</option>
                    <option value="category">{tv!(scoring_editor_kind_category)}</option>
                </select>
                <button type="button" class="secondary" disabled=locked on:click=add>{tv!(scoring_editor_add_criterion)}</button>
            </div>
        </section>
    }
}

/// The numbers a criterion can read: the profile's own, then the number
/// fields the team added.
fn measure_options(store: AppStore) -> Vec<(Measure, String)> {
    with_own_fields(store, &Measure::ALL, Measure::label, Measure::custom, |k| {
        k == FieldKind::Number
    })
}

/// The texts a category criterion can compare: the profile's own, then the
/// text and choice fields the team added.
fn category_options(store: AppStore) -> Vec<(CategoryField, String)> {
    with_own_fields(
        store,
        &CategoryField::ALL,
        CategoryField::label,
        CategoryField::custom,
        |k| matches!(k, FieldKind::Text | FieldKind::Choice),
    )
}

/// `builtin` with their labels, then the team's fields of the kinds
/// `fits` takes, each as `custom` makes it.
fn with_own_fields<T: Copy>(
    store: AppStore,
    builtin: &[T],
    label: fn(T) -> &'static str,
    custom: fn(crate::domain::CustomFieldId) -> T,
    fits: fn(FieldKind) -> bool,
) -> Vec<(T, String)> {
    let mut options: Vec<(T, String)> = builtin.iter().map(|&t| (t, label(t).to_owned())).collect();
    store.workspace.with_untracked(|w| {
        options.extend(
            w.settings
                .custom_fields
                .iter()
                .filter(|f| fits(f.kind))
                .map(|f| (custom(f.id), t!(scoring_editor_your_field, name = f.name))),
        )
    });
    options
}

/// One criterion's fields.
#[component]
fn CriterionRow(
    /// The criterion.
    id: CriterionId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let start = read_criterion(store, id, |c| Some(c.clone())).expect("the row's criterion exists");
    let name = start.name.clone();
    let fid = move |field: &str| format!("criterion-{id}-{field}");
    let direction = move || read_criterion(store, id, |c| c.direction);
    // Labels follow the name as it is typed.
    let current_name = move || read_criterion(store, id, |c| c.name.clone());
    let kind_fields = match &start.kind {
        CriterionKind::Rating { meanings, .. } => view! {
            <p class="meta">{tv!(scoring_editor_rating_meta)}</p>
            <MeaningFields id=format!("criterion-{id}") of=Signal::derive(current_name) meanings=meanings.clone()
                apply=Callback::new(move |(i, text): (usize, String)| match parse_short_text(&text, MAX_NAME_CHARS) {
                    Ok(text) => {
                        edit_criterion(store, id, |c| if let CriterionKind::Rating { meanings, .. } = &mut c.kind { meanings[i] = text });
                        None
                    }
                    Err(e) => Some(e.to_string()),
                }) />
        }
        .into_any(),
        CriterionKind::Number {
            measure,
            thresholds,
            ..
        } => {
            let current = *measure;
            view! {
                <div class="field">
                    <label for=fid("measure")>{tv!(scoring_editor_measure)}</label>
                    <select id=fid("measure") disabled=locked on:change=move |ev| {
                        let chosen = measure_options(store).into_iter().find(|(_, label)| *label == event_target_value(&ev)).map(|(m, _)| m);
                        edit_criterion(store, id, |c| if let (CriterionKind::Number { measure, .. }, Some(m)) = (&mut c.kind, chosen) { *measure = m });
                    }>
                        {measure_options(store).into_iter().map(|(m, label)| { let value = label.clone(); view! { <option value=value prop:selected=m == current>{label}</option> } }).collect_view()}
                        // A newer build's measure (or a removed field) stays chosen, under
                        // its own name, until another is picked (its empty value matches
                        // no measure).
                        {current.unknown_text().filter(|_| !measure_options(store).iter().any(|(m, _)| *m == current))
                            .map(|name| view! { <option value="" prop:selected=true>{name}</option> })}
                    </select>
                </div>
                <CheckedInput label=t!(scoring_editor_thresholds) id=fid("thresholds") multiline=true
                    hint=t!(scoring_editor_thresholds_hint)
                    initial=thresholds_text(thresholds)
                    apply=Callback::new(move |text: String| match parse_thresholds(&text) {
                        Ok(t) => { edit_criterion(store, id, |c| if let CriterionKind::Number { thresholds, .. } = &mut c.kind { *thresholds = t }); None }
                        Err(e) => Some(e.to_string()),
                    }) />
            }
            .into_any()
        }
        CriterionKind::Category { .. } => {
            // Only the field is tracked: the values' input is drawn again
            // when another field is chosen, never while typing.
            let field = Derived::new(move || {
                read_criterion(store, id, |c| match c.kind {
                    CriterionKind::Category { field, .. } => field,
                    _ => CategoryField::default(),
                })
            });
            let set_field = Callback::new(move |chosen: CategoryField| {
                edit_criterion(store, id, |c| {
                    if let CriterionKind::Category { field, .. } = &mut c.kind {
                        *field = chosen;
                    }
                })
            });
            let values_input = move || {
                let initial = untrack(|| {
                    read_criterion(store, id, |c| match &c.kind {
                        CriterionKind::Category { values, .. } => values.join(", "),
                        _ => String::new(),
                    })
                });
                view! {
                    <CheckedInput label=field.get().matching_label() id=fid("values")
                        hint=t!(scoring_editor_values_hint)
                        initial
                        apply=Callback::new(move |text: String| {
                            let list: Vec<String> = text.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned).collect();
                            edit_criterion(store, id, |c| if let CriterionKind::Category { values, .. } = &mut c.kind { *values = list });
                            None
                        }) />
                }
            };
            // The profile's fields and the team's own; a field of a newer
            // build (or a removed one) stays listed, as written, while chosen.
            let mut fields = category_options(store);
            let start_field = field.get_untracked();
            if !fields.iter().any(|(f, _)| *f == start_field) {
                fields.push((start_field, start_field.label().to_owned()));
            }
            let options = fields.iter().enumerate().map(|(i, (_, label))| (i.to_string(), label.clone())).collect();
            let choices: Vec<CategoryField> = fields.iter().map(|(f, _)| *f).collect();
            let positions = choices.clone();
            let chosen = Signal::derive(move || {
                let now = field.get();
                positions.iter().position(|f| *f == now)
            });
            let pick = Callback::new(move |i: usize| if let Some(f) = choices.get(i) { set_field.run(*f) });
            view! {
                <ChoiceList label=Signal::stored(t!(scoring_editor_field_compared).to_owned()) id=fid("field") options chosen pick />
                {values_input}
            }
            .into_any()
        }
        CriterionKind::YesNo { from_profile, .. } => {
            let text = match from_profile {
                None => t!(scoring_editor_yes_no_answered),
                Some(ProfileAnswer::Referred) => t!(scoring_editor_yes_no_referred),
                Some(ProfileAnswer::Testimonial) => t!(scoring_editor_yes_no_testimonial),
                Some(ProfileAnswer::ReferredOrTestimonial) => {
                    t!(scoring_editor_yes_no_referred_or_testimonial)
                }
                // A newer build's answer: its name as written.
                Some(ProfileAnswer::Unlisted(name)) => name,
            };
            view! { <p class="meta">{text}</p> }.into_any()
        }
        CriterionKind::Unlisted(written) => {
            let kind = written
                .get("kind")
                .and_then(|k| k.as_str())
                .unwrap_or_default();
            view! { <p class="meta">{crate::messages::unlisted_criterion_kind(kind)}</p> }
                .into_any()
        }
    };
    view! {
        <li class="row criterion">
            <CheckedInput label=t!(scoring_criterion) id=fid("name") initial=name.clone()
                apply=Callback::new(move |text: String| match parse_name(&text, MAX_NAME_CHARS) {
                    Ok(n) => { edit_criterion(store, id, |c| c.name = n); None }
                    Err(e) => Some(e.to_string()),
                }) />
            <CheckedInput label=Signal::derive(move || t!(scoring_editor_weight_for, name = current_name()))
                id=fid("weight") initial=start.weight.to_string()
                apply=Callback::new(move |text: String| match parse_weight(&text) {
                    Ok(w) => { edit_criterion(store, id, |c| c.weight = w); None }
                    Err(e) => Some(e.to_string()),
                }) />
            <div class="field">
                <label for=fid("direction")>{tv!(scoring_editor_direction)}</label>
                <select id=fid("direction") disabled=locked on:change=move |ev| {
                    let d = match event_target_value(&ev).as_str() {
                        "takes" => Direction::TakesAway,
                        "adds" => Direction::AddsValue,
                        _ => start.direction,
                    };
                    edit_criterion(store, id, |c| c.direction = d);
                }>
                    <option value="adds" prop:selected=move || direction() == Direction::AddsValue>{tv!(scoring_editor_adds_value)}</option>
                    <option value="takes" prop:selected=move || direction() == Direction::TakesAway>{tv!(scoring_editor_takes_value_away)}</option>
                    // A newer build's direction, under its own name, until another is picked.
                    {start.direction.unknown_text().map(|name| view! {
                        <option value="unlisted" prop:selected=move || direction() == start.direction>{name}</option>
                    })}
                </select>
            </div>
            <CheckedInput label=t!(scoring_editor_description) id=fid("description") initial=start.description.clone()
                apply=Callback::new(move |text: String| { edit_criterion(store, id, |c| c.description = text); None }) />
            {kind_fields}
            <button type="button" class="secondary remove" disabled=locked aria-label=move || t!(scoring_editor_remove_criterion, name = current_name())
                on:click=move |_| edit_model(store, |m| m.criteria.retain(|c| c.id != id))>{tv!(scoring_editor_remove)}</button>
        </li>
    }
}
