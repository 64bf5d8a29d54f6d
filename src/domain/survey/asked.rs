//! Round 2 asks about each criterion in its own kind: a 1-5 rating with the
//! meanings of 1, 3 and 5, yes or no, a number (an amount in the survey's
//! currency, a count) or a category. This module reads a rep's answers of
//! each kind, sums up what the best customers look like on a criterion,
//! and proposes the thresholds and category values of a model from it.

use super::SurveyCriterion;
use super::answer::same_customer_key;
use crate::domain::counts::Counts;
use crate::domain::currency::amount_text;
use crate::domain::decimal::grouped;
use crate::domain::input::{InputError, parse_amount, parse_name};
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::open_enum::name_of;
use crate::domain::scoring::{CategoryField, CriterionKind, Direction, Measure, Threshold};
use crate::{t, tn};
use rust_decimal::Decimal;
use serde_json::Map;

/// What 1, 3 and 5 mean for a criterion whose own meanings are not given,
/// in the interface's language ("Poor", "Average", "Excellent"): shown for
/// blank meanings, and stored as the meanings of a rating made now.
pub fn default_meanings() -> [&'static str; 3] {
    [
        t!(survey_meaning_poor),
        t!(survey_meaning_average),
        t!(survey_meaning_excellent),
    ]
}

/// How the model's thresholds and values are proposed, as shown on screen
/// (what [`Summary::proposed_kind`] does).
pub fn proposal_rule() -> &'static str {
    t!(survey_proposal_rule)
}

/// How round 2 asks about a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// A rating from 1 to 5.
    Rating,
    /// Yes or no.
    YesNo,
    /// A number, read like a profile's measure.
    Number(Measure),
    /// A category, like a profile's field.
    Category(CategoryField),
    /// A kind of a newer Clientele: not asked here.
    Unreadable,
}

impl SurveyCriterion {
    /// How round 2 asks about this criterion; a criterion without a kind
    /// (surveys of earlier versions) is a rating.
    pub fn asked(&self) -> Asked {
        match &self.kind {
            None | Some(CriterionKind::Rating { .. }) => Asked::Rating,
            Some(CriterionKind::YesNo { .. }) => Asked::YesNo,
            Some(CriterionKind::Number { measure, .. }) => Asked::Number(*measure),
            Some(CriterionKind::Category { field, .. }) => Asked::Category(*field),
            Some(CriterionKind::Unlisted(_)) => Asked::Unreadable,
        }
    }

    /// What 1, 3 and 5 mean, the criterion's own where it has them, else
    /// [`default_meanings`] in the interface's language.
    pub fn meanings(&self) -> [&str; 3] {
        let own = match &self.kind {
            Some(CriterionKind::Rating { meanings, .. }) => Some(meanings),
            _ => None,
        };
        let defaults = default_meanings();
        std::array::from_fn(|i| match own.map(|m| m[i].trim()) {
            Some(text) if !text.is_empty() => text,
            _ => defaults[i],
        })
    }
}

/// Every kind a coordinator can give a criterion of their own, as
/// (choice, label): the choice is what [`kind_of_choice`] reads (a code,
/// the same in every language), the label is shown.
pub fn kind_choices() -> Vec<(String, String)> {
    let mut choices = vec![
        ("rating".to_owned(), t!(survey_kind_rating).to_owned()),
        ("yes_no".to_owned(), t!(survey_kind_yes_no).to_owned()),
    ];
    for measure in Measure::ALL {
        choices.push((
            format!("number:{}", name_of(measure)),
            t!(survey_kind_number, measure = measure.label()),
        ));
    }
    for field in CategoryField::ALL {
        choices.push((
            format!("category:{}", name_of(field)),
            t!(survey_kind_category, field = field.label()),
        ));
    }
    choices
}

/// The kind a choice of [`kind_choices`] stands for, with no thresholds or
/// values yet (the survey's results propose them), a rating with the
/// [`default_meanings`] of the interface's language; `None` for another
/// text.
pub fn kind_of_choice(choice: &str) -> Option<CriterionKind> {
    let unknown_fields = Map::new();
    Some(match choice.split_once(':') {
        None if choice == "rating" => CriterionKind::Rating {
            meanings: default_meanings().map(str::to_owned),
            unknown_fields,
        },
        None if choice == "yes_no" => CriterionKind::YesNo {
            from_profile: None,
            unknown_fields,
        },
        Some(("number", measure)) => CriterionKind::Number {
            measure: Measure::ALL.into_iter().find(|m| name_of(*m) == measure)?,
            thresholds: Vec::new(),
            unknown_fields,
        },
        Some(("category", field)) => CriterionKind::Category {
            field: CategoryField::ALL
                .into_iter()
                .find(|f| name_of(*f) == field)?,
            values: Vec::new(),
            unknown_fields,
        },
        _ => return None,
    })
}

/// The choice of [`kind_choices`] a criterion's kind is.
pub fn choice_of(criterion: &SurveyCriterion) -> String {
    match criterion.asked() {
        Asked::Rating | Asked::Unreadable => "rating".to_owned(),
        Asked::YesNo => "yes_no".to_owned(),
        Asked::Number(measure) => format!("number:{}", name_of(measure)),
        Asked::Category(field) => format!("category:{}", name_of(field)),
    }
}

/// A rep's answer as typed for a criterion asked as a yes / no, a number
/// or a category, as it is kept: `yes` or `no`, the number in plain digits
/// (`1250000.5`), the category trimmed. `Ok(None)` for a blank answer.
pub fn read_answer(asked: Asked, typed: &str) -> Result<Option<String>, InputError> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    match asked {
        Asked::YesNo => match typed {
            "yes" | "no" => Ok(Some(typed.to_owned())),
            _ => Err(InputError::Required),
        },
        Asked::Number(_) => parse_amount(typed).map(|n| n.map(|n| n.normalize().to_string())),
        Asked::Category(_) => parse_name(typed, MAX_NAME_CHARS).map(Some),
        Asked::Rating | Asked::Unreadable => Err(InputError::Required),
    }
}

/// Whether `kept`, an answer as [`read_answer`] keeps it (or as a file
/// holds it), is an answer of kind `asked`.
pub fn is_answer(asked: Asked, kept: &str) -> bool {
    match asked {
        Asked::YesNo => matches!(kept, "yes" | "no"),
        Asked::Number(_) => kept.parse::<Decimal>().is_ok_and(|n| !n.is_sign_negative()),
        Asked::Category(_) => !kept.trim().is_empty(),
        Asked::Rating | Asked::Unreadable => false,
    }
}

/// Number `n` of a criterion asked as `asked`, as the interface's language
/// writes it: an amount in `currency` when the criterion is money.
fn number_text(asked: Asked, n: Decimal, currency: &str) -> String {
    match asked {
        Asked::Number(measure) if measure.is_money() => amount_text(n, currency),
        _ => grouped(n),
    }
}

/// What the best customers look like on one criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Summary {
    /// A rating: the mean, spread and agreement say it.
    Ratings,
    /// How many of the best customers have it.
    YesShare {
        /// Answered yes.
        yes: usize,
        /// Answered at all.
        of: usize,
    },
    /// The middle of the numbers given, and their range.
    Median {
        /// The median.
        median: Decimal,
        /// The smallest.
        low: Decimal,
        /// The largest.
        high: Decimal,
        /// How many numbers.
        of: usize,
    },
    /// Each category named, most often first (then as first written).
    MostCommon {
        /// Category as first written, and how many customers.
        counts: Vec<(String, usize)>,
        /// How many customers in all.
        of: usize,
    },
    /// Nobody answered, or a kind this version cannot read.
    Nothing,
}

impl Summary {
    /// What the answers kept for a criterion (one per best customer) add
    /// up to; answers that do not read as the kind are left out.
    pub fn of(asked: Asked, answers: &[&str]) -> Self {
        match asked {
            Asked::Rating => Self::Ratings,
            Asked::Unreadable => Self::Nothing,
            _ if answers.is_empty() => Self::Nothing,
            Asked::YesNo => {
                let of = answers
                    .iter()
                    .filter(|a| matches!(**a, "yes" | "no"))
                    .count();
                let yes = answers.iter().filter(|a| **a == "yes").count();
                if of == 0 {
                    return Self::Nothing;
                }
                Self::YesShare { yes, of }
            }
            Asked::Number(_) => {
                let numbers: Vec<Decimal> = answers.iter().filter_map(|a| a.parse().ok()).collect();
                match (numbers.iter().min(), numbers.iter().max()) {
                    (Some(low), Some(high)) => Self::Median {
                        median: super::results::median(&numbers),
                        low: *low,
                        high: *high,
                        of: numbers.len(),
                    },
                    _ => Self::Nothing,
                }
            }
            Asked::Category(_) => {
                let mut counts = Counts::default();
                for answer in answers.iter().filter(|a| is_answer(asked, a)) {
                    counts.add(same_customer_key(answer), answer.trim());
                }
                let of = counts.total();
                if of == 0 {
                    return Self::Nothing;
                }
                Self::MostCommon {
                    counts: counts.most_first(),
                    of,
                }
            }
        }
    }

    /// The summary in words, on screen and in the results' CSV, in the
    /// interface's language, amounts in `currency` when the criterion is
    /// money ("Median 120,000 PLN (80,000 to 200,000), 6 answers";
    /// "Mediana 120 000 PLN (od 80 000 do 200 000), 6 odpowiedzi"); empty
    /// for a rating, whose figures have columns of their own.
    pub fn shown(&self, asked: Asked, currency: &str) -> String {
        match self {
            Self::Ratings => String::new(),
            Self::Nothing => t!(survey_summary_no_answers).to_owned(),
            Self::YesShare { yes, of } => {
                let share = Decimal::from(*yes * 100) / Decimal::from((*of).max(1));
                t!(
                    survey_summary_yes_share,
                    yes = yes,
                    of = of,
                    share = share.round_dp(0)
                )
            }
            Self::Median {
                median,
                low,
                high,
                of,
            } => tn!(
                survey_summary_median,
                *of,
                median = number_text(asked, *median, currency),
                low = grouped(*low),
                high = grouped(*high)
            ),
            Self::MostCommon { counts, of } => t!(
                survey_summary_most_common,
                counts = Self::named(counts),
                of = of
            ),
        }
    }

    /// Categories with their counts: "Manufacturing (4), Retail (2)".
    fn named(counts: &[(String, usize)]) -> String {
        let named: Vec<String> = counts
            .iter()
            .map(|(name, n)| format!("{name} ({n})"))
            .collect();
        named.join(", ")
    }

    /// The summary of one customer's answers, for a cell of the results
    /// per customer: the answer itself when one rep gave it ("Yes",
    /// "120,000 PLN", "Retail"), else as [`Self::shown`] says it; "—" for
    /// none.
    pub fn cell(&self, asked: Asked, currency: &str) -> String {
        match self {
            Self::Nothing => "—".to_owned(),
            Self::YesShare { yes, of: 1 } => (if *yes == 1 {
                t!(survey_answer_yes)
            } else {
                t!(survey_answer_no)
            })
            .to_owned(),
            Self::Median { median, of: 1, .. } => number_text(asked, *median, currency),
            Self::MostCommon { counts, of: 1 } => counts[0].0.clone(),
            _ => self.shown(asked, currency),
        }
    }

    /// The kind a model made from the survey gives `criterion`, with its
    /// thresholds or values proposed from this summary ([`proposal_rule`]);
    /// `None` when there is nothing to propose.
    pub fn proposed_kind(&self, criterion: &SurveyCriterion) -> Option<CriterionKind> {
        let unknown_fields = Map::new();
        match (criterion.asked(), self) {
            (Asked::Number(measure), Self::Median { median, .. }) if *median > Decimal::ZERO => {
                let (full, half) = match criterion.direction {
                    Direction::TakesAway => (
                        *median * Decimal::TWO,
                        (*median * Decimal::new(15, 1)).round_dp(2),
                    ),
                    _ => (*median, (*median / Decimal::TWO).round_dp(2)),
                };
                let threshold = |at_least: Decimal, points: i64| Threshold {
                    at_least: at_least.normalize(),
                    points: Decimal::from(points),
                    unknown_fields: Map::new(),
                };
                Some(CriterionKind::Number {
                    measure,
                    thresholds: vec![threshold(full, 100), threshold(half, 50)],
                    unknown_fields,
                })
            }
            (Asked::Category(field), Self::MostCommon { counts, of }) => {
                let values = counts
                    .iter()
                    .enumerate()
                    .filter(|(i, (_, n))| *i == 0 || n * 5 >= *of)
                    .map(|(_, (name, _))| name.clone())
                    .collect();
                Some(CriterionKind::Category {
                    field,
                    values,
                    unknown_fields,
                })
            }
            _ => None,
        }
    }
}

/// A proposed kind in words, in the interface's language, for the list of
/// what goes into the model: "from 120,000: 100 points; from 60,000: 50
/// points" or "matches Manufacturing, Retail"; empty for other kinds.
pub fn proposal_text(kind: &CriterionKind) -> String {
    match kind {
        CriterionKind::Number { thresholds, .. } => {
            let steps: Vec<String> = thresholds
                .iter()
                .map(|step| {
                    let at = grouped(step.at_least);
                    let points = step.points.normalize();
                    // Whole points take the noun's form for their count.
                    match u64::try_from(points).ok().filter(|_| points.is_integer()) {
                        Some(n) => tn!(survey_proposal_step, n, at = at),
                        None => t!(
                            survey_proposal_step_fraction,
                            at = at,
                            points = grouped(points)
                        ),
                    }
                })
                .collect();
            steps.join("; ")
        }
        CriterionKind::Category { values, .. } => {
            t!(survey_proposal_matches, values = values.join(", "))
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::CriterionId;

    fn criterion(choice: &str, direction: Direction) -> SurveyCriterion {
        SurveyCriterion {
            id: CriterionId::new(),
            name: "C".into(),
            description: String::new(),
            kind: kind_of_choice(choice),
            direction,
            unknown_fields: Map::new(),
        }
    }

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn steps(kind: Option<CriterionKind>) -> Vec<(Decimal, Decimal)> {
        match kind {
            Some(CriterionKind::Number { thresholds, .. }) => {
                thresholds.iter().map(|t| (t.at_least, t.points)).collect()
            }
            other => panic!("a number criterion gets thresholds, not {other:?}"),
        }
    }

    const SPEND: Asked = Asked::Number(Measure::YearlySpend);
    const INDUSTRY: Asked = Asked::Category(CategoryField::Industry);

    #[test]
    fn every_kind_choice_reads_back_as_itself() {
        let choices = kind_choices();
        assert_eq!(
            choices.len(),
            2 + Measure::ALL.len() + CategoryField::ALL.len()
        );
        for (choice, _) in &choices {
            let c = criterion(choice, Direction::AddsValue);
            assert!(c.kind.is_some(), "{choice}");
            assert_eq!(&choice_of(&c), choice);
        }
        assert_eq!(kind_of_choice("number:shoe_size"), None);
        assert_eq!(kind_of_choice("slider"), None);
        let old = SurveyCriterion {
            kind: None,
            ..criterion("rating", Direction::AddsValue)
        };
        assert_eq!(old.asked(), Asked::Rating, "earlier surveys rate 1-5");
        assert_eq!(old.meanings(), default_meanings());
        assert_eq!(old.meanings(), ["Poor", "Average", "Excellent"]);
    }

    #[test]
    fn the_screen_and_its_spreadsheet_speak_polish_while_choices_and_answers_stay_as_they_are() {
        use crate::i18n::{Language, set_language};
        let stored_in_english = criterion("rating", Direction::AddsValue);
        set_language(Language::Polish);
        // Choices are codes: each still reads back; only the labels change.
        let choices = kind_choices();
        assert_eq!(choices[0], ("rating".into(), "Ocena od 1 do 5".into()));
        assert_eq!(choices[1], ("yes_no".into(), "Tak lub nie".into()));
        for (choice, _) in &choices {
            assert_eq!(&choice_of(&criterion(choice, Direction::AddsValue)), choice);
        }
        // Default meanings: shown for none, stored in the language of the
        // moment; meanings stored earlier are the user's and stay.
        let old = SurveyCriterion {
            kind: None,
            ..criterion("rating", Direction::AddsValue)
        };
        assert_eq!(old.meanings(), ["Słabo", "Przeciętnie", "Doskonale"]);
        assert_eq!(
            criterion("rating", Direction::AddsValue).kind,
            Some(CriterionKind::Rating {
                meanings: ["Słabo", "Przeciętnie", "Doskonale"].map(str::to_owned),
                unknown_fields: Map::new(),
            })
        );
        assert_eq!(
            stored_in_english.meanings(),
            ["Poor", "Average", "Excellent"]
        );
        // Answers are kept as codes, whatever the language.
        assert_eq!(read_answer(Asked::YesNo, "yes"), Ok(Some("yes".into())));
        let yes = Summary::of(Asked::YesNo, &["yes", "no", "yes"]);
        assert_eq!(yes.shown(Asked::YesNo, ""), "tak: 2 z 3 (67%)");
        assert_eq!(
            Summary::of(Asked::YesNo, &["yes"]).cell(Asked::YesNo, ""),
            "Tak"
        );
        assert_eq!(
            Summary::of(Asked::YesNo, &["no"]).cell(Asked::YesNo, ""),
            "Nie"
        );
        let spend = Summary::of(SPEND, &["120000", "80000", "200000", "95000"]);
        assert_eq!(
            spend.shown(SPEND, "PLN"),
            "Mediana 107\u{a0}500\u{a0}zł (od 80\u{a0}000 do 200\u{a0}000), 4 odpowiedzi"
        );
        assert_eq!(
            Summary::of(SPEND, &["5"]).shown(SPEND, ""),
            "Mediana 5 (od 5 do 5), 1 odpowiedź"
        );
        assert_eq!(
            Summary::of(INDUSTRY, &["Retail", "retail", "Food"]).shown(INDUSTRY, ""),
            "Retail (2), Food (1); razem 3"
        );
        assert_eq!(
            Summary::Nothing.shown(INDUSTRY, ""),
            "Nie ma jeszcze odpowiedzi."
        );
        let takes = criterion("number:cost_to_win", Direction::TakesAway);
        let proposed = Summary::of(SPEND, &["10000"])
            .proposed_kind(&takes)
            .unwrap();
        assert_eq!(
            proposal_text(&proposed),
            "od 20\u{a0}000: 100 punktów; od 15\u{a0}000: 50 punktów"
        );
        let category = CriterionKind::Category {
            field: CategoryField::Industry,
            values: vec!["Manufacturing".into(), "Retail".into()],
            unknown_fields: Map::new(),
        };
        assert_eq!(
            proposal_text(&category),
            "pasujące wartości: Manufacturing, Retail"
        );
        assert!(proposal_rule().starts_with("Liczby:"));
        set_language(Language::English);
        assert_eq!(proposal_text(&category), "matches Manufacturing, Retail");
    }

    #[test]
    fn points_that_are_not_whole_are_still_said() {
        let kind = CriterionKind::Number {
            measure: Measure::YearlySpend,
            thresholds: vec![Threshold {
                at_least: d("1000"),
                points: d("2.5"),
                unknown_fields: Map::new(),
            }],
            unknown_fields: Map::new(),
        };
        assert_eq!(proposal_text(&kind), "from 1,000: 2.50 points");
        let one = CriterionKind::Number {
            measure: Measure::YearlySpend,
            thresholds: vec![Threshold {
                at_least: d("10"),
                points: d("1.0"),
                unknown_fields: Map::new(),
            }],
            unknown_fields: Map::new(),
        };
        assert_eq!(proposal_text(&one), "from 10: 1 point");
    }

    #[test]
    fn answers_are_read_as_their_kind_and_kept_plain() {
        assert_eq!(read_answer(Asked::YesNo, "yes"), Ok(Some("yes".into())));
        assert_eq!(read_answer(Asked::YesNo, ""), Ok(None));
        assert!(read_answer(Asked::YesNo, "maybe").is_err());
        assert_eq!(
            read_answer(SPEND, "1 250 000,50"),
            Ok(Some("1250000.5".into())),
            "Polish and English forms alike"
        );
        assert_eq!(read_answer(SPEND, "  "), Ok(None));
        assert_eq!(read_answer(SPEND, "-5"), Err(InputError::NotANumber));
        assert_eq!(
            read_answer(INDUSTRY, "  Manufacturing "),
            Ok(Some("Manufacturing".into()))
        );
        assert!(matches!(
            read_answer(INDUSTRY, &"x".repeat(121)),
            Err(InputError::TooLong { max: 120, .. })
        ));
        assert!(is_answer(SPEND, "0.125") && !is_answer(SPEND, "-1"));
        assert!(!is_answer(Asked::YesNo, "Yes") && !is_answer(INDUSTRY, " "));
    }

    #[test]
    fn yes_or_no_gives_the_share_of_yes() {
        let summary = Summary::of(Asked::YesNo, &["yes", "no", "yes", "maybe"]);
        assert_eq!(summary, Summary::YesShare { yes: 2, of: 3 });
        assert_eq!(summary.shown(Asked::YesNo, ""), "2 of 3 yes (67%)");
        assert_eq!(Summary::of(Asked::YesNo, &["maybe"]), Summary::Nothing);
    }

    #[test]
    fn numbers_give_their_median_and_propose_thresholds_from_it() {
        // Sorted: 80,000, 95,000, 120,000 and 200,000: the median is the
        // mean of the middle two, (95,000 + 120,000) / 2 = 107,500.
        let summary = Summary::of(SPEND, &["120000", "80000", "200000", "95000", "n/a"]);
        assert_eq!(
            summary,
            Summary::Median {
                median: d("107500"),
                low: d("80000"),
                high: d("200000"),
                of: 4
            }
        );
        assert_eq!(
            summary.shown(SPEND, "PLN"),
            "Median 107,500 PLN (80,000 to 200,000), 4 answers"
        );
        // Adds value: full points from the median, half from half of it.
        let adds = criterion("number:yearly_spend", Direction::AddsValue);
        assert_eq!(
            steps(summary.proposed_kind(&adds)),
            [(d("107500"), d("100")), (d("53750"), d("50"))]
        );
        // Takes value away: half its points lost from 1.5 times the median
        // (15,000), all from twice it (20,000).
        let takes = criterion("number:cost_to_win", Direction::TakesAway);
        let proposed = Summary::of(SPEND, &["10000"]).proposed_kind(&takes);
        assert_eq!(
            steps(proposed.clone()),
            [(d("20000"), d("100")), (d("15000"), d("50"))]
        );
        assert_eq!(
            proposal_text(&proposed.unwrap()),
            "from 20,000: 100 points; from 15,000: 50 points"
        );
        assert_eq!(
            Summary::of(SPEND, &["0"]).proposed_kind(&adds),
            None,
            "no median above 0, nothing to propose"
        );
    }

    #[test]
    fn categories_give_the_most_common_and_propose_those_named_for_a_fifth() {
        let named = [
            "Manufacturing",
            "Retail",
            "manufacturing ",
            "Logistics",
            "MANUFACTURING",
            "Energy",
            "retail",
            "Food",
            "Manufacturing",
            "Media",
        ];
        let summary = Summary::of(INDUSTRY, &named);
        let Summary::MostCommon { counts, of } = &summary else {
            panic!("categories are counted");
        };
        assert_eq!(*of, 10);
        let counted: Vec<(&str, usize)> = counts.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        assert_eq!(
            counted,
            [
                ("Manufacturing", 4),
                ("Retail", 2),
                ("Logistics", 1),
                ("Energy", 1),
                ("Food", 1),
                ("Media", 1)
            ]
        );
        // A fifth of 10 is 2: Manufacturing and Retail.
        let c = criterion("category:industry", Direction::AddsValue);
        let Some(CriterionKind::Category { field, values, .. }) = summary.proposed_kind(&c) else {
            panic!("a category criterion gets values");
        };
        assert_eq!(field, CategoryField::Industry);
        assert_eq!(values, ["Manufacturing", "Retail"]);
        assert_eq!(
            summary.shown(INDUSTRY, ""),
            "Manufacturing (4), Retail (2), Logistics (1), Energy (1), Food (1), Media (1) of 10"
        );
        // Each named once: the most common (the first) still matches.
        let spread = Summary::of(INDUSTRY, &["A", "B", "C", "D", "E", "F"]);
        let Some(CriterionKind::Category { values, .. }) = spread.proposed_kind(&c) else {
            panic!("a category criterion gets values");
        };
        assert_eq!(values, ["A"]);
    }

    #[test]
    fn a_customers_cell_shows_the_one_answer_itself_and_sums_up_several() {
        let cell = |asked: Asked, answers: &[&str]| Summary::of(asked, answers).cell(asked, "PLN");
        assert_eq!(cell(Asked::YesNo, &["yes"]), "Yes");
        assert_eq!(cell(Asked::YesNo, &["no"]), "No");
        assert_eq!(cell(Asked::YesNo, &["yes", "no"]), "1 of 2 yes (50%)");
        assert_eq!(cell(SPEND, &["1250000.5"]), "1,250,000.50 PLN");
        assert_eq!(
            cell(SPEND, &["100", "300"]),
            "Median 200 PLN (100 to 300), 2 answers"
        );
        assert_eq!(cell(INDUSTRY, &[" Retail "]), "Retail");
        assert_eq!(cell(INDUSTRY, &["Retail", "retail"]), "Retail (2) of 2");
        assert_eq!(cell(INDUSTRY, &[]), "—");
    }
}
