//! Opportunities, competitors, the action plan, the key account plan and
//! the update log: the rows that record where the account is going.

use super::access::{ProfileAccess, RowAccess};
use super::parse;
use super::row_list::{RowList, row_fields};
use crate::app::derived::Derived;
use crate::app::fields::{CheckboxInput, CheckedInput, ChoiceInput, TextInput};
use crate::app::state::today;
use crate::app::when::When;
use crate::domain::account_plan::{AccountGoal, Serving};
use crate::domain::profile::{ActionStep, Competitor, LogEntry, Opportunity};
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// Current and future opportunities.
#[component]
pub fn OpportunitiesSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <RowList profile title=t!(profile_editor_opportunities) id="opportunity"
            add_label=t!(profile_editor_opportunity_add) unnamed=t!(profile_editor_opportunity_unnamed)
            empty=t!(profile_editor_opportunities_empty)
            row=row_fields(move |row: RowAccess<Opportunity>| view! {
                <TextInput label=t!(profile_editor_opportunity_title) id=row.field_id("title")
                    value=row.get(|o| o.title.clone()) on_change=row.set(|o, v| o.title = v) />
                <CheckedInput label=t!(profile_editor_opportunity_value) id=row.field_id("value")
                    initial=parse::money_text(row.initial(|o| o.value))
                    apply=row.apply(parse::money, |o, v| o.value = v) />
                <TextInput label=t!(profile_editor_opportunity_stage) id=row.field_id("stage")
                    value=row.get(|o| o.stage.clone()) on_change=row.set(|o, v| o.stage = v) />
                <CheckedInput label=t!(profile_editor_opportunity_expected) id=row.field_id("expected") kind="date"
                    initial=parse::date_text(row.initial(|o| o.expected))
                    apply=row.apply(parse::date, |o, v| o.expected = v) />
            }) />
    }
}

/// Competitors active at this customer.
#[component]
pub fn CompetitorsSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <RowList profile title=t!(profile_editor_competitors) id="competitor"
            add_label=t!(profile_editor_competitor_add) unnamed=t!(profile_editor_competitor_unnamed)
            empty=t!(profile_editor_competitors_empty)
            row=row_fields(move |row: RowAccess<Competitor>| view! {
                <TextInput label=t!(profile_editor_competitor_name) id=row.field_id("name")
                    value=row.get(|c| c.name.clone()) on_change=row.set(|c, v| c.name = v) />
                <TextInput label=t!(profile_editor_competitor_sells) id=row.field_id("sells")
                    value=row.get(|c| c.sells.clone()) on_change=row.set(|c, v| c.sells = v) />
                <TextInput label=t!(profile_editor_competitor_notes) id=row.field_id("notes")
                    value=row.get(|c| c.notes.clone()) on_change=row.set(|c, v| c.notes = v) />
            }) />
    }
}

/// The step-by-step action plan; overdue steps are marked.
#[component]
pub fn ActionPlanSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <RowList profile title=t!(profile_editor_action_plan) id="step"
            add_label=t!(profile_editor_step_add) unnamed=t!(profile_editor_step_unnamed)
            empty=t!(profile_editor_action_plan_empty)
            row=row_fields(move |row: RowAccess<ActionStep>| {
                let overdue = row.get(|s| s.is_overdue(today()));
                view! {
                    <TextInput label=t!(profile_editor_step_description) id=row.field_id("description")
                        value=row.get(|s| s.description.clone()) on_change=row.set(|s, v| s.description = v) />
                    <TextInput label=t!(profile_editor_step_owner) id=row.field_id("owner")
                        value=row.get(|s| s.owner.clone()) on_change=row.set(|s, v| s.owner = v) />
                    <CheckedInput label=t!(profile_editor_step_due) id=row.field_id("due") kind="date"
                        initial=parse::date_text(row.initial(|s| s.due))
                        apply=row.apply(parse::date, |s, v| s.due = v) />
                    <CheckboxInput label=t!(profile_editor_step_done) id=row.field_id("done")
                        checked=row.get(|s| s.done) on_change=row.set(|s, v| s.done = v) />
                    <When when=move || overdue.get()>
                        <p class="badge overdue">{tv!(profile_editor_step_overdue)}</p>
                    </When>
                }
            }) />
    }
}

/// The key account plan: goals with a target and a period, each linked to
/// the opportunities and action steps that serve it.
#[component]
pub fn AccountPlanSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <RowList profile title=t!(profile_editor_account_plan) id="goal"
            add_label=t!(profile_editor_goal_add) unnamed=t!(profile_editor_goal_unnamed)
            empty=t!(profile_editor_account_plan_empty)
            row=row_fields(move |row: RowAccess<AccountGoal>| {
                let backwards = row.get(AccountGoal::ends_before_it_starts);
                view! {
                    <TextInput label=t!(profile_editor_goal) id=row.field_id("goal")
                        value=row.get(|g| g.goal.clone()) on_change=row.set(|g, v| g.goal = v) />
                    <TextInput label=t!(profile_editor_goal_target) id=row.field_id("target")
                        value=row.get(|g| g.target.clone()) on_change=row.set(|g, v| g.target = v) />
                    <CheckedInput label=t!(profile_editor_goal_from) id=row.field_id("from") kind="date"
                        initial=parse::date_text(row.initial(|g| g.from))
                        apply=row.apply(parse::date, |g, v| g.from = v) />
                    <CheckedInput label=t!(profile_editor_goal_until) id=row.field_id("until") kind="date"
                        initial=parse::date_text(row.initial(|g| g.until))
                        apply=row.apply(parse::date, |g, v| g.until = v) />
                    <When when=move || backwards.get()>
                        <p class="badge overdue" role="status">{tv!(profile_editor_goal_backwards)}</p>
                    </When>
                    {links(row, Serving::Opportunities, t!(profile_editor_goal_opportunities), t!(profile_editor_goal_no_opportunities))}
                    {links(row, Serving::Steps, t!(profile_editor_goal_steps), t!(profile_editor_goal_no_steps))}
                }
            }) />
    }
}

/// Ticks that link a goal to the profile's rows of one `kind`.
fn links(
    row: RowAccess<AccountGoal>,
    kind: Serving,
    legend: &'static str,
    none: &'static str,
) -> impl IntoView {
    // Passed on only when a row is added, removed or renamed: ticking a
    // box changes the goal, not the rows, and must not draw them again.
    let rows = Derived::new(move || row.with_profile(|p| kind.rows(p)).unwrap_or_default());
    view! {
        <fieldset class="links">
            <legend>{legend}</legend>
            {move || {
                let all = rows.get();
                if all.is_empty() {
                    return view! { <p class="hint">{none}</p> }.into_any();
                }
                all.into_iter()
                    .enumerate()
                    .map(|(n, (id, name))| {
                        let name = if name.trim().is_empty() { t!(profile_editor_goal_untitled, n = n + 1) } else { name };
                        let checked = Signal::derive(move || {
                            row.with(|g| kind.is_linked(g, id)).unwrap_or(false)
                        });
                        let on_change = Callback::new(move |on| row.edit(|g| kind.link(g, id, on)));
                        view! { <CheckboxInput label=name id=row.field_id(&format!("link-{id}")) checked on_change /> }
                    })
                    .collect_view()
                    .into_any()
            }}
        </fieldset>
    }
}

/// The dated log of changes at the company.
#[component]
pub fn UpdateLogSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <RowList profile title=t!(profile_editor_update_log) id="log-entry"
            add_label=t!(profile_editor_log_add) unnamed=t!(profile_editor_log_unnamed)
            empty=t!(profile_editor_update_log_empty)
            row=row_fields(move |row: RowAccess<LogEntry>| view! {
                <CheckedInput label=t!(profile_editor_log_date) id=row.field_id("date") kind="date"
                    initial=parse::date_text(row.initial(|e| e.date))
                    apply=row.apply(parse::date, |e, v| e.date = v) />
                <ChoiceInput label=t!(profile_editor_log_kind) id=row.field_id("kind")
                    value=row.get(|e| e.kind) on_change=row.set(|e, v| e.kind = v) />
                <TextInput label=t!(profile_editor_log_text) id=row.field_id("text") multiline=true
                    value=row.get(|e| e.text.clone()) on_change=row.set(|e, v| e.text = v) />
            }) />
    }
}
