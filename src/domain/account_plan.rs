//! The key account plan of a profile (seed 000 pairs profiles with key
//! account plans): goals, each with a target and a period, linked to the
//! profile's opportunities and action steps that serve it.
//!
//! Links are ids, joined when read: an opportunity or step removed later
//! simply drops out of the goal, and one put back with Undo returns.

use super::Date;
use super::id::{GoalId, OpportunityId, StepId};
use super::profile::{ActionStep, Opportunity, Profile};
use serde::Serialize;
use serde_json::{Map, Value};

/// One goal of a key account plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AccountGoal {
    /// Stable id.
    pub id: GoalId,
    /// What the team wants with this account ("Become their only IT
    /// supplier").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    /// How success is measured, in the team's words ("200,000 a year in
    /// managed services").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target: String,
    /// The first day of the goal's period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The last day of the goal's period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// The profile's opportunities that serve the goal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opportunities: Vec<OpportunityId>,
    /// The profile's action steps that serve the goal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepId>,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(AccountGoal {
    id: required,
    goal,
    target,
    from,
    until,
    opportunities,
    steps,
    unknown_fields: rest,
});

impl AccountGoal {
    /// Whether the period ends before it starts.
    pub fn ends_before_it_starts(&self) -> bool {
        matches!((self.from, self.until), (Some(from), Some(until)) if until < from)
    }

    /// The period in words, in the interface's language: "Jan 1, 2027 to
    /// Dec 31, 2027", "from Jan 1, 2027", "until Dec 31, 2027", or blank
    /// when neither end is known.
    pub fn period(&self) -> String {
        match (self.from, self.until) {
            (Some(from), Some(until)) => crate::t!(
                profile_goal_period,
                from = from.shown(),
                until = until.shown()
            ),
            (Some(from), None) => crate::t!(profile_goal_period_from, from = from.shown()),
            (None, Some(until)) => crate::t!(profile_goal_period_until, until = until.shown()),
            (None, None) => String::new(),
        }
    }

    /// The opportunities of `profile` this goal links, in the profile's
    /// order.
    pub fn linked_opportunities<'a>(&self, profile: &'a Profile) -> Vec<&'a Opportunity> {
        profile
            .opportunities
            .iter()
            .filter(|o| self.opportunities.contains(&o.id))
            .collect()
    }

    /// The action steps of `profile` this goal links, in the plan's order.
    pub fn linked_steps<'a>(&self, profile: &'a Profile) -> Vec<&'a ActionStep> {
        profile
            .action_plan
            .iter()
            .filter(|s| self.steps.contains(&s.id))
            .collect()
    }
}

/// Adds `id` to `links` when `on`, removes it otherwise; a link is listed
/// once.
pub fn set_link<I: PartialEq>(links: &mut Vec<I>, id: I, on: bool) {
    links.retain(|l| *l != id);
    if on {
        links.push(id);
    }
}

/// The kinds of row a goal links: one type for both, so that the editor's
/// ticks are compiled once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Serving {
    /// The profile's opportunities.
    Opportunities,
    /// The profile's action steps.
    Steps,
}

impl Serving {
    /// Each row of this kind on `profile`: its id, and what names it.
    pub fn rows(self, profile: &Profile) -> Vec<(uuid::Uuid, String)> {
        match self {
            Self::Opportunities => profile
                .opportunities
                .iter()
                .map(|o| (o.id.as_uuid(), o.title.clone()))
                .collect(),
            Self::Steps => profile
                .action_plan
                .iter()
                .map(|s| (s.id.as_uuid(), s.description.clone()))
                .collect(),
        }
    }

    /// Whether `goal` links row `id` of this kind.
    pub fn is_linked(self, goal: &AccountGoal, id: uuid::Uuid) -> bool {
        match self {
            Self::Opportunities => goal.opportunities.iter().any(|o| o.as_uuid() == id),
            Self::Steps => goal.steps.iter().any(|s| s.as_uuid() == id),
        }
    }

    /// Links row `id` of this kind to `goal` when `on`, or unlinks it.
    pub fn link(self, goal: &mut AccountGoal, id: uuid::Uuid, on: bool) {
        match self {
            Self::Opportunities => {
                set_link(&mut goal.opportunities, OpportunityId::from_uuid(id), on)
            }
            Self::Steps => set_link(&mut goal.steps, StepId::from_uuid(id), on),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;

    fn date(text: &str) -> Option<Date> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn a_period_reads_from_either_end_and_a_backwards_one_is_caught() {
        let mut goal = AccountGoal {
            from: date("2027-01-01"),
            until: date("2027-12-31"),
            ..AccountGoal::default()
        };
        assert_eq!(goal.period(), "Jan 1, 2027 to Dec 31, 2027");
        crate::i18n::set_language(crate::i18n::Language::Polish);
        assert_eq!(goal.period(), "od 01.01.2027 do 31.12.2027");
        crate::i18n::set_language(crate::i18n::Language::English);
        assert!(!goal.ends_before_it_starts());
        goal.until = date("2026-12-31");
        assert!(goal.ends_before_it_starts());
        goal.from = None;
        assert_eq!(goal.period(), "until Dec 31, 2026");
        assert!(!goal.ends_before_it_starts());
        goal.until = None;
        assert_eq!(goal.period(), "");
    }

    #[test]
    fn links_are_joined_in_the_profiles_order_and_a_removed_row_drops_out() {
        let mut p = Profile::new("Acme".into(), Timestamp::from_millis(0));
        p.opportunities = ["Wi-Fi", "Laptops", "Backup"]
            .map(|title| Opportunity {
                title: title.into(),
                ..Opportunity::default()
            })
            .into();
        p.action_plan.push(ActionStep::default());
        let mut goal = AccountGoal::default();
        set_link(&mut goal.opportunities, p.opportunities[2].id, true);
        set_link(&mut goal.opportunities, p.opportunities[0].id, true);
        set_link(&mut goal.opportunities, p.opportunities[0].id, true);
        set_link(&mut goal.steps, p.action_plan[0].id, true);
        let titles = |goal: &AccountGoal, p: &Profile| -> Vec<String> {
            goal.linked_opportunities(p)
                .iter()
                .map(|o| o.title.clone())
                .collect()
        };
        assert_eq!(titles(&goal, &p), ["Wi-Fi", "Backup"]);
        assert_eq!(goal.opportunities.len(), 2, "listed once");
        assert_eq!(goal.linked_steps(&p).len(), 1);

        p.opportunities.remove(0);
        assert_eq!(titles(&goal, &p), ["Backup"]);
        set_link(&mut goal.opportunities, p.opportunities[1].id, false);
        assert!(titles(&goal, &p).is_empty());
    }

    #[test]
    fn a_goal_links_and_unlinks_rows_of_each_kind_by_id() {
        let mut p = Profile::new("Acme".into(), Timestamp::from_millis(0));
        p.opportunities.push(Opportunity {
            title: "Wi-Fi".into(),
            ..Opportunity::default()
        });
        p.action_plan.push(ActionStep {
            description: "Site survey".into(),
            ..ActionStep::default()
        });
        let mut goal = AccountGoal::default();
        for kind in [Serving::Opportunities, Serving::Steps] {
            let rows = kind.rows(&p);
            assert_eq!(rows.len(), 1);
            let (id, _) = rows[0].clone();
            assert!(!kind.is_linked(&goal, id));
            kind.link(&mut goal, id, true);
            assert!(kind.is_linked(&goal, id));
        }
        assert_eq!(Serving::Opportunities.rows(&p)[0].1, "Wi-Fi");
        assert_eq!(goal.opportunities, [p.opportunities[0].id]);
        assert_eq!(goal.steps, [p.action_plan[0].id]);
        Serving::Steps.link(&mut goal, p.action_plan[0].id.as_uuid(), false);
        assert!(goal.steps.is_empty());
    }
}
