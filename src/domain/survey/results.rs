//! Round 2: every best customer and every criterion, with how far the reps
//! agree, and the weights of a scoring model made from them.

use super::answer::same_customer_key;
use super::asked::{Summary, default_meanings};
use super::tally::{Tally, counted};
use super::{RATING_RANGE, Survey, SurveyAnswer, SurveyCriterion};
use crate::domain::scoring::{Criterion, CriterionKind, ScoringModel};
use crate::domain::sorting::{sort_by_key_with, sort_with};
use crate::domain::{ModelId, Timestamp};
use crate::t;
use rust_decimal::Decimal;
use serde_json::Map;

/// How far a rep's average may stray from the median of the reps'
/// averages before it is marked, in rating points. The median, unlike the
/// mean, is not pulled towards the outlier itself.
pub const OUTLIER_GAP: Decimal = Decimal::from_parts(15, 0, 0, false, 1);

/// Fewest reps for outliers to mean anything.
pub const OUTLIER_MIN_REPS: usize = 3;

/// The outlier rule ([`OUTLIER_GAP`], [`OUTLIER_MIN_REPS`]), as shown on
/// screen.
pub fn outlier_rule() -> &'static str {
    t!(survey_outlier_rule)
}

/// The agreement rule ([`Agreement::of`]), as shown on screen.
pub fn agreement_rule() -> &'static str {
    t!(survey_agreement_rule)
}

/// How weights are made ([`vote_weights`], [`model_from_results`]), as
/// shown on screen.
pub fn weights_rule() -> &'static str {
    t!(survey_weights_rule)
}

/// How much the reps agree on a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Spread under 0.75.
    High,
    /// Spread under 1.25.
    Medium,
    /// Spread 1.25 or more.
    Low,
}

impl Agreement {
    /// The agreement for a spread.
    pub fn of(spread: Decimal) -> Self {
        if spread < Decimal::new(75, 2) {
            Agreement::High
        } else if spread < Decimal::new(125, 2) {
            Agreement::Medium
        } else {
            Agreement::Low
        }
    }

    /// The word shown, in the interface's language.
    pub fn shown(self) -> &'static str {
        match self {
            Agreement::High => t!(survey_agreement_high),
            Agreement::Medium => t!(survey_agreement_medium),
            Agreement::Low => t!(survey_agreement_low),
        }
    }
}

/// One rep's average on one criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepMean {
    /// The rep.
    pub respondent: String,
    /// Their average rating, to 2 decimals.
    pub mean: Decimal,
    /// Whether it strays by [`OUTLIER_GAP`] or more from the median.
    pub outlier: bool,
}

/// One criterion across every rep and customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionResult {
    /// The criterion.
    pub criterion: SurveyCriterion,
    /// How many ratings.
    pub ratings: usize,
    /// Their average, to 2 decimals.
    pub mean: Decimal,
    /// Their standard deviation, to 2 decimals.
    pub spread: Decimal,
    /// The lowest and highest rating.
    pub range: Option<(u8, u8)>,
    /// How much the reps agree.
    pub agreement: Agreement,
    /// Each rep's average.
    pub by_rep: Vec<RepMean>,
    /// What the best customers look like on it; the fields above are for
    /// a rating and empty for another kind.
    pub summary: Summary,
}

/// One best customer, as named by one or more reps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerResult {
    /// The name as first written.
    pub name: String,
    /// The reps who named it.
    pub reps: Vec<String>,
    /// The average rating per criterion, in the survey's order (`None`
    /// when nobody rated it, or when it is not a rating: the results per
    /// criterion sum up the other kinds).
    pub ratings: Vec<Option<Decimal>>,
    /// The average over all its ratings.
    pub overall: Option<Decimal>,
    /// What its reps answered per criterion, in the survey's order: the
    /// criteria asked as yes / no, a number or a category
    /// ([`Summary::Ratings`] for a rating, whose average is in `ratings`).
    pub answers: Vec<Summary>,
    /// What makes it great, in each rep's words: (rep, words), in the order
    /// the answers were counted; reps who left it blank are not listed.
    pub reasons: Vec<(String, String)>,
}

/// Everything round 2 says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RoundTwoResults {
    /// Per criterion, in the survey's order.
    pub criteria: Vec<CriterionResult>,
    /// Per customer, best overall first.
    pub customers: Vec<CustomerResult>,
    /// How many answers were counted.
    pub answers: usize,
}

/// The results of round-2 `survey` from `answers` (one per rep counts).
/// Ratings outside 1 to 5 and unnamed customers are left out.
pub fn results(survey: &Survey, answers: &[SurveyAnswer]) -> RoundTwoResults {
    let counted = counted(survey, answers);
    let valid = |r: &u8| RATING_RANGE.contains(r);
    let criteria = survey
        .criteria
        .iter()
        .map(|c| {
            let per_rep: Vec<(String, Vec<u8>)> = counted
                .iter()
                .map(|a| {
                    let ratings = a
                        .customers
                        .iter()
                        .filter(|k| !k.name.trim().is_empty())
                        .filter_map(|k| k.ratings.get(&c.id).copied())
                        .filter(valid)
                        .collect();
                    (a.respondent.clone(), ratings)
                })
                .filter(|(_, r): &(String, Vec<u8>)| !r.is_empty())
                .collect();
            let all: Vec<u8> = per_rep
                .iter()
                .flat_map(|(_, r)| r.iter().copied())
                .collect();
            let mean = mean(&all).unwrap_or_default();
            let means: Vec<Decimal> = per_rep.iter().map(|(_, r)| mean_exact(r)).collect();
            let middle = median(&means);
            let by_rep = per_rep
                .iter()
                .enumerate()
                .map(|(i, (rep, _))| {
                    let outlier = per_rep.len() >= OUTLIER_MIN_REPS
                        && (means[i] - middle).abs() >= OUTLIER_GAP;
                    RepMean {
                        respondent: rep.clone(),
                        mean: means[i].round_dp(2),
                        outlier,
                    }
                })
                .collect();
            let spread = spread(&all);
            let answers: Vec<&str> = counted
                .iter()
                .flat_map(|a| a.customers.iter())
                .filter(|k| !k.name.trim().is_empty())
                .filter_map(|k| k.values.get(&c.id).map(String::as_str))
                .collect();
            CriterionResult {
                summary: Summary::of(c.asked(), &answers),
                criterion: c.clone(),
                ratings: all.len(),
                mean,
                spread,
                range: all
                    .iter()
                    .min()
                    .zip(all.iter().max())
                    .map(|(a, b)| (*a, *b)),
                agreement: Agreement::of(spread),
                by_rep,
            }
        })
        .collect();
    RoundTwoResults {
        criteria,
        customers: customers(survey, &counted),
        answers: counted.len(),
    }
}

/// One customer's ratings gathered across reps.
struct CustomerGroup {
    /// The name as compared.
    key: String,
    /// The name as first written.
    name: String,
    /// The reps who named it.
    reps: Vec<String>,
    /// Its ratings, per criterion in the survey's order.
    ratings: Vec<Vec<u8>>,
    /// Its answers of the other kinds, per criterion in the survey's order.
    values: Vec<Vec<String>>,
    /// What makes it great, per rep.
    reasons: Vec<(String, String)>,
}

fn customers(survey: &Survey, counted: &[&SurveyAnswer]) -> Vec<CustomerResult> {
    let mut groups: Vec<CustomerGroup> = Vec::new();
    for answer in counted {
        for customer in answer
            .customers
            .iter()
            .filter(|k| !k.name.trim().is_empty())
        {
            let key = same_customer_key(&customer.name);
            let at = match groups.iter().position(|g| g.key == key) {
                Some(at) => at,
                None => {
                    groups.push(CustomerGroup {
                        key,
                        name: customer.name.trim().to_owned(),
                        reps: Vec::new(),
                        ratings: vec![Vec::new(); survey.criteria.len()],
                        values: vec![Vec::new(); survey.criteria.len()],
                        reasons: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            let group = &mut groups[at];
            if !group.reps.contains(&answer.respondent) {
                group.reps.push(answer.respondent.clone());
            }
            let why = customer.why.trim();
            if !why.is_empty() {
                group
                    .reasons
                    .push((answer.respondent.clone(), why.to_owned()));
            }
            for (i, c) in survey.criteria.iter().enumerate() {
                if let Some(r) = customer
                    .ratings
                    .get(&c.id)
                    .filter(|r| RATING_RANGE.contains(r))
                {
                    group.ratings[i].push(*r);
                }
                if let Some(value) = customer.values.get(&c.id) {
                    group.values[i].push(value.clone());
                }
            }
        }
    }
    let mut out: Vec<CustomerResult> = groups
        .into_iter()
        .map(|group| {
            let all: Vec<u8> = group.ratings.iter().flatten().copied().collect();
            CustomerResult {
                name: group.name,
                reps: group.reps,
                ratings: group.ratings.iter().map(|r| mean(r)).collect(),
                overall: mean(&all),
                answers: survey
                    .criteria
                    .iter()
                    .zip(&group.values)
                    .map(|(c, values)| {
                        let values: Vec<&str> = values.iter().map(String::as_str).collect();
                        Summary::of(c.asked(), &values)
                    })
                    .collect(),
                reasons: group.reasons,
            }
        })
        .collect();
    sort_by_key_with(&mut out, |c| std::cmp::Reverse(c.overall));
    out
}

fn mean_exact(values: &[u8]) -> Decimal {
    let sum: Decimal = values.iter().map(|v| Decimal::from(*v)).sum();
    sum / Decimal::from(values.len().max(1))
}

fn mean(values: &[u8]) -> Option<Decimal> {
    (!values.is_empty()).then(|| mean_exact(values).round_dp(2))
}

/// The median of `values` (0 for none).
pub(super) fn median(values: &[Decimal]) -> Decimal {
    let mut sorted = values.to_vec();
    sort_with(&mut sorted, Ord::cmp);
    match sorted.len() {
        0 => Decimal::ZERO,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / Decimal::TWO,
    }
}

/// The population standard deviation, to 2 decimals.
fn spread(values: &[u8]) -> Decimal {
    if values.is_empty() {
        return Decimal::ZERO;
    }
    let m = mean_exact(values);
    let variance = values
        .iter()
        .map(|v| (Decimal::from(*v) - m) * (Decimal::from(*v) - m))
        .sum::<Decimal>()
        / Decimal::from(values.len());
    sqrt(variance).round_dp(2)
}

/// The square root by Newton's method (rust_decimal's own needs a feature
/// this app does not otherwise use); exact to far more than 2 decimals for
/// the small variances of 1-5 ratings.
fn sqrt(value: Decimal) -> Decimal {
    if value <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let two = Decimal::TWO;
    let mut x = if value > Decimal::ONE {
        value
    } else {
        Decimal::ONE
    };
    for _ in 0..40 {
        let next = (x + value / x) / two;
        if (next - x).abs() < Decimal::new(1, 12) {
            return next;
        }
        x = next;
    }
    x
}

/// The weights a model made from round-2 `survey` gives its criteria: in
/// proportion to each one's round-1 votes in `votes`, whole numbers adding
/// up to 100 (equal shares when no vote is known), in the survey's order.
pub fn vote_weights(survey: &Survey, votes: Option<&Tally>) -> Vec<(SurveyCriterion, u32)> {
    let counts: Vec<u32> = survey
        .criteria
        .iter()
        .map(|c| {
            let row = votes.and_then(|t| t.rows.iter().find(|r| r.criterion.id == c.id));
            row.map_or(0, |r| r.votes as u32)
        })
        .collect();
    let counts = if counts.iter().all(|&c| c == 0) {
        vec![1; counts.len()]
    } else {
        counts
    };
    survey
        .criteria
        .iter()
        .cloned()
        .zip(whole_weights(&counts))
        .collect()
}

/// A new scoring model weighted by the reps' votes (see
/// [`vote_weights`]): a copy of `base` (criterion ids kept, so profiles'
/// ratings still count) or an empty model, where the base's other
/// criteria get 0, and surveyed criteria the base lacks are added in their
/// survey kind and direction (a 1-5 rating when they have none). Numbers
/// and categories get the thresholds and values `results` propose
/// ([`Summary::proposed_kind`]). Its name ("From survey: …") and any
/// default meanings are written in the interface's language: once made,
/// they are the user's.
pub fn model_from_results(
    base: Option<&ScoringModel>,
    survey: &Survey,
    results: &RoundTwoResults,
    votes: Option<&Tally>,
    now: Timestamp,
) -> ScoringModel {
    let mut model = match base {
        Some(base) => base.duplicate(now),
        None => ScoringModel {
            id: ModelId::new(),
            name: String::new(),
            created_at: now,
            criteria: Vec::new(),
            tiers: Default::default(),
            hard_rules: Vec::new(),
            unknown_fields: Map::new(),
        },
    };
    model.name = t!(survey_model_name, title = survey.title);
    for criterion in &mut model.criteria {
        criterion.weight = Decimal::ZERO;
    }
    for (surveyed, weight) in vote_weights(survey, votes) {
        let proposed = results
            .criteria
            .iter()
            .find(|r| r.criterion.id == surveyed.id)
            .and_then(|r| r.summary.proposed_kind(&surveyed));
        match model.criteria.iter_mut().find(|c| c.id == surveyed.id) {
            Some(c) => {
                c.weight = Decimal::from(weight);
                if let Some(kind) = proposed {
                    c.kind = kind;
                }
            }
            None => model.criteria.push(Criterion {
                unknown_fields: Default::default(),
                id: surveyed.id,
                kind: proposed
                    .or(surveyed.kind)
                    .unwrap_or_else(|| CriterionKind::Rating {
                        unknown_fields: Default::default(),
                        meanings: default_meanings().map(str::to_owned),
                    }),
                name: surveyed.name,
                description: surveyed.description,
                direction: surveyed.direction,
                weight: Decimal::from(weight),
            }),
        }
    }
    model
}

/// Whole numbers in proportion to `counts`, adding up to exactly 100: each
/// gets the whole part of its share, and the points left go to the largest
/// remainders, the first of equals first. All zero when every count is.
/// Counts are whole, so this is exact in integers.
fn whole_weights(counts: &[u32]) -> Vec<u32> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let hundredths = |c: u32| u64::from(c) * 100;
    let mut whole: Vec<u32> = counts
        .iter()
        .map(|&c| (hundredths(c) / total) as u32)
        .collect();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    sort_by_key_with(&mut order, |&i| {
        std::cmp::Reverse(hundredths(counts[i]) % total)
    });
    let left = 100 - whole.iter().sum::<u32>();
    for &i in order.iter().take(left as usize) {
        whole[i] += 1;
    }
    whole
}

#[cfg(test)]
mod tests;
