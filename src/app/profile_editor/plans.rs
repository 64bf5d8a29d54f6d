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
use leptos::prelude::*;

/// Current and future opportunities.
#[component]
pub fn OpportunitiesSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <RowList profile title="Opportunities" noun="opportunity"
            empty="No opportunity recorded."
            row=row_fields(move |row: RowAccess<Opportunity>| view! {
                <TextInput label="Opportunity" id=row.field_id("title")
                    value=row.get(|o| o.title.clone()) on_change=row.set(|o, v| o.title = v) />
                <CheckedInput label="Estimated value" id=row.field_id("value")
                    initial=parse::money_text(row.initial(|o| o.value))
                    apply=row.apply(parse::money, |o, v| o.value = v) />
                <TextInput label="Stage" id=row.field_id("stage")
                    value=row.get(|o| o.stage.clone()) on_change=row.set(|o, v| o.stage = v) />
                <CheckedInput label="Expected" id=row.field_id("expected") kind="date"
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
        <RowList profile title="Competitors" noun="competitor"
            empty="No competitor known here."
            row=row_fields(move |row: RowAccess<Competitor>| view! {
                <TextInput label="Competitor" id=row.field_id("name")
                    value=row.get(|c| c.name.clone()) on_change=row.set(|c, v| c.name = v) />
                <TextInput label="What they sell there" id=row.field_id("sells")
                    value=row.get(|c| c.sells.clone()) on_change=row.set(|c, v| c.sells = v) />
                <TextInput label="Competitor notes" id=row.field_id("notes")
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
        <RowList profile title="Action plan" noun="step"
            empty="No step yet. Write down the next steps so nobody wonders who does what."
            row=row_fields(move |row: RowAccess<ActionStep>| {
                let overdue = row.get(|s| s.is_overdue(today()));
                view! {
                    <TextInput label="Step" id=row.field_id("description")
                        value=row.get(|s| s.description.clone()) on_change=row.set(|s, v| s.description = v) />
                    <TextInput label="Owner" id=row.field_id("owner")
                        value=row.get(|s| s.owner.clone()) on_change=row.set(|s, v| s.owner = v) />
                    <CheckedInput label="Due date" id=row.field_id("due") kind="date"
                        initial=parse::date_text(row.initial(|s| s.due))
                        apply=row.apply(parse::date, |s, v| s.due = v) />
                    <CheckboxInput label="Done" id=row.field_id("done")
                        checked=row.get(|s| s.done) on_change=row.set(|s, v| s.done = v) />
                    <When when=move || overdue.get()>
                        <p class="badge overdue">"Overdue"</p>
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
        <RowList profile title="Key account plan" noun="goal"
            empty="No goal yet. Say what you want with this account, how you will know, and by when."
            row=row_fields(move |row: RowAccess<AccountGoal>| {
                let backwards = row.get(AccountGoal::ends_before_it_starts);
                view! {
                    <TextInput label="Goal" id=row.field_id("goal")
                        value=row.get(|g| g.goal.clone()) on_change=row.set(|g, v| g.goal = v) />
                    <TextInput label="Target" id=row.field_id("target")
                        value=row.get(|g| g.target.clone()) on_change=row.set(|g, v| g.target = v) />
                    <CheckedInput label="Period from" id=row.field_id("from") kind="date"
                        initial=parse::date_text(row.initial(|g| g.from))
                        apply=row.apply(parse::date, |g, v| g.from = v) />
                    <CheckedInput label="Period until" id=row.field_id("until") kind="date"
                        initial=parse::date_text(row.initial(|g| g.until))
                        apply=row.apply(parse::date, |g, v| g.until = v) />
                    <When when=move || backwards.get()>
                        <p class="badge overdue" role="status">"The period ends before it starts."</p>
                    </When>
                    {links(row, Serving::Opportunities, "Opportunities it serves", "No opportunity on this profile yet.")}
                    {links(row, Serving::Steps, "Action steps it serves", "No action step on this profile yet.")}
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
                        let name = if name.trim().is_empty() { format!("Untitled {}", n + 1) } else { name };
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
        <RowList profile title="Update log" noun="log entry"
            empty="No change logged. Record ownership, key staff, new projects and financial news as they happen."
            row=row_fields(move |row: RowAccess<LogEntry>| view! {
                <CheckedInput label="Date" id=row.field_id("date") kind="date"
                    initial=parse::date_text(row.initial(|e| e.date))
                    apply=row.apply(parse::date, |e, v| e.date = v) />
                <ChoiceInput label="Kind of change" id=row.field_id("kind")
                    value=row.get(|e| e.kind) on_change=row.set(|e, v| e.kind = v) />
                <TextInput label="What changed" id=row.field_id("text") multiline=true
                    value=row.get(|e| e.text.clone()) on_change=row.set(|e, v| e.text = v) />
            }) />
    }
}
