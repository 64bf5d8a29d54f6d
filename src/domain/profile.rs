//! The one-page customer profile and the values computed from it.
//!
//! Only the company name is required; every other field may be unknown
//! (empty text, `None`, or [`YesNoUnknown::Unknown`]). Computed values (the
//! other of monthly and yearly spend, profitability, tenure, overdue steps)
//! are never stored.

use super::account_plan::AccountGoal;
use super::date::{Birthday, Date};
use super::decimal::Money;
use super::id::*;
use super::input::{InputError, Span};
use super::scoring::Answer;
use super::time::Timestamp;
use crate::domain::small_map::SmallMap;
use crate::domain::sorting::sort_by_key_with;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde_json::{Map, Value};

/// Industries suggested by the Ideal Customer Profile chart, in the
/// interface's language; users may type others.
pub fn suggested_industries() -> [&'static str; 11] {
    [
        crate::t!(profile_industry_manufacturing),
        crate::t!(profile_industry_law),
        crate::t!(profile_industry_healthcare),
        crate::t!(profile_industry_banking),
        crate::t!(profile_industry_education),
        crate::t!(profile_industry_financial),
        crate::t!(profile_industry_insurance),
        crate::t!(profile_industry_construction),
        crate::t!(profile_industry_real_estate),
        crate::t!(profile_industry_government),
        crate::t!(profile_industry_retail),
    ]
}

/// Types of business suggested by the chart, in the interface's language;
/// users may type others.
pub fn suggested_business_types() -> [&'static str; 5] {
    [
        crate::t!(profile_business_non_profit),
        crate::t!(profile_business_entrepreneur),
        crate::t!(profile_business_home_based),
        crate::t!(profile_business_online),
        crate::t!(profile_business_franchise),
    ]
}

crate::open_enum! {
    /// Where a company stands with us.
    #[derive(Default)]
    pub enum Status {
        /// Not yet a customer.
        #[default]
        Prospect = "prospect",
        /// Buys from us now.
        Customer = "customer",
        /// Used to buy from us.
        FormerCustomer = "former_customer",
    }
}

impl Status {
    /// Every status, in the order offered.
    pub const ALL: [Status; 3] = [Status::Prospect, Status::Customer, Status::FormerCustomer];

    /// The name shown to people, in the interface's language.
    pub fn shown(self) -> &'static str {
        match self {
            Status::Prospect => crate::t!(profile_status_prospect),
            Status::Customer => crate::t!(profile_status_customer),
            Status::FormerCustomer => crate::t!(profile_status_former_customer),
            Status::Unlisted(text) => text,
        }
    }
}

crate::open_enum! {
    /// An answer that may not be known.
    #[derive(Default)]
    pub enum YesNoUnknown {
        /// Yes.
        Yes = "yes",
        /// No.
        No = "no",
        /// Not known (the seed: "if you're not sure, leave blank").
        #[default]
        Unknown = "unknown",
    }
}

impl YesNoUnknown {
    /// Every answer, in the order offered.
    pub const ALL: [YesNoUnknown; 3] = [YesNoUnknown::Unknown, YesNoUnknown::Yes, YesNoUnknown::No];

    /// The word shown to people, in the interface's language.
    pub fn shown(self) -> &'static str {
        match self {
            YesNoUnknown::Yes => crate::t!(profile_answer_yes),
            YesNoUnknown::No => crate::t!(profile_answer_no),
            YesNoUnknown::Unknown => crate::t!(profile_answer_unknown),
            YesNoUnknown::Unlisted(text) => text,
        }
    }
}

crate::open_enum! {
    /// The part a person plays in buying.
    #[derive(Default)]
    pub enum BuyingRole {
        /// Decides.
        DecisionMaker = "decision_maker",
        /// Sways the decision.
        Influencer = "influencer",
        /// Uses what is bought.
        User = "user",
        /// Controls access.
        Gatekeeper = "gatekeeper",
        /// Argues for us inside.
        Champion = "champion",
        /// Anything else, or not known.
        #[default]
        Other = "other",
    }
}

impl BuyingRole {
    /// Every role, in the order offered.
    pub const ALL: [BuyingRole; 6] = [
        BuyingRole::DecisionMaker,
        BuyingRole::Influencer,
        BuyingRole::User,
        BuyingRole::Gatekeeper,
        BuyingRole::Champion,
        BuyingRole::Other,
    ];

    /// The name shown to people, in the interface's language.
    pub fn label(self) -> &'static str {
        match self {
            BuyingRole::DecisionMaker => crate::t!(profile_role_decision_maker),
            BuyingRole::Influencer => crate::t!(profile_role_influencer),
            BuyingRole::User => crate::t!(profile_role_user),
            BuyingRole::Gatekeeper => crate::t!(profile_role_gatekeeper),
            BuyingRole::Champion => crate::t!(profile_role_champion),
            BuyingRole::Other => crate::t!(profile_role_other),
            BuyingRole::Unlisted(text) => text,
        }
    }
}

crate::open_enum! {
    /// How sound the company's finances are.
    #[derive(Default)]
    pub enum FinancialRating {
        /// Strong.
        Strong = "strong",
        /// Stable.
        Stable = "stable",
        /// Weak.
        Weak = "weak",
        /// Not known.
        #[default]
        Unknown = "unknown",
    }
}

impl FinancialRating {
    /// Every rating, in the order offered.
    pub const ALL: [FinancialRating; 4] = [
        FinancialRating::Unknown,
        FinancialRating::Strong,
        FinancialRating::Stable,
        FinancialRating::Weak,
    ];

    /// The word shown to people, in the interface's language.
    pub fn label(self) -> &'static str {
        match self {
            FinancialRating::Strong => crate::t!(profile_financial_strong),
            FinancialRating::Stable => crate::t!(profile_financial_stable),
            FinancialRating::Weak => crate::t!(profile_financial_weak),
            FinancialRating::Unknown => crate::t!(profile_financial_unknown),
            FinancialRating::Unlisted(text) => text,
        }
    }
}

crate::open_enum! {
    /// What kind of change a log entry records.
    #[derive(Default)]
    pub enum LogKind {
        /// The company changed hands.
        OwnershipChange = "ownership_change",
        /// Key staff or main contacts changed.
        KeyPersonnelChange = "key_personnel_change",
        /// A new project or product line.
        NewProject = "new_project",
        /// New information about finances.
        FinancialUpdate = "financial_update",
        /// Anything else.
        #[default]
        Other = "other",
    }
}

impl LogKind {
    /// Every kind, in the order offered.
    pub const ALL: [LogKind; 5] = [
        LogKind::OwnershipChange,
        LogKind::KeyPersonnelChange,
        LogKind::NewProject,
        LogKind::FinancialUpdate,
        LogKind::Other,
    ];

    /// The name shown to people, in the interface's language.
    pub fn label(self) -> &'static str {
        match self {
            LogKind::OwnershipChange => crate::t!(profile_log_ownership_change),
            LogKind::KeyPersonnelChange => crate::t!(profile_log_key_personnel_change),
            LogKind::NewProject => crate::t!(profile_log_new_project),
            LogKind::FinancialUpdate => crate::t!(profile_log_financial_update),
            LogKind::Other => crate::t!(profile_log_other),
            LogKind::Unlisted(text) => text,
        }
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Address {
    /// Stable id.
    pub id: AddressId,
    /// What the address is (head office, warehouse).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The address as written on an envelope.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Whether this is the headquarters.
    #[serde(default, skip_serializing_if = "is_default")]
    pub headquarters: bool,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Address {
    id: required,
    label,
    text,
    headquarters,
    unknown_fields: rest,
});

/// A key person at the company.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Person {
    /// Stable id.
    pub id: PersonId,
    /// Full name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Job title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Part played in buying.
    #[serde(default, skip_serializing_if = "is_default")]
    pub role: BuyingRole,
    /// A key executive.
    #[serde(default, skip_serializing_if = "is_default")]
    pub key_executive: bool,
    /// Influence on buying decisions, 1 (little) to 5 (decisive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<u8>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number, as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// Birthday, to recognise it as the customer sees fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<Birthday>,
    /// Anything worth knowing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Person {
    id: required,
    name,
    title,
    role,
    key_executive,
    influence,
    email,
    phone,
    birthday,
    notes,
    unknown_fields: rest,
});

/// The company's financial condition, with where the information came from.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Financial {
    /// Overall rating.
    #[serde(default, skip_serializing_if = "is_default")]
    pub rating: FinancialRating,
    /// What is known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the information was current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Where it came from (annual report, registry, news).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Financial {
    rating,
    note,
    as_of,
    source,
    unknown_fields: rest,
});

/// A current or future sales opportunity.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Opportunity {
    /// Stable id.
    pub id: OpportunityId,
    /// What it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Estimated value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
    /// Stage in the team's own words (lead, proposal, negotiation).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub stage: String,
    /// When it is expected to close.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Date>,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Opportunity {
    id: required,
    title,
    value,
    stage,
    expected,
    unknown_fields: rest,
});

/// A competitor active at this customer.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Competitor {
    /// Stable id.
    pub id: CompetitorId,
    /// The competitor's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What they sell there.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sells: String,
    /// Notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Competitor {
    id: required,
    name,
    sells,
    notes,
    unknown_fields: rest,
});

/// One step of the action plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ActionStep {
    /// Stable id.
    pub id: StepId,
    /// What to do.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Who does it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Whether it is done.
    #[serde(default, skip_serializing_if = "is_default")]
    pub done: bool,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(ActionStep {
    id: required,
    description,
    owner,
    due,
    done,
    unknown_fields: rest,
});

impl ActionStep {
    /// Whether the step is past its due date and not done.
    pub fn is_overdue(&self, today: Date) -> bool {
        !self.done && self.due.is_some_and(|due| due < today)
    }
}

/// A dated entry in the update log.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LogEntry {
    /// Stable id.
    pub id: LogEntryId,
    /// When it happened.
    pub date: Option<Date>,
    /// What kind of change.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: LogKind,
    /// What changed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(LogEntry {
    id: required,
    date,
    kind,
    text,
    unknown_fields: rest,
});

/// A value either entered by the user or computed from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// Typed in.
    Entered(Decimal),
    /// Worked out from another field.
    Computed(Decimal),
}

impl Known {
    /// The value, however it is known.
    pub fn value(self) -> Decimal {
        match self {
            Known::Entered(v) | Known::Computed(v) => v,
        }
    }
}

/// One customer or prospect, on one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    /// Stable id.
    pub id: ProfileId,
    /// When the profile was created.
    pub created_at: Timestamp,
    /// Company name: the one required field.
    pub name: String,
    /// Prospect, customer or former customer.
    #[serde(default)]
    pub status: Status,
    /// Web address (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Industry, from the suggested list or the user's own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub industry: String,
    /// Type of business, from the suggested list or the user's own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub business_type: String,
    /// Number of employees, exact or a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<Span<u32>>,
    /// Average annual revenue, exact or a range, in [`Profile::currency`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Span<Money>>,
    /// Currency of every amount on this profile (ISO code such as `EUR`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub currency: String,
    /// Where the company is, in words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// A region or distance band of the team's own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub region: String,
    /// First invoice date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_since: Option<Date>,
    /// Addresses; one may be the headquarters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    /// Headquarters phone.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hq_phone: String,
    /// Headquarters e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hq_email: Option<String>,
    /// Key people and decision makers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Products or services they buy, in broad terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purchases: Vec<String>,
    /// Average spend per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_spend: Option<Money>,
    /// Average spend per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_spend: Option<Money>,
    /// What it costs us a year to serve them (delivery, support, account
    /// management). Before schema 5 this was "direct costs".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_to_serve: Option<Money>,
    /// What it costs us a year to get their sales (seed 003: "how much your
    /// company spends to get those sales"): sales visits, tenders, samples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_to_win: Option<Money>,
    /// Have they referred us?
    #[serde(default, skip_serializing_if = "is_default")]
    pub referred: YesNoUnknown,
    /// How many referrals, if counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral_count: Option<u32>,
    /// Have they given a testimonial?
    #[serde(default, skip_serializing_if = "is_default")]
    pub testimonial: YesNoUnknown,
    /// Notes on loyalty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub loyalty_notes: String,
    /// What the customer needs and wishes for, in the team's words: what
    /// sales should answer in the sales process (seed 002).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub needs: String,
    /// Financial condition.
    #[serde(default, skip_serializing_if = "is_default")]
    pub financial: Financial,
    /// Current and future opportunities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opportunities: Vec<Opportunity>,
    /// Competitors active here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<Competitor>,
    /// The step-by-step action plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_plan: Vec<ActionStep>,
    /// The key account plan: goals with a target and a period, linked to
    /// opportunities and steps above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub account_plan: Vec<AccountGoal>,
    /// Dated log of changes at the company.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<LogEntry>,
    /// How many purchases a year, if counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchases_per_year: Option<u32>,
    /// Answers to scoring criteria judged by a person (ratings, yes / no),
    /// by criterion.
    #[serde(default, skip_serializing_if = "SmallMap::is_empty")]
    pub answers: SmallMap<CriterionId, Answer>,
    /// Values of the fields the team added (see
    /// [`super::custom_field`]), by field, as their one written form.
    #[serde(default, skip_serializing_if = "SmallMap::is_empty")]
    pub custom: SmallMap<CustomFieldId, String>,
    /// When someone last checked the whole profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<Date>,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
    /// Which content this is, so that storage can tell the profiles that
    /// changed without reading them (see [`super::profiles`]); never saved.
    #[serde(skip)]
    pub stamp: super::profiles::Stamp,
}

crate::json_record!(Profile {
    id: required,
    created_at: required,
    name: required,
    status,
    website,
    industry,
    business_type,
    employees,
    revenue,
    currency,
    location,
    region,
    customer_since,
    addresses: record,
    hq_phone,
    hq_email,
    people: record,
    purchases,
    monthly_spend,
    yearly_spend,
    cost_to_serve,
    cost_to_win,
    referred,
    referral_count,
    testimonial,
    loyalty_notes,
    needs,
    financial: record,
    opportunities: record,
    competitors: record,
    action_plan: record,
    account_plan: record,
    log: record,
    purchases_per_year,
    answers,
    custom,
    last_reviewed,
    stamp: skip,
    unknown_fields: rest,
});

/// How loyal a customer is: referrals given (one when they referred us
/// without a count), a testimonial, and whole years as a customer. Ordered
/// in that order: a customer who sends others is the surest fan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loyalty {
    /// Referrals given.
    pub referrals: u32,
    /// Whether they gave a testimonial.
    pub testimonial: bool,
    /// Whole years as a customer.
    pub years: u32,
}

impl Loyalty {
    /// "2 referrals, a testimonial, 7 years", in the interface's language;
    /// empty when nothing is known.
    pub fn text(self) -> String {
        let mut parts = Vec::new();
        if self.referrals > 0 {
            parts.push(crate::tn!(profile_loyalty_referrals, self.referrals));
        }
        if self.testimonial {
            parts.push(crate::t!(profile_loyalty_testimonial).to_owned());
        }
        if self.years > 0 {
            parts.push(crate::tn!(profile_loyalty_years, self.years));
        }
        parts.join(", ")
    }
}

const MONTHS_PER_YEAR: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

impl Profile {
    /// A new profile for `name`, created at `now`.
    pub fn new(name: String, now: Timestamp) -> Self {
        Self {
            id: ProfileId::new(),
            created_at: now,
            name,
            status: Status::default(),
            website: None,
            industry: String::new(),
            business_type: String::new(),
            employees: None,
            revenue: None,
            currency: String::new(),
            location: String::new(),
            region: String::new(),
            customer_since: None,
            addresses: Vec::new(),
            hq_phone: String::new(),
            hq_email: None,
            people: Vec::new(),
            purchases: Vec::new(),
            monthly_spend: None,
            yearly_spend: None,
            cost_to_serve: None,
            cost_to_win: None,
            referred: YesNoUnknown::Unknown,
            referral_count: None,
            testimonial: YesNoUnknown::Unknown,
            loyalty_notes: String::new(),
            needs: String::new(),
            financial: Financial::default(),
            opportunities: Vec::new(),
            competitors: Vec::new(),
            action_plan: Vec::new(),
            account_plan: Vec::new(),
            log: Vec::new(),
            purchases_per_year: None,
            answers: SmallMap::new(),
            custom: SmallMap::new(),
            last_reviewed: None,
            unknown_fields: Map::new(),
            stamp: super::profiles::Stamp::fresh(),
        }
    }

    /// Checks a company name as typed: trimmed, 1 to
    /// [`super::limits::MAX_NAME_CHARS`] characters.
    pub fn validate_name(typed: &str) -> Result<String, InputError> {
        super::input::parse_name(typed, super::limits::MAX_NAME_CHARS)
    }

    /// A copy with new ids throughout (profile and every row), named
    /// "<name> (copy)" in the interface's language, created at `now`.
    pub fn duplicate(&self, now: Timestamp) -> Self {
        let mut copy = self.clone();
        copy.id = ProfileId::new();
        copy.created_at = now;
        copy.name = crate::t!(profile_copy_name, name = self.name);
        copy.addresses
            .iter_mut()
            .for_each(|a| a.id = AddressId::new());
        copy.people.iter_mut().for_each(|p| p.id = PersonId::new());
        // The goals link opportunities and steps by id: they follow the
        // copies' new ids, old to new.
        let mut moved = Vec::new();
        for o in &mut copy.opportunities {
            let new = OpportunityId::new();
            moved.push((o.id.as_uuid(), new.as_uuid()));
            o.id = new;
        }
        copy.competitors
            .iter_mut()
            .for_each(|c| c.id = CompetitorId::new());
        for s in &mut copy.action_plan {
            let new = StepId::new();
            moved.push((s.id.as_uuid(), new.as_uuid()));
            s.id = new;
        }
        copy.log.iter_mut().for_each(|e| e.id = LogEntryId::new());
        let follow = |id: uuid::Uuid| {
            moved
                .iter()
                .find(|(old, _)| *old == id)
                .map_or(id, |(_, new)| *new)
        };
        for goal in &mut copy.account_plan {
            goal.id = GoalId::new();
            for o in &mut goal.opportunities {
                *o = OpportunityId::from_uuid(follow(o.as_uuid()));
            }
            for s in &mut goal.steps {
                *s = StepId::from_uuid(follow(s.as_uuid()));
            }
        }
        copy
    }

    /// Yearly spend: as entered, or twelve times the monthly spend.
    pub fn yearly_spend(&self) -> Option<Known> {
        match (self.yearly_spend, self.monthly_spend) {
            (Some(yearly), _) => Some(Known::Entered(yearly.amount())),
            // Checked: an amount loaded from an older file may be too large
            // to multiply.
            (None, Some(monthly)) => monthly
                .amount()
                .checked_mul(MONTHS_PER_YEAR)
                .map(Known::Computed),
            (None, None) => None,
        }
    }

    /// Monthly spend: as entered, or the yearly spend over twelve, to the cent.
    pub fn monthly_spend(&self) -> Option<Known> {
        match (self.monthly_spend, self.yearly_spend) {
            (Some(monthly), _) => Some(Known::Entered(monthly.amount())),
            (None, Some(yearly)) => Some(Known::Computed(
                (yearly.amount() / MONTHS_PER_YEAR)
                    .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
            )),
            (None, None) => None,
        }
    }

    /// Direct costs a year: cost to serve plus cost to win, when at least
    /// one is known (the other then counts as nothing).
    pub fn direct_costs(&self) -> Option<Decimal> {
        match (self.cost_to_serve, self.cost_to_win) {
            (None, None) => None,
            (serve, win) => {
                let amount = |m: Option<Money>| m.map_or(Decimal::ZERO, Money::amount);
                // Checked: amounts from older files may be too large to add.
                amount(serve).checked_add(amount(win))
            }
        }
    }

    /// Profitability: yearly spend with us minus the costs to serve and to
    /// win them, when the spend and at least one cost are known.
    pub fn profitability(&self) -> Option<Decimal> {
        self.yearly_spend()?
            .value()
            .checked_sub(self.direct_costs()?)
    }

    /// How loyal the customer is on `today`, which seed 001 asks to weigh
    /// beside spend.
    pub fn loyalty(&self, today: Date) -> Loyalty {
        let referred = u32::from(self.referred == YesNoUnknown::Yes);
        Loyalty {
            referrals: self.referral_count.unwrap_or(0).max(referred),
            testimonial: self.testimonial == YesNoUnknown::Yes,
            years: self.years_as_customer(today).unwrap_or(0),
        }
    }

    /// Whole years as a customer on `today`, from the first invoice date.
    pub fn years_as_customer(&self, today: Date) -> Option<u32> {
        self.customer_since
            .map(|since| since.whole_years_until(today))
    }

    /// Action steps past their due date and not done.
    pub fn overdue_steps(&self, today: Date) -> impl Iterator<Item = &ActionStep> {
        self.action_plan.iter().filter(move |s| s.is_overdue(today))
    }

    /// The date the profile is next due for review: `every_days` after the
    /// last review, or after creation if never reviewed.
    pub fn review_due_on(&self, every_days: u32) -> Date {
        let since = self
            .last_reviewed
            .unwrap_or_else(|| Date::from_timestamp(self.created_at));
        since.add_days(i64::from(every_days))
    }

    /// The update log, newest first (undated entries last).
    pub fn log_newest_first(&self) -> Vec<&LogEntry> {
        let mut log: Vec<&LogEntry> = self.log.iter().collect();
        sort_by_key_with(&mut log, |e| std::cmp::Reverse(e.date));
        log
    }

    /// The headquarters address, if one is marked.
    pub fn headquarters(&self) -> Option<&Address> {
        self.addresses.iter().find(|a| a.headquarters)
    }

    /// Records how many referrals they made. A referral answers an unknown
    /// "Have they referred us?" with yes; an answer given is left alone.
    pub fn set_referral_count(&mut self, count: Option<u32>) {
        self.referral_count = count;
        if count.is_some_and(|n| n > 0) && self.referred == YesNoUnknown::Unknown {
            self.referred = YesNoUnknown::Yes;
        }
    }

    /// Marks `id` as the only headquarters.
    pub fn set_headquarters(&mut self, id: AddressId) {
        for address in &mut self.addresses {
            address.headquarters = address.id == id;
        }
    }
}

impl Date {
    /// The UTC calendar date of a timestamp.
    pub fn from_timestamp(at: Timestamp) -> Date {
        Date::from_day_number(at.millis().div_euclid(86_400_000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-22T06:43:03Z".parse().unwrap()
    }

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn money(text: &str) -> Option<Money> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn yearly_spend_is_computed_from_monthly_and_marked_so() {
        let mut p = Profile::new("Acme".into(), now());
        assert_eq!(p.yearly_spend(), None);
        p.monthly_spend = money("1250.50");
        assert_eq!(
            p.yearly_spend(),
            Some(Known::Computed("15006.00".parse().unwrap()))
        );
        assert_eq!(
            p.monthly_spend(),
            Some(Known::Entered("1250.50".parse().unwrap()))
        );
    }

    #[test]
    fn amounts_too_large_to_multiply_or_subtract_are_not_known_rather_than_a_crash() {
        // Files and older versions allow 28 digits; twelve times that, or
        // the largest amount minus a negative cost, is beyond a decimal.
        let largest = "79228162514264337593543950335";
        let mut p = Profile::new("Acme".into(), now());
        p.monthly_spend = money(&largest[..28]);
        assert_eq!(p.yearly_spend(), None);
        p.yearly_spend = Some(Money::new(largest.parse().unwrap()));
        p.cost_to_serve = money("-1");
        assert_eq!(p.profitability(), None);
        p.cost_to_serve = money("1");
        assert_eq!(
            p.profitability(),
            Some("79228162514264337593543950334".parse().unwrap())
        );
    }

    #[test]
    fn a_referral_count_answers_that_they_referred_us() {
        let mut p = Profile::new("Acme".into(), now());
        p.set_referral_count(Some(0));
        assert_eq!(p.referred, YesNoUnknown::Unknown, "none counted");
        p.set_referral_count(Some(3));
        assert_eq!((p.referred, p.referral_count), (YesNoUnknown::Yes, Some(3)));
        p.set_referral_count(None);
        assert_eq!((p.referred, p.referral_count), (YesNoUnknown::Yes, None));
        p.referred = YesNoUnknown::No;
        p.set_referral_count(Some(2));
        assert_eq!(p.referred, YesNoUnknown::No, "an answer given is kept");
    }

    #[test]
    fn monthly_spend_is_computed_from_yearly_to_the_cent() {
        let mut p = Profile::new("Acme".into(), now());
        p.yearly_spend = money("10000");
        assert_eq!(
            p.monthly_spend(),
            Some(Known::Computed("833.33".parse().unwrap()))
        );
        p.yearly_spend = money("100.06");
        assert_eq!(
            p.monthly_spend(),
            Some(Known::Computed("8.34".parse().unwrap())),
            "8.338 rounds up"
        );
    }

    #[test]
    fn entered_values_win_over_computed_ones() {
        let mut p = Profile::new("Acme".into(), now());
        p.yearly_spend = money("12000");
        p.monthly_spend = money("900");
        assert_eq!(
            p.yearly_spend(),
            Some(Known::Entered("12000".parse().unwrap()))
        );
        assert_eq!(
            p.monthly_spend(),
            Some(Known::Entered("900".parse().unwrap()))
        );
    }

    #[test]
    fn profitability_is_yearly_spend_minus_the_costs_to_serve_and_to_win_exactly() {
        let mut p = Profile::new("Acme".into(), now());
        p.monthly_spend = money("1000.10");
        assert_eq!(p.profitability(), None, "unknown without any cost");
        // 12 × 1,000.10 = 12,001.20 spent with us a year.
        p.cost_to_serve = money("9000.25");
        assert_eq!(p.direct_costs(), Some("9000.25".parse().unwrap()));
        assert_eq!(
            p.profitability(),
            Some("3000.95".parse().unwrap()),
            "winning them counted as nothing yet"
        );
        p.cost_to_win = money("3001.00");
        assert_eq!(p.direct_costs(), Some("12001.25".parse().unwrap()));
        assert_eq!(p.profitability(), Some("-0.05".parse().unwrap()));
        p.cost_to_serve = None;
        assert_eq!(p.profitability(), Some("9000.20".parse().unwrap()));
    }

    #[test]
    fn tenure_counts_whole_years_since_the_first_invoice() {
        let mut p = Profile::new("Acme".into(), now());
        assert_eq!(p.years_as_customer(d("2026-11-22")), None);
        p.customer_since = Some(d("2019-12-01"));
        assert_eq!(p.years_as_customer(d("2026-11-22")), Some(6));
        assert_eq!(p.years_as_customer(d("2026-12-01")), Some(7));
    }

    #[test]
    fn overdue_steps_are_past_due_and_not_done() {
        let mut p = Profile::new("Acme".into(), now());
        let step = |due: Option<&str>, done| ActionStep {
            due: due.map(d),
            done,
            description: "Call".into(),
            ..ActionStep::default()
        };
        p.action_plan = vec![
            step(Some("2026-11-21"), false),
            step(Some("2026-11-22"), false),
            step(Some("2026-11-01"), true),
            step(None, false),
        ];
        let overdue: Vec<_> = p.overdue_steps(d("2026-11-22")).collect();
        assert_eq!(overdue.len(), 1);
        assert_eq!(overdue[0].due, Some(d("2026-11-21")));
    }

    #[test]
    fn review_is_due_a_set_number_of_days_after_the_last_one_or_creation() {
        let mut p = Profile::new("Acme".into(), now());
        assert_eq!(p.review_due_on(90), d("2027-02-20"));
        p.last_reviewed = Some(d("2026-01-01"));
        assert_eq!(p.review_due_on(30), d("2026-01-31"));
    }

    #[test]
    fn a_company_name_is_required_and_not_too_long() {
        assert_eq!(Profile::validate_name("  Acme  "), Ok("Acme".into()));
        assert_eq!(Profile::validate_name(" "), Err(InputError::Required));
        assert_eq!(
            Profile::validate_name(&"x".repeat(121)),
            Err(InputError::TooLong {
                max: 120,
                chars: 121
            })
        );
    }

    #[test]
    fn a_duplicate_gets_new_ids_everywhere() {
        let mut p = Profile::new("Acme".into(), now());
        p.people.push(Person {
            name: "Anna".into(),
            ..Person::default()
        });
        p.action_plan.push(ActionStep::default());
        p.opportunities.push(Opportunity::default());
        p.account_plan.push(AccountGoal {
            opportunities: vec![p.opportunities[0].id],
            steps: vec![p.action_plan[0].id],
            ..AccountGoal::default()
        });
        let copy = p.duplicate(now());
        assert_eq!(copy.name, "Acme (copy)");
        assert_ne!(copy.id, p.id);
        assert_ne!(copy.people[0].id, p.people[0].id);
        assert_eq!(copy.people[0].name, "Anna");
        assert_ne!(copy.action_plan[0].id, p.action_plan[0].id);
        assert_ne!(copy.account_plan[0].id, p.account_plan[0].id);
        // The copy's goal links the copy's own opportunity and step.
        let goal = &copy.account_plan[0];
        assert_eq!(goal.opportunities, [copy.opportunities[0].id]);
        assert_eq!(goal.steps, [copy.action_plan[0].id]);
    }

    #[test]
    fn the_log_reads_newest_first() {
        let mut p = Profile::new("Acme".into(), now());
        for date in [Some("2026-01-05"), None, Some("2026-09-01")] {
            p.log.push(LogEntry {
                date: date.map(d),
                ..LogEntry::default()
            });
        }
        let dates: Vec<_> = p.log_newest_first().iter().map(|e| e.date).collect();
        assert_eq!(
            dates,
            vec![Some(d("2026-09-01")), Some(d("2026-01-05")), None]
        );
    }

    #[test]
    fn one_headquarters_at_most() {
        let mut p = Profile::new("Acme".into(), now());
        p.addresses = vec![Address::default(), Address::default()];
        let (a, b) = (p.addresses[0].id, p.addresses[1].id);
        p.set_headquarters(a);
        p.set_headquarters(b);
        assert_eq!(p.headquarters().map(|h| h.id), Some(b));
        assert_eq!(p.addresses.iter().filter(|x| x.headquarters).count(), 1);
    }

    #[test]
    fn a_full_profile_round_trips_through_json_and_empty_fields_are_not_written() {
        let mut p = Profile::new("Acme".into(), now());
        let bare = serde_json::to_value(&p).unwrap();
        assert_eq!(
            bare.as_object().unwrap().len(),
            4,
            "only id, created_at, name and status: {bare}"
        );
        p.revenue = Some(Span::Range {
            low: "1000000".parse().unwrap(),
            high: "5000000.50".parse().unwrap(),
        });
        p.employees = Some(Span::Exact { value: 120 });
        p.people.push(Person {
            name: "Anna Nowak".into(),
            birthday: Some(Birthday::new(2, 29, None, d("2026-11-22")).unwrap()),
            influence: Some(5),
            ..Person::default()
        });
        p.log.push(LogEntry {
            date: Some(d("2026-10-01")),
            kind: LogKind::OwnershipChange,
            ..LogEntry::default()
        });
        let json = serde_json::to_string(&p).unwrap();
        assert!(
            json.contains(r#""revenue":{"kind":"range","low":"1000000","high":"5000000.50"}"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Profile>(&json).unwrap(), p);
    }

    #[test]
    fn a_revenue_written_as_a_bare_number_is_refused() {
        let json = r#"{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f","created_at":"2026-01-01T00:00:00Z","name":"A","revenue":{"kind":"exact","value":12345678901234567.89}}"#;
        assert!(serde_json::from_str::<Profile>(json).is_err());
    }

    #[test]
    fn loyalty_orders_referrals_then_a_testimonial_then_years() {
        let today = d("2026-11-22");
        let mut fan = Profile::new("Fan".into(), now());
        fan.referred = YesNoUnknown::Yes;
        fan.testimonial = YesNoUnknown::Yes;
        fan.customer_since = Some(d("2019-03-14"));
        let mut old = Profile::new("Old".into(), now());
        old.customer_since = Some(d("2001-01-01"));
        old.testimonial = YesNoUnknown::Yes;
        assert_eq!(
            fan.loyalty(today).text(),
            "1 referral, a testimonial, 7 years"
        );
        assert!(
            fan.loyalty(today) > old.loyalty(today),
            "one referral outweighs 25 years"
        );
        fan.set_referral_count(Some(3));
        assert_eq!(fan.loyalty(today).referrals, 3);
        assert_eq!(Profile::new("New".into(), now()).loyalty(today).text(), "");
    }

    #[test]
    fn loyalty_a_copy_and_labels_read_in_polish() {
        use crate::i18n::{Language, set_language};
        set_language(Language::Polish);
        let loyalty = |referrals, testimonial, years| {
            Loyalty {
                referrals,
                testimonial,
                years,
            }
            .text()
        };
        assert_eq!(loyalty(1, true, 1), "1 polecenie, referencje, 1 rok");
        assert_eq!(loyalty(3, false, 22), "3 polecenia, 22 lata");
        assert_eq!(loyalty(5, false, 12), "5 poleceń, 12 lat");
        let copy = Profile::new("Acme".into(), now()).duplicate(now());
        assert_eq!(copy.name, "Acme (kopia)");
        assert_eq!(Status::FormerCustomer.shown(), "Były klient");
        assert_eq!(YesNoUnknown::Yes.shown(), "Tak");
        assert_eq!(BuyingRole::DecisionMaker.label(), "Decydent");
        set_language(Language::English);
        assert_eq!(loyalty(2, false, 1), "2 referrals, 1 year");
        assert_eq!(Status::FormerCustomer.shown(), "Former customer");
    }
}
