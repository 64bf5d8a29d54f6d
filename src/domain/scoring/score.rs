//! Scoring one profile with a model, and the explanation anyone can check
//! by hand.

use super::{
    Answer, CategoryField, Criterion, CriterionKind, Direction, HardRule, Measure, ProfileAnswer,
    ScoringModel, Threshold, Tier,
};
use crate::domain::currency::Basis;
use crate::domain::decimal::grouped;
use crate::domain::id::CriterionId;
use crate::domain::input::Span;
use crate::domain::profile::{FinancialRating, Profile, YesNoUnknown};
use crate::t;
use rust_decimal::{Decimal, RoundingStrategy};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// What one answered criterion adds to the score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    /// The criterion.
    pub criterion: CriterionId,
    /// Its name.
    pub name: String,
    /// Whether it adds value or takes it away.
    pub direction: Direction,
    /// Its weight.
    pub weight: Decimal,
    /// What was read or answered, as shown ("Rating 4", "Yes", "51,006").
    pub value: String,
    /// Points as judged, 0 to 100 (for a criterion that takes value away,
    /// more points mean more of the bad thing).
    pub points: Decimal,
    /// Points earned towards the score: `points`, or 100 − `points` for a
    /// criterion that takes value away.
    pub earned: Decimal,
    /// Its share of the score: earned × weight ÷ the answered weight,
    /// truncated to the cent so that the shares add up to the score shown.
    pub contribution: Decimal,
}

/// A profile's score under a model, with everything that went into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// Answered criteria, in the model's order.
    pub contributions: Vec<Contribution>,
    /// Criteria without an answer, left out with their weight.
    pub missing: Vec<(CriterionId, String)>,
    /// Total weight of the answered criteria.
    pub answered_weight: Decimal,
    /// The score from 0 to 100 (the sum of the contributions); `None` when
    /// no criterion with weight has an answer.
    pub score: Option<Decimal>,
    /// The tier the score alone gives.
    pub tier_by_score: Option<Tier>,
    /// The tier after the hard rules.
    pub tier: Option<Tier>,
    /// The hard rule that lowered the tier, if one did.
    pub capped_by: Option<HardRule>,
}

impl Explanation {
    /// "based on 7 of 13 criteria".
    pub fn basis(&self) -> (usize, usize) {
        (
            self.contributions.len(),
            self.contributions.len() + self.missing.len(),
        )
    }

    /// The `n` criteria that give the most of the score, most first (in
    /// the model's order among equals); criteria that give nothing are no
    /// reason.
    pub fn top_reasons(&self, n: usize) -> Vec<&Contribution> {
        let mut giving: Vec<&Contribution> = self
            .contributions
            .iter()
            .filter(|c| c.contribution > Decimal::ZERO)
            .collect();
        crate::domain::sorting::sort_by_key_with(&mut giving, |c| {
            std::cmp::Reverse(c.contribution)
        });
        giving.truncate(n);
        giving
    }
}

/// The points of `value` under `thresholds`: those of the highest threshold
/// reached, or 0 below all of them.
pub fn threshold_points(thresholds: &[Threshold], value: Decimal) -> Decimal {
    thresholds
        .iter()
        .filter(|t| value >= t.at_least)
        .max_by_key(|t| t.at_least)
        .map_or(Decimal::ZERO, |t| t.points.clamp(Decimal::ZERO, HUNDRED))
}

fn middle<T: Copy + PartialOrd + Into<Decimal>>(span: Span<T>) -> Option<Decimal> {
    let (low, high) = span.bounds()?;
    Some((low.into() + high.into()) / Decimal::TWO)
}

/// The number a measure reads from a profile, if known. Money is in the
/// reporting currency, and not known without a rate for the profile's.
pub fn measure(profile: &Profile, measure: Measure, basis: &Basis) -> Option<Decimal> {
    let money =
        |amount: Option<Decimal>| amount.and_then(|a| basis.money.convert(a, &profile.currency));
    match measure {
        // Checked: amounts from older files may be too large to add.
        Measure::YearlyRevenue => money(profile.revenue.and_then(|s| {
            let (low, high) = s.bounds()?;
            low.amount()
                .checked_add(high.amount())
                .map(|sum| sum / Decimal::TWO)
        })),
        Measure::YearlySpend => money(profile.yearly_spend().map(|k| k.value())),
        Measure::DirectCosts => money(profile.direct_costs()),
        Measure::CostToServe => money(profile.cost_to_serve.map(|m| m.amount())),
        Measure::CostToWin => money(profile.cost_to_win.map(|m| m.amount())),
        Measure::Profitability => money(profile.profitability()),
        Measure::Employees => profile.employees.and_then(middle),
        Measure::YearsAsCustomer => profile.years_as_customer(basis.today).map(Decimal::from),
        Measure::ProductsPurchased => {
            (!profile.purchases.is_empty()).then(|| Decimal::from(profile.purchases.len()))
        }
        Measure::PurchasesPerYear => profile.purchases_per_year.map(Decimal::from),
        // A number the team added to profiles (kept in one form, plain
        // digits); otherwise a measure of a newer Clientele, which this one
        // cannot read.
        Measure::Unlisted(_) => profile.custom.get(&measure.custom_field()?)?.parse().ok(),
    }
}

fn yes_no(answer: YesNoUnknown) -> Option<bool> {
    match answer {
        YesNoUnknown::Yes => Some(true),
        YesNoUnknown::No => Some(false),
        YesNoUnknown::Unknown | YesNoUnknown::Unlisted(_) => None,
    }
}

fn profile_answer(profile: &Profile, which: ProfileAnswer) -> Option<bool> {
    match which {
        ProfileAnswer::Referred => yes_no(profile.referred),
        ProfileAnswer::Testimonial => yes_no(profile.testimonial),
        ProfileAnswer::ReferredOrTestimonial => {
            match (yes_no(profile.referred), yes_no(profile.testimonial)) {
                (Some(true), _) | (_, Some(true)) => Some(true),
                (Some(false), Some(false)) => Some(false),
                _ => None,
            }
        }
        ProfileAnswer::Unlisted(_) => None,
    }
}

/// How an answer reads on the explanation; made into text only when an
/// explanation is shown, so that ranking thousands of profiles makes none.
#[derive(Debug, Clone, Copy)]
enum Reading<'a> {
    Rating(u8),
    YesNo(bool),
    Number(Measure, Decimal),
    Category(&'a str),
}

impl Reading<'_> {
    /// "Rating 4 of 5", "Yes", "Yearly spend with us: 51,006" (the field
    /// read, so that anyone can check it), in the interface's language, or
    /// the category as typed.
    fn text(self) -> String {
        match self {
            Reading::Rating(r) => t!(scoring_reading_rating, rating = r),
            Reading::YesNo(true) => t!(scoring_reading_yes).to_owned(),
            Reading::YesNo(false) => t!(scoring_reading_no).to_owned(),
            // A custom field's number: the criterion names the field.
            Reading::Number(measure, value) if measure.custom_field().is_some() => grouped(value),
            Reading::Number(measure, value) => t!(
                scoring_reading_number,
                measure = measure.label(),
                value = grouped(value)
            ),
            Reading::Category(text) => text.to_owned(),
        }
    }
}

/// The points a criterion gives a profile and how the value reads, or
/// `None` when there is no answer.
fn judge<'a>(
    criterion: &Criterion,
    profile: &'a Profile,
    basis: &Basis,
) -> Option<(Decimal, Reading<'a>)> {
    let answer = profile.answers.get(&criterion.id).copied();
    match &criterion.kind {
        CriterionKind::Rating { .. } => match answer? {
            Answer::Rating(r @ 1..=5) => {
                Some((Decimal::from(r - 1) * Decimal::from(25), Reading::Rating(r)))
            }
            _ => None,
        },
        CriterionKind::YesNo { from_profile, .. } => {
            let yes = match from_profile {
                Some(which) => profile_answer(profile, *which)?,
                None => match answer? {
                    Answer::YesNo(yes) => yes,
                    Answer::Rating(_) | Answer::Unlisted(_) => return None,
                },
            };
            let points = if yes { HUNDRED } else { Decimal::ZERO };
            Some((points, Reading::YesNo(yes)))
        }
        CriterionKind::Number {
            measure: which,
            thresholds,
            ..
        } => {
            let value = measure(profile, *which, basis)?;
            Some((
                threshold_points(thresholds, value),
                Reading::Number(*which, value),
            ))
        }
        CriterionKind::Category { field, values, .. } => {
            let text = match field {
                CategoryField::Industry => &profile.industry,
                CategoryField::BusinessType => &profile.business_type,
                CategoryField::Region => &profile.region,
                // A field the team added; otherwise a field of a newer
                // Clientele, with nothing here to compare.
                CategoryField::Unlisted(_) => profile.custom.get(&field.custom_field()?)?,
            }
            .trim();
            if text.is_empty() {
                return None;
            }
            // Compared char by char: no lowercased copies for every
            // profile and value when thousands are ranked.
            let matches = values.iter().any(|v| {
                v.trim()
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(text.chars().flat_map(char::to_lowercase))
            });
            Some((
                if matches { HUNDRED } else { Decimal::ZERO },
                Reading::Category(text),
            ))
        }
        // A kind of a newer Clientele: this one cannot judge it, so the
        // criterion counts as unanswered.
        CriterionKind::Unlisted(_) => None,
    }
}

/// One answered criterion, weighed, before any text is made.
pub(super) struct Weighed<'a> {
    pub criterion: &'a Criterion,
    pub points: Decimal,
    reading: Reading<'a>,
    pub earned: Decimal,
    pub contribution: Decimal,
}

/// The arithmetic of a score, shared by the explanation and the ranking so
/// that both always agree.
pub(super) struct Tally<'a> {
    pub judged: Vec<Weighed<'a>>,
    pub missing: Vec<&'a Criterion>,
    pub answered_weight: Decimal,
    pub score: Option<Decimal>,
    pub tier_by_score: Option<Tier>,
    pub tier: Option<Tier>,
    pub capped_by: Option<HardRule>,
}

/// Weighs `profile` with `model` on `today`. Criteria without an answer,
/// or with no weight, are left out and the other weights rescaled.
pub(super) fn tally<'a>(model: &'a ScoringModel, profile: &'a Profile, basis: &Basis) -> Tally<'a> {
    // One list, filled in two passes: a share needs the weight of every
    // answered criterion, known only once all are judged.
    let mut judged = Vec::with_capacity(model.criteria.len());
    let mut missing = Vec::new();
    let mut answered_weight = Decimal::ZERO;
    for criterion in &model.criteria {
        // A direction this version does not know leaves the criterion out,
        // as if unanswered: its points cannot be turned into value.
        let earned = |points| match criterion.direction {
            Direction::AddsValue => Some(points),
            Direction::TakesAway => Some(HUNDRED - points),
            Direction::Unlisted(_) => None,
        };
        match judge(criterion, profile, basis)
            .and_then(|(points, reading)| Some((points, reading, earned(points)?)))
        {
            Some((points, reading, earned)) if criterion.weight > Decimal::ZERO => {
                answered_weight += criterion.weight;
                judged.push(Weighed {
                    criterion,
                    points,
                    reading,
                    earned,
                    contribution: Decimal::ZERO,
                });
            }
            _ => missing.push(criterion),
        }
    }
    for w in &mut judged {
        w.contribution = share(w.earned, w.criterion.weight, answered_weight);
    }
    let score =
        (!judged.is_empty()).then(|| judged.iter().map(|c| c.contribution).sum::<Decimal>());
    let tier_by_score = score.map(|s| model.tiers.tier(s));
    let (tier, capped_by) = match tier_by_score {
        None => (None, None),
        Some(tier) => apply_hard_rules(&model.hard_rules, profile, tier),
    };
    Tally {
        judged,
        missing,
        answered_weight,
        score,
        tier_by_score,
        tier,
        capped_by,
    }
}

/// A criterion's share of the score, `earned × weight ÷ total`, cut (not
/// rounded) to the cent and written without trailing zeros.
///
/// Ranking thousands of profiles asks for this once for every answered
/// criterion, and dividing decimals to 28 digits only to cut all but two
/// was most of the ranking's time. So it is worked out in whole numbers:
/// with `earned = e ÷ 10^a`, `weight = w ÷ 10^b` and `total = t ÷ 10^c`,
/// the share in cents is ⌊e·w·10^(c+2) ÷ (t·10^(a+b))⌋. That is what the
/// decimal division gives whenever the divisor `t·10^(a+b)` is below
/// 10^20: a share of at most 100 keeps at least 25 digits after the point,
/// so the division's rounding moves it by less than 10^-23 cents, while a
/// quotient that is not a whole number of cents lies at least 10^-20
/// cents from one. Beyond that (weights with absurd precision) the decimal
/// division is used.
pub(super) fn share(earned: Decimal, weight: Decimal, total: Decimal) -> Decimal {
    share_in_whole_numbers(earned, weight, total)
        .unwrap_or_else(|| share_by_division(earned, weight, total))
        .normalize()
}

fn share_in_whole_numbers(earned: Decimal, weight: Decimal, total: Decimal) -> Option<Decimal> {
    const LARGEST_DIVISOR: i128 = 10_i128.pow(20);
    let (e, w, t) = (earned.mantissa(), weight.mantissa(), total.mantissa());
    if e < 0 || w <= 0 || t <= 0 {
        return None;
    }
    let power = |exponent: u32| 10_i128.checked_pow(exponent);
    let numerator = e.checked_mul(w)?.checked_mul(power(total.scale() + 2)?)?;
    let divisor = t.checked_mul(power(earned.scale() + weight.scale())?)?;
    if divisor >= LARGEST_DIVISOR {
        return None;
    }
    Decimal::try_from_i128_with_scale(numerator / divisor, 2).ok()
}

fn share_by_division(earned: Decimal, weight: Decimal, total: Decimal) -> Decimal {
    (earned * weight / total).round_dp_with_strategy(2, RoundingStrategy::ToZero)
}

/// Scores `profile` with `model` on `today`, with everything that went into
/// it. Criteria without an answer, or with no weight, are left out and the
/// other weights rescaled.
pub fn score(model: &ScoringModel, profile: &Profile, basis: &Basis) -> Explanation {
    let tally = tally(model, profile, basis);
    Explanation {
        contributions: tally
            .judged
            .into_iter()
            .map(|w| Contribution {
                criterion: w.criterion.id,
                name: w.criterion.name.clone(),
                direction: w.criterion.direction,
                weight: w.criterion.weight,
                value: w.reading.text(),
                points: w.points,
                earned: w.earned,
                contribution: w.contribution,
            })
            .collect(),
        missing: tally
            .missing
            .into_iter()
            .map(|c| (c.id, c.name.clone()))
            .collect(),
        answered_weight: tally.answered_weight,
        score: tally.score,
        tier_by_score: tally.tier_by_score,
        tier: tally.tier,
        capped_by: tally.capped_by,
    }
}

fn apply_hard_rules(
    rules: &[HardRule],
    profile: &Profile,
    mut tier: Tier,
) -> (Option<Tier>, Option<HardRule>) {
    let mut capped_by = None;
    for rule in rules {
        let (applies, at_most) = match *rule {
            HardRule::UnprofitableAtMost(at_most) => (
                profile.profitability().is_some_and(|p| p < Decimal::ZERO),
                at_most,
            ),
            HardRule::WeakFinancesAtMost(at_most) => {
                (profile.financial.rating == FinancialRating::Weak, at_most)
            }
            // A rule of a newer Clientele: this one cannot tell whether it
            // applies, so it caps nothing.
            HardRule::Unlisted(_) => continue,
        };
        if applies && tier < at_most {
            tier = at_most;
            capped_by = Some(rule.clone());
        }
    }
    (Some(tier), capped_by)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{model, rating};
    use super::super::{TierThresholds, default_model};
    use super::*;
    use crate::domain::Date;
    use crate::domain::decimal::Money;
    use crate::domain::time::Timestamp;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn today() -> Date {
        "2026-11-22".parse().unwrap()
    }

    /// Scores on [`today`], money as it is.
    fn basis() -> Basis {
        Basis::one_currency(today())
    }

    #[test]
    fn a_share_in_whole_numbers_is_what_the_decimal_division_gives() {
        // Points as criteria give them (ratings, yes / no, thresholds the
        // user typed), weights as typed (0 to 1000, up to 4 decimals), and
        // totals of one to a few weights.
        let points = [
            "0", "25", "50", "75", "100", "12.5", "33.3333", "99.99", "0.0001", "66.67",
        ];
        let weights = [
            "0.0001", "0.5", "1", "1.5", "3", "7", "8", "13", "33.33", "59", "100", "116", "151",
            "999.9999", "1000",
        ];
        let mut compared = 0;
        for p in points.map(dec) {
            for (i, w) in weights.map(dec).into_iter().enumerate() {
                for others in [&weights[..0], &weights[i..=i], &weights[..i], &weights[i..]] {
                    let total = w + others.iter().map(|o| dec(o)).sum::<Decimal>();
                    let expected = share_by_division(p, w, total).normalize();
                    // Whole numbers suffice for all of these, so `share`
                    // is not compared with the division it falls back on.
                    assert!(
                        share_in_whole_numbers(p, w, total).is_some(),
                        "{p} × {w} ÷ {total}"
                    );
                    let got = share(p, w, total);
                    assert_eq!(got, expected, "{p} × {w} ÷ {total}");
                    assert_eq!(got.to_string(), expected.to_string());
                    compared += 1;
                }
            }
        }
        assert_eq!(compared, 600);
    }

    #[test]
    fn a_share_is_cut_to_the_cent_and_has_no_trailing_zeros() {
        assert_eq!(share(dec("100"), dec("1"), dec("3")).to_string(), "33.33");
        assert_eq!(share(dec("100"), dec("2"), dec("3")).to_string(), "66.66");
        assert_eq!(share(dec("75"), dec("1.5"), dec("3.0")).to_string(), "37.5");
        assert_eq!(share(dec("50"), dec("1.50"), dec("3")).to_string(), "25");
        assert_eq!(share(dec("0"), dec("5"), dec("7")).to_string(), "0");
    }

    #[test]
    fn a_share_beyond_whole_numbers_falls_back_to_the_division() {
        let tiny = dec("0.0000000000000000000000000001");
        assert_eq!(
            share_in_whole_numbers(dec("100"), tiny, tiny * dec("3")),
            None
        );
        assert_eq!(share(dec("100"), tiny, tiny * dec("3")), dec("33.33"));
    }

    fn profile() -> Profile {
        Profile::new("Acme".into(), Timestamp::from_millis(0))
    }

    #[test]
    fn thresholds_give_the_points_of_the_highest_one_reached() {
        let t = |at: &str, points: u32| Threshold {
            unknown_fields: Default::default(),
            at_least: dec(at),
            points: Decimal::from(points),
        };
        let thresholds = [t("5000", 50), t("1000", 25), t("20000", 100)];
        assert_eq!(threshold_points(&thresholds, dec("999.99")), Decimal::ZERO);
        assert_eq!(
            threshold_points(&thresholds, dec("1000")),
            Decimal::from(25)
        );
        assert_eq!(
            threshold_points(&thresholds, dec("19999")),
            Decimal::from(50)
        );
        assert_eq!(
            threshold_points(&thresholds, dec("1000000")),
            Decimal::from(100)
        );
        assert_eq!(threshold_points(&[], dec("5")), Decimal::ZERO);
    }

    #[test]
    fn ratings_are_weighted_as_worked_out_by_hand() {
        let (ease, prestige, custom) = (
            rating("Ease", 3, Direction::AddsValue),
            rating("Prestige", 1, Direction::AddsValue),
            rating("Customization needed", 2, Direction::TakesAway),
        );
        let m = model(vec![ease.clone(), prestige.clone(), custom.clone()]);
        let mut p = profile();
        p.answers.insert(ease.id, Answer::Rating(4));
        p.answers.insert(prestige.id, Answer::Rating(2));
        p.answers.insert(custom.id, Answer::Rating(2));
        let e = score(&m, &p, &basis());
        // By hand: a rating r gives (r − 1) × 25 points; answered weight
        // 3 + 1 + 2 = 6.
        // Ease, rating 4: 75 points, 75 earned, 75 × 3 ÷ 6 = 37.5.
        // Prestige, rating 2: 25 points, 25 earned, 25 × 1 ÷ 6 = 4.166… → 4.16.
        // Customization, rating 2, takes value away: 25 points,
        // 100 − 25 = 75 earned, 75 × 2 ÷ 6 = 25.
        // Score 37.5 + 4.16 + 25 = 66.66: tier B (50 to under 75).
        let rows: Vec<_> = e
            .contributions
            .iter()
            .map(|c| (c.name.as_str(), c.points, c.earned, c.contribution))
            .collect();
        assert_eq!(
            rows,
            [
                ("Ease", dec("75"), dec("75"), dec("37.5")),
                ("Prestige", dec("25"), dec("25"), dec("4.16")),
                ("Customization needed", dec("25"), dec("75"), dec("25")),
            ]
        );
        assert_eq!(e.answered_weight, dec("6"));
        assert_eq!(e.score, Some(dec("66.66")));
        assert_eq!((e.tier_by_score, e.tier), (Some(Tier::B), Some(Tier::B)));
    }

    #[test]
    fn the_top_reasons_are_the_criteria_that_give_the_most_of_the_score() {
        let (ease, prestige, custom, unknown) = (
            rating("Ease", 3, Direction::AddsValue),
            rating("Prestige", 1, Direction::AddsValue),
            rating("Customization needed", 2, Direction::TakesAway),
            rating("Reach", 2, Direction::AddsValue),
        );
        let m = model(vec![
            ease.clone(),
            prestige.clone(),
            custom.clone(),
            unknown.clone(),
        ]);
        let mut p = profile();
        p.answers.insert(ease.id, Answer::Rating(4));
        p.answers.insert(prestige.id, Answer::Rating(2));
        p.answers.insert(custom.id, Answer::Rating(2));
        p.answers.insert(unknown.id, Answer::Rating(1));
        let e = score(&m, &p, &basis());
        // As worked out above, over the answered weight 8: Ease 75 × 3 ÷ 8
        // = 28.12, Customization (75 earned) 75 × 2 ÷ 8 = 18.75, Prestige
        // 25 × 1 ÷ 8 = 3.12; Reach, rated 1, gives 0 and is no reason.
        let top = |n| -> Vec<(&str, Decimal)> {
            e.top_reasons(n)
                .iter()
                .map(|c| (c.name.as_str(), c.contribution))
                .collect()
        };
        assert_eq!(
            top(2),
            [
                ("Ease", dec("28.12")),
                ("Customization needed", dec("18.75"))
            ]
        );
        assert_eq!(top(9).len(), 3, "Reach gives nothing");
    }

    #[test]
    fn a_criterion_that_takes_value_away_earns_its_weight_for_the_opposite() {
        let custom = rating("Customization needed", 1, Direction::TakesAway);
        let m = model(vec![custom.clone()]);
        let mut p = profile();
        p.answers.insert(custom.id, Answer::Rating(4));
        let e = score(&m, &p, &basis());
        assert_eq!(
            (e.contributions[0].points, e.contributions[0].earned),
            (dec("75"), dec("25"))
        );
        assert_eq!(e.score, Some(dec("25")));
    }

    #[test]
    fn missing_answers_are_left_out_and_the_weights_rescaled() {
        let (a, b, c) = (
            rating("A", 2, Direction::AddsValue),
            rating("B", 2, Direction::AddsValue),
            rating("C", 6, Direction::AddsValue),
        );
        let m = model(vec![a.clone(), b.clone(), c.clone()]);
        let mut p = profile();
        p.answers.insert(a.id, Answer::Rating(5));
        p.answers.insert(b.id, Answer::Rating(3));
        let e = score(&m, &p, &basis());
        assert_eq!(e.basis(), (2, 3));
        assert_eq!(e.missing, vec![(c.id, "C".to_owned())]);
        assert_eq!(e.answered_weight, Decimal::from(4));
        assert_eq!(e.score, Some(dec("75")), "(100×2 + 50×2) ÷ 4");
        assert_eq!(
            score(&m, &profile(), &basis()).score,
            None,
            "nothing answered, no score"
        );
    }

    #[test]
    fn shares_are_truncated_to_the_cent_so_the_score_never_passes_100() {
        let criteria: Vec<_> = (0..3)
            .map(|i| rating(&format!("C{i}"), 1, Direction::AddsValue))
            .collect();
        let m = model(criteria.clone());
        let mut p = profile();
        for c in &criteria {
            p.answers.insert(c.id, Answer::Rating(5));
        }
        let e = score(&m, &p, &basis());
        assert_eq!(e.contributions[0].contribution, dec("33.33"));
        assert_eq!(e.score, Some(dec("99.99")));
    }

    #[test]
    fn tiers_follow_the_thresholds_and_hard_rules_cap_them() {
        let t = TierThresholds::default();
        assert_eq!(
            [
                t.tier(dec("75")),
                t.tier(dec("74.99")),
                t.tier(dec("25")),
                t.tier(dec("0"))
            ],
            [Tier::A, Tier::B, Tier::C, Tier::D]
        );
        assert!(t.is_valid());
        assert!(
            !TierThresholds {
                unknown_fields: Default::default(),
                a: dec("40"),
                b: dec("50"),
                c: dec("10")
            }
            .is_valid()
        );

        let ease = rating("Ease", 1, Direction::AddsValue);
        let mut m = model(vec![ease.clone()]);
        m.hard_rules = vec![HardRule::UnprofitableAtMost(Tier::C)];
        let mut p = profile();
        p.answers.insert(ease.id, Answer::Rating(5));
        p.yearly_spend = Some(Money::new(dec("1000")));
        p.cost_to_serve = Some(Money::new(dec("1500")));
        let e = score(&m, &p, &basis());
        assert_eq!((e.tier_by_score, e.tier), (Some(Tier::A), Some(Tier::C)));
        assert_eq!(e.capped_by, Some(HardRule::UnprofitableAtMost(Tier::C)));
        p.cost_to_serve = Some(Money::new(dec("900")));
        assert_eq!(score(&m, &p, &basis()).tier, Some(Tier::A));
    }

    #[test]
    fn values_of_a_newer_build_count_as_not_known() {
        let kind = |kind| Criterion {
            kind,
            ..rating("Newer", 1, Direction::AddsValue)
        };
        let yes_no = |from| {
            kind(CriterionKind::YesNo {
                unknown_fields: Default::default(),
                from_profile: Some(from),
            })
        };
        let newer_kind = serde_json::json!({"kind": "slider", "max": 10});
        let ease = rating("Ease", 1, Direction::AddsValue);
        let m = model(vec![
            ease.clone(),
            rating("Sideways", 1, Direction::Unlisted("neutral")),
            kind(CriterionKind::Number {
                unknown_fields: Default::default(),
                measure: Measure::Unlisted("net_promoter_score"),
                thresholds: Vec::new(),
            }),
            kind(CriterionKind::Category {
                unknown_fields: Default::default(),
                field: CategoryField::Unlisted("country"),
                values: vec!["PL".into()],
            }),
            yes_no(ProfileAnswer::Unlisted("reviewed_us")),
            yes_no(ProfileAnswer::Referred),
            kind(CriterionKind::Unlisted(
                newer_kind.as_object().unwrap().clone(),
            )),
        ]);
        let mut p = profile();
        p.referred = YesNoUnknown::Unlisted("partly");
        p.financial.rating = crate::domain::profile::FinancialRating::Unlisted("excellent");
        for c in &m.criteria {
            p.answers.insert(c.id, Answer::Rating(5));
        }
        let e = score(&m, &p, &basis());
        let judged: Vec<_> = e.contributions.iter().map(|c| c.criterion).collect();
        assert_eq!(judged, [ease.id], "only the criterion known here");
        assert_eq!(e.missing.len(), 6);
        assert_eq!(e.score, Some(dec("100")));
    }

    #[test]
    fn fields_the_team_added_score_as_numbers_and_categories() {
        use crate::domain::CustomFieldId;
        let (contract, plan) = (CustomFieldId::new(), CustomFieldId::new());
        let size = Criterion {
            kind: CriterionKind::Number {
                unknown_fields: Default::default(),
                measure: Measure::custom(contract),
                thresholds: vec![
                    Threshold {
                        unknown_fields: Default::default(),
                        at_least: dec("10000"),
                        points: Decimal::from(50),
                    },
                    Threshold {
                        unknown_fields: Default::default(),
                        at_least: dec("50000"),
                        points: Decimal::from(100),
                    },
                ],
            },
            ..rating("Contract size", 1, Direction::AddsValue)
        };
        let gold = Criterion {
            kind: CriterionKind::Category {
                unknown_fields: Default::default(),
                field: CategoryField::custom(plan),
                values: vec!["Gold".into()],
            },
            ..rating("Gold plan", 1, Direction::AddsValue)
        };
        assert_eq!(Measure::custom(contract).custom_field(), Some(contract));
        assert_eq!(CategoryField::custom(plan).custom_field(), Some(plan));
        assert_eq!(Measure::YearlySpend.custom_field(), None);
        let m = model(vec![size, gold]);
        let mut p = profile();
        p.custom.insert(contract, "12500".into());
        p.custom.insert(plan, "gold".into());
        let e = score(&m, &p, &basis());
        let values: Vec<_> = e
            .contributions
            .iter()
            .map(|c| (c.value.as_str(), c.points))
            .collect();
        assert_eq!(values, [("12,500", dec("50")), ("gold", dec("100"))]);
        assert_eq!(e.score, Some(dec("75")));
        p.custom = Default::default();
        let e = score(&m, &p, &basis());
        assert_eq!(
            (e.score, e.missing.len()),
            (None, 2),
            "no values: nothing to judge"
        );
    }

    #[test]
    fn numbers_yes_no_and_categories_are_read_from_the_profile() {
        let revenue = Criterion {
            kind: CriterionKind::Number {
                unknown_fields: Default::default(),
                measure: Measure::YearlyRevenue,
                thresholds: vec![Threshold {
                    unknown_fields: Default::default(),
                    at_least: dec("1000000"),
                    points: Decimal::from(40),
                }],
            },
            ..rating("Revenue", 1, Direction::AddsValue)
        };
        let loyal = Criterion {
            kind: CriterionKind::YesNo {
                unknown_fields: Default::default(),
                from_profile: Some(ProfileAnswer::ReferredOrTestimonial),
            },
            ..rating("Referrals and testimonials", 1, Direction::AddsValue)
        };
        let retail = Criterion {
            kind: CriterionKind::Category {
                unknown_fields: Default::default(),
                field: CategoryField::Industry,
                values: vec!["Retail".into()],
            },
            ..rating("Retail", 1, Direction::AddsValue)
        };
        let m = model(vec![revenue, loyal, retail]);
        let mut p = profile();
        p.revenue = Some(Span::Range {
            low: Money::new(dec("500000")),
            high: Money::new(dec("2000000")),
        });
        p.testimonial = YesNoUnknown::Yes;
        p.industry = " retail ".into();
        let e = score(&m, &p, &basis());
        let values: Vec<_> = e
            .contributions
            .iter()
            .map(|c| (c.value.as_str(), c.points))
            .collect();
        assert_eq!(
            values,
            vec![
                (
                    "Company size: their own annual revenue: 1,250,000",
                    dec("40")
                ),
                ("Yes", dec("100")),
                ("retail", dec("100"))
            ]
        );
        assert_eq!(
            e.score,
            Some(dec("79.99")),
            "33.33 × 0.4 → 13.33, + 33.33 + 33.33"
        );
    }

    /// A small deterministic generator, so the property test needs no crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn scores_stay_within_0_to_100_and_survive_a_json_round_trip() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..1024 {
            let mut m = default_model(Timestamp::from_millis(0));
            for c in &mut m.criteria {
                c.weight = Decimal::new(rng.below(10_000) as i64, 2);
            }
            let mut p = profile();
            for c in &m.criteria {
                match rng.below(3) {
                    0 => {}
                    1 => drop(
                        p.answers
                            .insert(c.id, Answer::Rating(1 + rng.below(5) as u8)),
                    ),
                    _ => drop(p.answers.insert(c.id, Answer::YesNo(rng.below(2) == 1))),
                }
            }
            if rng.below(2) == 1 {
                p.monthly_spend = Some(Money::new(Decimal::new(rng.below(10_000_000) as i64, 2)));
                p.cost_to_serve = Some(Money::new(Decimal::new(rng.below(100_000_000) as i64, 2)));
            }
            if rng.below(2) == 1 {
                let low = rng.below(1000) as u32;
                p.employees = Some(Span::Range {
                    low,
                    high: low + rng.below(1000) as u32,
                });
            }
            p.purchases = (0..rng.below(8)).map(|i| format!("Item {i}")).collect();
            let e = score(&m, &p, &basis());
            if let Some(s) = e.score {
                assert!(s >= Decimal::ZERO && s <= HUNDRED, "{s}");
                // Each share is cut to the cent, so the score is at most
                // the weighted mean worked out in one division, and less
                // than a cent a criterion below it.
                let exact = e
                    .contributions
                    .iter()
                    .map(|c| c.earned * c.weight)
                    .sum::<Decimal>()
                    / e.answered_weight;
                let cents = Decimal::new(e.contributions.len() as i64, 2);
                assert!(s <= exact && exact - s < cents, "{s} from {exact}");
            }
            let m2: ScoringModel =
                serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
            let p2: Profile = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
            assert_eq!(score(&m2, &p2, &basis()), e);
        }
    }
}
