//! The portfolio report for management (seed 000: profiles exist to report
//! opportunities to senior management without making them run CRM
//! reports): the accounts a filter selects, with score and tier, spend and
//! profitability, open opportunities and their totals by stage and by
//! quarter, overdue and next action steps, key account plans, and what
//! changed since a chosen date.
//!
//! Money is in the reporting currency; an amount without an exchange rate
//! is left out of every total and counted, so the reader knows.

use super::currency::Basis;
use super::profile::{LogKind, Opportunity, Profile, Status};
use super::profile_list::distinct;
use super::scoring::{Ranked, Tier};
use super::sorting::{sort_by_key_with, sort_with};
use super::{Date, ProfileId, Workspace};
use crate::t;
use rust_decimal::Decimal;

/// Words a stage starts with when the opportunity is decided, in English
/// and Polish: such an opportunity is not in the pipeline. These match the
/// team's own words (data), whatever the interface's language.
pub const CLOSED_STAGES: [&str; 6] = ["won", "lost", "closed", "wygran", "przegran", "zamkn"];

/// The rule for open opportunities, stated beside the report's pipeline,
/// in the interface's language.
pub fn open_rule() -> &'static str {
    t!(icp_portfolio_open_rule)
}

/// Whether `opportunity` is still to be decided: its stage does not start
/// with one of [`CLOSED_STAGES`] (case ignored).
pub fn is_open(opportunity: &Opportunity) -> bool {
    let stage = opportunity.stage.trim().to_lowercase();
    !CLOSED_STAGES.iter().any(|word| stage.starts_with(word))
}

/// Which accounts the report covers, and from when it lists changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioFilter {
    /// Only accounts with this status (`None`: all).
    pub status: Option<Status>,
    /// Only accounts in this tier (`None`: all).
    pub tier: Option<Tier>,
    /// Only accounts in this industry, case ignored (empty: all).
    pub industry: String,
    /// Only accounts with an action step this person owns, and only their
    /// steps, case ignored (empty: everyone's).
    pub owner: String,
    /// Changes dated on or after this day are listed.
    pub since: Date,
}

impl PortfolioFilter {
    /// Every account, with changes over the last 90 days before `today`.
    pub fn new(today: Date) -> Self {
        Self {
            status: None,
            tier: None,
            industry: String::new(),
            owner: String::new(),
            since: today.add_days(-90),
        }
    }

    fn owns(&self, owner: &str) -> bool {
        self.owner.is_empty() || owner.trim().eq_ignore_ascii_case(self.owner.trim())
    }

    /// Whether `profile` passes the filter's parts that need no score.
    fn selects(&self, profile: &Profile) -> bool {
        self.status.is_none_or(|s| profile.status == s)
            && (self.industry.is_empty()
                || profile
                    .industry
                    .trim()
                    .eq_ignore_ascii_case(self.industry.trim()))
            && (self.owner.is_empty() || profile.action_plan.iter().any(|s| self.owns(&s.owner)))
    }
}

/// One account's line in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountLine {
    /// The profile.
    pub profile: ProfileId,
    /// Its company name.
    pub name: String,
    /// Its status.
    pub status: Status,
    /// Its score, if the active model could judge it.
    pub score: Option<Decimal>,
    /// Its tier.
    pub tier: Option<Tier>,
    /// Yearly spend, in the reporting currency.
    pub spend: Option<Decimal>,
    /// Yearly spend minus direct costs, in the reporting currency.
    pub profitability: Option<Decimal>,
    /// The value of its open opportunities, in the reporting currency.
    pub pipeline: Decimal,
}

/// An open opportunity, with its account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityLine {
    /// The account's company name.
    pub account: String,
    /// What is being sold.
    pub title: String,
    /// Its stage, as the team wrote it.
    pub stage: String,
    /// Its value in the reporting currency (`None`: unknown, or no rate).
    pub value: Option<Decimal>,
    /// When it is expected to close.
    pub expected: Option<Date>,
}

/// A group of open opportunities: how many, and their value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    /// The group: a stage, or a quarter ("2027 Q1"), in the interface's
    /// language.
    pub label: String,
    /// How many opportunities.
    pub count: usize,
    /// Their value in the reporting currency.
    pub value: Decimal,
}

/// An action step, with its account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLine {
    /// The account's company name.
    pub account: String,
    /// What is to be done.
    pub description: String,
    /// Who does it.
    pub owner: String,
    /// When it is due.
    pub due: Option<Date>,
}

/// A goal of an account's key account plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalLine {
    /// The account's company name.
    pub account: String,
    /// The goal.
    pub goal: String,
    /// Its target.
    pub target: String,
    /// Its period in words.
    pub period: String,
    /// The opportunities and steps that serve it, by title.
    pub serves: Vec<String>,
}

/// A change to an account on or after the chosen day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeLine {
    /// The account's company name.
    pub account: String,
    /// When.
    pub date: Date,
    /// What kind of change.
    pub kind: &'static str,
    /// What changed.
    pub text: String,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portfolio {
    /// The reporting currency (empty: amounts as entered).
    pub currency: String,
    /// The accounts, best score first.
    pub accounts: Vec<AccountLine>,
    /// Their open opportunities, soonest expected first.
    pub opportunities: Vec<OpportunityLine>,
    /// Open opportunities by stage, largest value first.
    pub by_stage: Vec<Total>,
    /// Open opportunities by the quarter they are expected in, in order;
    /// those without a date last.
    pub by_quarter: Vec<Total>,
    /// How many accounts are in each tier, A to D, then without a score
    /// (in the interface's language).
    pub tiers: Vec<(&'static str, usize)>,
    /// Steps past their due date and not done, oldest first.
    pub overdue: Vec<StepLine>,
    /// Each account's next step not done and not overdue, soonest first.
    pub next_steps: Vec<StepLine>,
    /// The goals of the accounts' key account plans.
    pub goals: Vec<GoalLine>,
    /// What changed since the chosen day, newest first.
    pub changes: Vec<ChangeLine>,
    /// Yearly spend of all accounts.
    pub spend: Decimal,
    /// Profitability of all accounts.
    pub profitability: Decimal,
    /// Value of all open opportunities.
    pub pipeline: Decimal,
    /// Amounts left out of the totals for want of an exchange rate.
    pub not_counted: usize,
}

/// The portfolio report of `workspace` for `filter`, on `basis`.
pub fn portfolio(workspace: &Workspace, filter: &PortfolioFilter, basis: &Basis) -> Portfolio {
    // Best score first, then by name; without a model, by name. Paired
    // with their profiles here, so no account is looked up by id.
    // Only the accounts the rest of the filter keeps are scored, and each
    // name is lowercased once, not at every comparison of the sort.
    let mut accounts: Vec<(&Profile, Option<Ranked>, String)> = workspace
        .profiles
        .iter()
        .filter(|p| filter.selects(p))
        .map(|p| (p, workspace.model().map(|m| Ranked::new(m, p, basis))))
        .filter(|(_, r)| {
            filter
                .tier
                .is_none_or(|t| r.as_ref().and_then(Ranked::tier) == Some(t))
        })
        .map(|(p, r)| (p, r, p.name.to_lowercase()))
        .collect();
    let score = |r: &Option<Ranked>| r.as_ref().and_then(Ranked::score);
    sort_with(&mut accounts, |(_, ra, a), (_, rb, b)| {
        (score(ra).is_none(), std::cmp::Reverse(score(ra)), a).cmp(&(
            score(rb).is_none(),
            std::cmp::Reverse(score(rb)),
            b,
        ))
    });
    let mut report = Portfolio {
        currency: basis.money.reporting().to_owned(),
        accounts: Vec::new(),
        opportunities: Vec::new(),
        by_stage: Vec::new(),
        by_quarter: Vec::new(),
        tiers: Vec::new(),
        overdue: Vec::new(),
        next_steps: Vec::new(),
        goals: Vec::new(),
        changes: Vec::new(),
        spend: Decimal::ZERO,
        profitability: Decimal::ZERO,
        pipeline: Decimal::ZERO,
        not_counted: 0,
    };
    let mut tiers = [0; 5];
    for (profile, ranked, _) in &accounts {
        let tier = ranked.as_ref().and_then(Ranked::tier);
        tiers[tier.map_or(4, |t| t as usize)] += 1;
        report.add(profile, ranked.as_ref(), filter, basis);
    }
    report.tiers = ["A", "B", "C", "D", t!(icp_portfolio_no_score)]
        .into_iter()
        .zip(tiers)
        .collect();
    report.finish();
    report
}

impl Portfolio {
    /// `amount` in `profile`'s currency, in the reporting currency; counted
    /// as left out when it has no rate.
    fn convert(
        &mut self,
        amount: Option<Decimal>,
        profile: &Profile,
        basis: &Basis,
    ) -> Option<Decimal> {
        let converted = basis.money.convert(amount?, &profile.currency);
        self.not_counted += usize::from(converted.is_none());
        converted
    }

    fn add(
        &mut self,
        profile: &Profile,
        ranked: Option<&Ranked>,
        filter: &PortfolioFilter,
        basis: &Basis,
    ) {
        let account = || profile.name.clone();
        let spend = self.convert(profile.yearly_spend().map(|k| k.value()), profile, basis);
        let profitability = self.convert(profile.profitability(), profile, basis);
        let mut pipeline = Decimal::ZERO;
        for o in profile.opportunities.iter().filter(|o| is_open(o)) {
            let value = self.convert(o.value.map(|m| m.amount()), profile, basis);
            pipeline += value.unwrap_or_default();
            self.opportunities.push(OpportunityLine {
                account: account(),
                title: o.title.clone(),
                stage: o.stage.trim().to_owned(),
                value,
                expected: o.expected,
            });
        }
        self.spend += spend.unwrap_or_default();
        self.profitability += profitability.unwrap_or_default();
        self.pipeline += pipeline;
        self.accounts.push(AccountLine {
            profile: profile.id,
            name: account(),
            status: profile.status,
            score: ranked.and_then(Ranked::score),
            tier: ranked.and_then(Ranked::tier),
            spend,
            profitability,
            pipeline,
        });
        let today = basis.today;
        let steps = profile
            .action_plan
            .iter()
            .filter(|s| !s.done && filter.owns(&s.owner));
        let step_line = |s: &super::profile::ActionStep| StepLine {
            account: account(),
            description: s.description.clone(),
            owner: s.owner.clone(),
            due: s.due,
        };
        let mut next: Option<&super::profile::ActionStep> = None;
        for s in steps {
            if s.is_overdue(today) {
                self.overdue.push(step_line(s));
            } else if next.is_none_or(|n| due_order(s.due) < due_order(n.due)) {
                next = Some(s);
            }
        }
        self.next_steps.extend(next.map(step_line));
        for goal in &profile.account_plan {
            let serves = goal
                .linked_opportunities(profile)
                .into_iter()
                .map(|o| o.title.clone())
                .chain(
                    goal.linked_steps(profile)
                        .into_iter()
                        .map(|s| s.description.clone()),
                )
                .collect();
            self.goals.push(GoalLine {
                account: account(),
                goal: goal.goal.clone(),
                target: goal.target.clone(),
                period: goal.period(),
                serves,
            });
        }
        for entry in &profile.log {
            if let Some(date) = entry.date.filter(|d| *d >= filter.since) {
                self.changes.push(ChangeLine {
                    account: account(),
                    date,
                    kind: entry.kind.label(),
                    text: entry.text.clone(),
                });
            }
        }
        if let Some(date) = profile.financial.as_of.filter(|d| *d >= filter.since) {
            let rating = profile.financial.rating.label();
            let note = profile.financial.note.trim();
            self.changes.push(ChangeLine {
                account: account(),
                date,
                kind: LogKind::FinancialUpdate.label(),
                text: if note.is_empty() {
                    t!(icp_portfolio_financial, rating = rating)
                } else {
                    t!(icp_portfolio_financial_note, rating = rating, note = note)
                },
            });
        }
    }

    /// Sorts the lists and adds up the pipeline by stage and quarter.
    fn finish(&mut self) {
        sort_by_key_with(&mut self.opportunities, |o| due_order(o.expected));
        sort_by_key_with(&mut self.overdue, |s| s.due);
        sort_by_key_with(&mut self.next_steps, |s| due_order(s.due));
        sort_by_key_with(&mut self.changes, |c| std::cmp::Reverse(c.date));
        for o in &self.opportunities {
            add_to(&mut self.by_stage, &o.stage, o.value);
        }
        sort_with(&mut self.by_stage, |a, b| b.value.cmp(&a.value));
        // Quarters in order, the undated last: each group is made when its
        // first opportunity comes, so they are made in that order.
        let mut by_quarter: Vec<_> = self
            .opportunities
            .iter()
            .map(|o| {
                (
                    o.expected.map(|d| (d.year(), (d.month() - 1) / 3 + 1)),
                    o.value,
                )
            })
            .collect();
        sort_by_key_with(&mut by_quarter, |(quarter, _)| {
            (quarter.is_none(), *quarter)
        });
        for (quarter, value) in by_quarter {
            add_to(&mut self.by_quarter, &quarter_label(quarter), value);
        }
    }
}

/// A quarter (year and 1 to 4) in words: "2027 Q1" in English, "I kw.
/// 2027" in Polish; the undated group says so.
fn quarter_label(quarter: Option<(i32, u32)>) -> String {
    match quarter {
        None => t!(icp_portfolio_no_expected_date).to_owned(),
        Some((year, 1)) => t!(icp_portfolio_quarter_1, year = year),
        Some((year, 2)) => t!(icp_portfolio_quarter_2, year = year),
        Some((year, 3)) => t!(icp_portfolio_quarter_3, year = year),
        Some((year, _)) => t!(icp_portfolio_quarter_4, year = year),
    }
}

/// Dated first, soonest first; undated last.
fn due_order(due: Option<Date>) -> (bool, Option<Date>) {
    (due.is_none(), due)
}

fn add_to(totals: &mut Vec<Total>, label: &str, value: Option<Decimal>) {
    let label = if label.is_empty() {
        t!(icp_portfolio_no_stage)
    } else {
        label
    };
    let total = match totals
        .iter_mut()
        .position(|t| t.label.eq_ignore_ascii_case(label))
    {
        Some(at) => &mut totals[at],
        None => {
            totals.push(Total {
                label: label.to_owned(),
                count: 0,
                value: Decimal::ZERO,
            });
            totals.last_mut().expect("just pushed")
        }
    };
    total.count += 1;
    total.value += value.unwrap_or_default();
}

/// The step owners named in `workspace`, for the filter, in alphabetical
/// order.
pub fn step_owners(workspace: &Workspace) -> Vec<String> {
    distinct(
        workspace
            .profiles
            .iter()
            .flat_map(|p| &p.action_plan)
            .map(|s| s.owner.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account_plan::AccountGoal;
    use crate::domain::currency::ExchangeRate;
    use crate::domain::profile::{ActionStep, FinancialRating, LogEntry};
    use crate::domain::scoring::Direction;
    use crate::domain::scoring::test_support::{model, rating};
    use crate::domain::{Money, Timestamp};

    /// An exact decimal from its digits, as written.
    macro_rules! dec {
        ($digits:tt) => {
            stringify!($digits).parse::<Decimal>().unwrap()
        };
    }

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn money(amount: Decimal) -> Option<Money> {
        Some(Money::new(amount))
    }

    fn opportunity(title: &str, value: Decimal, stage: &str, expected: &str) -> Opportunity {
        Opportunity {
            title: title.into(),
            value: money(value),
            stage: stage.into(),
            expected: (!expected.is_empty()).then(|| day(expected)),
            ..Opportunity::default()
        }
    }

    fn step(description: &str, owner: &str, due: &str, done: bool) -> ActionStep {
        ActionStep {
            description: description.into(),
            owner: owner.into(),
            due: (!due.is_empty()).then(|| day(due)),
            done,
            ..ActionStep::default()
        }
    }

    /// Reported on 2026-12-07 in PLN, one euro at 4.25 PLN, with a model of
    /// one rating ("Fit", (r - 1) × 25 points):
    /// - Acme, customer, Retail, fit 5 (100, tier A): 120,000 PLN a year,
    ///   direct costs 20,000 + 10,000, so profitability 90,000; an
    ///   opportunity of 50,000 in Proposal expected 2027-02-10, one won
    ///   (left out), one of 30,000 in "proposal" expected 2026-12-20; a step
    ///   of Anna's overdue since 2026-12-01, one of Piotr's due 2026-12-15,
    ///   one of Anna's due 2027-01-05; a goal served by the first
    ///   opportunity; an ownership change on 2026-11-02 and a note from
    ///   2025 (before the chosen day).
    /// - Borealis, customer, Logistics, fit 3 (50, tier B): 1,000 EUR a
    ///   month, so 12,000 EUR = 51,000 PLN a year, no costs; an opportunity
    ///   of 10,000 EUR = 42,500 PLN in Qualification, undated.
    /// - Cobalt, prospect, Retail, not rated: an opportunity of 5,000 USD
    ///   (no rate: not counted) in Qualification expected 2027-03-31; a
    ///   financial rating of weak as of 2026-10-15.
    fn workspace() -> (Workspace, Basis) {
        let at = Timestamp::from_millis(0);
        let mut ws = Workspace::new(at);
        let fit = rating("Fit", 1, Direction::AddsValue);
        let fit_id = fit.id;
        ws.add_model(model(vec![fit]));
        ws.settings.reporting_currency = "PLN".into();
        ws.settings.exchange_rates = vec![ExchangeRate {
            currency: "EUR".into(),
            rate: dec!(4.25),
            date: day("2026-12-01"),
            unknown_fields: Default::default(),
        }];
        let mut add = |name: &str, status, industry: &str, currency: &str, fit: Option<u8>| {
            let id = ws.add_profile(name, at).unwrap();
            let p = ws.profile_mut(id).unwrap();
            p.status = status;
            p.industry = industry.into();
            p.currency = currency.into();
            if let Some(r) = fit {
                p.answers
                    .insert(fit_id, crate::domain::scoring::Answer::Rating(r));
            }
            id
        };
        let acme = add("Acme", Status::Customer, "Retail", "PLN", Some(5));
        let borealis = add("Borealis", Status::Customer, "Logistics", "EUR", Some(3));
        let cobalt = add("Cobalt", Status::Prospect, "Retail", "USD", None);

        let p = ws.profile_mut(acme).unwrap();
        p.yearly_spend = money(dec!(120000));
        p.cost_to_serve = money(dec!(20000));
        p.cost_to_win = money(dec!(10000));
        p.opportunities = vec![
            opportunity("Warehouse network", dec!(50000), "Proposal", "2027-02-10"),
            opportunity("Printers", dec!(9000), "Won", "2026-11-01"),
            opportunity("Wi-Fi", dec!(30000), " proposal", "2026-12-20"),
        ];
        p.action_plan = vec![
            step("Call the CFO", "Anna", "2026-12-01", false),
            step("Send the proposal", "Piotr", "2026-12-15", false),
            step("Plan the rollout", "Anna", "2027-01-05", false),
            step("Site survey", "Anna", "2026-11-20", true),
        ];
        let mut goal = AccountGoal {
            goal: "Only supplier".into(),
            target: "200,000 a year".into(),
            from: Some(day("2027-01-01")),
            until: Some(day("2027-12-31")),
            ..AccountGoal::default()
        };
        goal.opportunities.push(p.opportunities[0].id);
        goal.steps.push(p.action_plan[1].id);
        p.account_plan.push(goal);
        p.log = vec![
            LogEntry {
                date: Some(day("2026-11-02")),
                kind: LogKind::OwnershipChange,
                text: "Bought by Contoso.".into(),
                ..LogEntry::default()
            },
            LogEntry {
                date: Some(day("2025-05-01")),
                text: "Old news.".into(),
                ..LogEntry::default()
            },
        ];

        let p = ws.profile_mut(borealis).unwrap();
        p.monthly_spend = money(dec!(1000));
        p.opportunities = vec![opportunity(
            "Fleet tracking",
            dec!(10000),
            "Qualification",
            "",
        )];

        let p = ws.profile_mut(cobalt).unwrap();
        p.opportunities = vec![opportunity(
            "Pilot",
            dec!(5000),
            "Qualification",
            "2027-03-31",
        )];
        p.financial.rating = FinancialRating::Weak;
        p.financial.as_of = Some(day("2026-10-15"));

        let basis = Basis::of(&ws, day("2026-12-07"));
        (ws, basis)
    }

    fn filter() -> PortfolioFilter {
        PortfolioFilter::new(day("2026-12-07"))
    }

    fn totals(totals: &[Total]) -> Vec<(&str, usize, Decimal)> {
        totals
            .iter()
            .map(|t| (t.label.as_str(), t.count, t.value))
            .collect()
    }

    #[test]
    fn totals_are_in_the_reporting_currency_and_leave_out_what_has_no_rate() {
        let (ws, basis) = workspace();
        let report = portfolio(&ws, &filter(), &basis);
        assert_eq!(report.currency, "PLN");
        let names: Vec<&str> = report.accounts.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Acme", "Borealis", "Cobalt"], "best score first");
        let acme = &report.accounts[0];
        assert_eq!((acme.score, acme.tier), (Some(dec!(100)), Some(Tier::A)));
        assert_eq!(acme.spend, Some(dec!(120000)));
        assert_eq!(acme.profitability, Some(dec!(90000)));
        assert_eq!(
            acme.pipeline,
            dec!(80000),
            "50,000 + 30,000; the won one is not open"
        );
        let borealis = &report.accounts[1];
        assert_eq!(borealis.spend, Some(dec!(51000)), "12 × 1,000 EUR at 4.25");
        assert_eq!(borealis.profitability, None, "no costs known");
        assert_eq!(borealis.pipeline, dec!(42500));
        assert_eq!(report.accounts[2].pipeline, dec!(0), "USD has no rate");
        assert_eq!(report.spend, dec!(171000));
        assert_eq!(report.profitability, dec!(90000));
        assert_eq!(report.pipeline, dec!(122500));
        assert_eq!(report.not_counted, 1, "Cobalt's 5,000 USD");
        assert_eq!(
            report.tiers,
            [("A", 1), ("B", 1), ("C", 0), ("D", 0), ("No score", 1)]
        );
    }

    #[test]
    fn open_opportunities_add_up_by_stage_and_by_quarter() {
        let (ws, basis) = workspace();
        let report = portfolio(&ws, &filter(), &basis);
        let titles: Vec<&str> = report
            .opportunities
            .iter()
            .map(|o| o.title.as_str())
            .collect();
        assert_eq!(
            titles,
            ["Wi-Fi", "Warehouse network", "Pilot", "Fleet tracking"],
            "soonest expected first, undated last; the won one left out"
        );
        assert_eq!(
            totals(&report.by_stage),
            [
                ("Qualification", 2, dec!(42500)),
                ("proposal", 2, dec!(80000)),
            ]
            .into_iter()
            .rev()
            .collect::<Vec<_>>(),
            "stages with the same word but another case are one stage, largest value first"
        );
        assert_eq!(
            totals(&report.by_quarter),
            [
                ("2026 Q4", 1, dec!(30000)),
                ("2027 Q1", 2, dec!(50000)),
                ("No expected date", 1, dec!(42500)),
            ]
        );
    }

    #[test]
    fn the_reports_own_words_follow_the_language_and_quarters_stay_in_order() {
        use crate::i18n::{Language, set_language};
        let (ws, basis) = workspace();
        set_language(Language::Polish);
        let report = portfolio(&ws, &filter(), &basis);
        set_language(Language::English);
        // As text, "I kw. 2027" would come before "IV kw. 2026".
        assert_eq!(
            totals(&report.by_quarter),
            [
                ("IV kw. 2026", 1, dec!(30000)),
                ("I kw. 2027", 2, dec!(50000)),
                ("Bez przewidywanej daty", 1, dec!(42500)),
            ]
        );
        assert_eq!(report.tiers[4], ("Bez wyniku", 1));
        let financial = report
            .changes
            .iter()
            .find(|c| c.account == "Cobalt")
            .unwrap();
        assert!(
            financial.text.starts_with("Kondycja finansowa: "),
            "{}",
            financial.text
        );
    }

    #[test]
    fn stages_that_say_won_lost_or_closed_are_not_open() {
        for (stage, open) in [
            ("Proposal", true),
            ("", true),
            ("Won", false),
            (" closed - lost", false),
            ("Lost to a competitor", false),
            ("Wygrana", false),
            ("przegrana", false),
            ("Zamknięta", false),
            ("Negocjacje", true),
        ] {
            let o = opportunity("x", dec!(1), stage, "");
            assert_eq!(is_open(&o), open, "{stage:?}");
        }
    }

    #[test]
    fn steps_overdue_and_each_accounts_next_one_with_goals_and_changes_since_the_day() {
        let (ws, basis) = workspace();
        let report = portfolio(&ws, &filter(), &basis);
        let steps = |lines: &[StepLine]| -> Vec<String> {
            lines.iter().map(|s| s.description.clone()).collect()
        };
        assert_eq!(steps(&report.overdue), ["Call the CFO"]);
        assert_eq!(
            steps(&report.next_steps),
            ["Send the proposal"],
            "the soonest of two"
        );
        assert_eq!(report.goals.len(), 1);
        assert_eq!(report.goals[0].period, "Jan 1, 2027 to Dec 31, 2027");
        assert_eq!(
            report.goals[0].serves,
            ["Warehouse network", "Send the proposal"]
        );
        let changes: Vec<(String, &str, &str)> = report
            .changes
            .iter()
            .map(|c| (c.date.to_string(), c.kind, c.text.as_str()))
            .collect();
        assert_eq!(
            changes,
            [
                (
                    "2026-11-02".to_owned(),
                    "Ownership change",
                    "Bought by Contoso."
                ),
                (
                    "2026-10-15".to_owned(),
                    "Financial update",
                    "Financial condition: Weak"
                ),
            ],
            "the 90 days before the report, newest first"
        );
    }

    #[test]
    fn the_filter_selects_accounts_and_an_owners_steps() {
        let (ws, basis) = workspace();
        let names = |f: &PortfolioFilter| -> Vec<String> {
            portfolio(&ws, f, &basis)
                .accounts
                .into_iter()
                .map(|a| a.name)
                .collect()
        };
        let mut f = filter();
        f.status = Some(Status::Prospect);
        assert_eq!(names(&f), ["Cobalt"]);
        let mut f = filter();
        f.tier = Some(Tier::B);
        assert_eq!(names(&f), ["Borealis"]);
        let mut f = filter();
        f.industry = " retail".into();
        assert_eq!(names(&f), ["Acme", "Cobalt"]);
        let mut f = filter();
        f.owner = "anna".into();
        assert_eq!(names(&f), ["Acme"]);
        let report = portfolio(&ws, &f, &basis);
        assert_eq!(
            report.next_steps[0].description, "Plan the rollout",
            "Anna's, not Piotr's"
        );
        let mut f = filter();
        f.since = day("2025-01-01");
        assert_eq!(
            portfolio(&ws, &f, &basis).changes.len(),
            3,
            "the 2025 note too"
        );
        assert_eq!(step_owners(&ws), ["Anna", "Piotr"]);
    }

    #[test]
    fn without_a_model_accounts_go_by_name_without_scores() {
        let (mut ws, basis) = workspace();
        ws.models.clear();
        ws.active_model = None;
        let report = portfolio(&ws, &filter(), &basis);
        assert!(report.accounts.iter().all(|a| a.score.is_none()));
        assert_eq!(report.tiers[4], ("No score", 3));
    }
}
