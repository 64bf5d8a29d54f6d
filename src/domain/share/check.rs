//! Checks of records read from a file, before they are offered for merge.
//! The app's forms validate what people type; a file can hold anything, so
//! each record is checked on its own and repaired or skipped with a reason
//! (a fault in one record never sinks the whole file).

use crate::domain::icp::{ChartValues, Worksheet};
use crate::domain::input::{Span, parse_currency, parse_email, parse_website};
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::scoring::{Answer, CriterionKind, ScoringModel};
use crate::domain::survey::{RATING_RANGE, SurveyAnswer};
use crate::domain::{
    AddressId, Birthday, ColumnId, CompetitorId, CriterionId, Date, GoalId, LogEntryId,
    OpportunityId, PersonId, Profile, StepId,
};
use crate::t;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;
use uuid::Uuid;

/// Something put right in a record that is still imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// A web address that is not http or https (`javascript:`, `data:`) was
    /// left out.
    WebsiteRemoved(String),
    /// An e-mail address that is not one was left out.
    EmailRemoved(String),
    /// A name longer than the form allows was shortened to that length.
    NameShortened {
        /// The limit, in characters.
        max: usize,
    },
    /// A person's influence outside 1 to 5 was left out.
    InfluenceRemoved,
    /// A range whose low end is above its high end was left out: the
    /// field's name, in the page's language.
    ReversedRange(&'static str),
    /// A currency that is not a three-letter code was left out.
    CurrencyRemoved(String),
    /// A rating outside 1 to 5 was left out.
    RatingRemoved,
    /// A person's birthday that is no day of the calendar (31 April, month
    /// 13) or has a year before 1900 was left out.
    BirthdayRemoved,
    /// Text that looks like HTML or script: kept, and only ever shown as text.
    LooksLikeMarkup,
    /// Rows of one list (people, addresses, columns, criteria) shared an id;
    /// each repeat got a new one, so that editing or removing one row never
    /// touches another. The list's name, in the page's language (plural,
    /// as "people").
    RepeatedIdsRenewed(&'static str),
}

/// Why a record of a file is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// The record could not be read (a missing field or a wrong value).
    Unreadable(String),
    /// It has no name.
    NoName,
    /// Its id appears earlier in the same file.
    DuplicateId,
    /// A scoring model with a negative weight or tiers out of order.
    InvalidModel,
    /// A scoring model whose thresholds give points outside 0 to 100.
    PointsOutOfRange,
}

/// Checks and repairs an imported profile.
pub fn check_profile(profile: &mut Profile) -> Result<Vec<Repair>, Skip> {
    let mut repairs = Vec::new();
    check_name(&mut profile.name, &mut repairs)?;
    if let Some(website) = profile.website.take() {
        // Kept as the form would keep it: trimmed, with `https://` added to
        // a bare domain, so that the link never points inside the app.
        match parse_website(&website) {
            Ok(Some(address)) => profile.website = Some(address),
            _ => repairs.push(Repair::WebsiteRemoved(website)),
        }
    }
    check_email(&mut profile.hq_email, &mut repairs);
    if !profile.currency.is_empty() {
        match parse_currency(&profile.currency) {
            Ok(code) => profile.currency = code,
            Err(_) => repairs.push(Repair::CurrencyRemoved(std::mem::take(
                &mut profile.currency,
            ))),
        }
    }
    let answers = profile.answers.len();
    profile
        .answers
        .retain(|_, answer| !matches!(answer, Answer::Rating(r) if !(1..=5).contains(r)));
    if profile.answers.len() < answers {
        repairs.push(Repair::RatingRemoved);
    }
    drop_reversed(
        &mut profile.employees,
        t!(data_field_employees),
        &mut repairs,
    );
    drop_reversed(&mut profile.revenue, t!(data_field_revenue), &mut repairs);
    for person in &mut profile.people {
        check_email(&mut person.email, &mut repairs);
        if person.influence.is_some_and(|i| !(1..=5).contains(&i)) {
            person.influence = None;
            repairs.push(Repair::InfluenceRemoved);
        }
        if person
            .birthday
            .as_ref()
            .is_some_and(|b| !is_real_birthday(b))
        {
            person.birthday = None;
            repairs.push(Repair::BirthdayRemoved);
        }
    }
    let salt = profile.id.as_uuid();
    let renewed = [
        renew_repeated_ids(
            &mut profile.addresses,
            |r| &mut r.id,
            AddressId::as_uuid,
            AddressId::from_uuid,
            salt,
        )
        .then_some(t!(data_repair_list_addresses)),
        renew_repeated_ids(
            &mut profile.people,
            |r| &mut r.id,
            PersonId::as_uuid,
            PersonId::from_uuid,
            salt,
        )
        .then_some(t!(data_repair_list_people)),
        renew_repeated_ids(
            &mut profile.opportunities,
            |r| &mut r.id,
            OpportunityId::as_uuid,
            OpportunityId::from_uuid,
            salt,
        )
        .then_some(t!(data_repair_list_opportunities)),
        renew_repeated_ids(
            &mut profile.competitors,
            |r| &mut r.id,
            CompetitorId::as_uuid,
            CompetitorId::from_uuid,
            salt,
        )
        .then_some(t!(data_repair_list_competitors)),
        renew_repeated_ids(
            &mut profile.action_plan,
            |r| &mut r.id,
            StepId::as_uuid,
            StepId::from_uuid,
            salt,
        )
        .then_some(t!(data_repair_list_steps)),
        renew_repeated_ids(
            &mut profile.log,
            |r| &mut r.id,
            LogEntryId::as_uuid,
            LogEntryId::from_uuid,
            salt,
        )
        .then_some(t!(data_repair_list_log)),
        renew_repeated_ids(
            &mut profile.account_plan,
            |r| &mut r.id,
            GoalId::as_uuid,
            GoalId::from_uuid,
            salt,
        )
        .then_some(t!(data_repair_list_goals)),
    ];
    repairs.extend(
        renewed
            .into_iter()
            .flatten()
            .map(Repair::RepeatedIdsRenewed),
    );
    note_markup(profile, &mut repairs);
    Ok(repairs)
}

/// Gives a new id to each row whose id an earlier row of the list has;
/// whether any was renewed. The new id is worked out from the old one, the
/// record's id (`salt`) and how many repeats came before, never drawn at
/// random: the same file then gives the same ids each time it is read, so
/// importing it again changes nothing and finds the same people.
fn renew_repeated_ids<T, I>(
    rows: &mut [T],
    id: fn(&mut T) -> &mut I,
    uuid_of: fn(&I) -> Uuid,
    make: fn(Uuid) -> I,
    salt: Uuid,
) -> bool {
    // By UUID, in the one set type the app compiles for ids.
    let mut seen = HashSet::new();
    let mut repeats: u128 = 0;
    for row in rows {
        let slot = id(row);
        while !seen.insert(uuid_of(slot)) {
            repeats += 1;
            *slot = make(derived_id(uuid_of(slot), salt, repeats));
        }
    }
    repeats > 0
}

/// A version-4-shaped UUID mixed from `original`, `salt` and `n`.
fn derived_id(original: Uuid, salt: Uuid, n: u128) -> Uuid {
    const SPREAD: u128 = 0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C834;
    let mixed = original.as_u128() ^ salt.as_u128().rotate_left(41) ^ n.wrapping_mul(SPREAD);
    uuid::Builder::from_random_bytes(mixed.to_be_bytes()).into_uuid()
}

/// Checks an imported scoring model.
pub fn check_model(model: &mut ScoringModel) -> Result<Vec<Repair>, Skip> {
    let mut repairs = Vec::new();
    check_name(&mut model.name, &mut repairs)?;
    if model.criteria.iter().any(|c| c.weight.is_sign_negative()) || !model.tiers.is_valid() {
        return Err(Skip::InvalidModel);
    }
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    let points_out_of_range = model.criteria.iter().any(|c| match &c.kind {
        CriterionKind::Number { thresholds, .. } => thresholds
            .iter()
            .any(|t| t.points.is_sign_negative() || t.points > hundred),
        _ => false,
    });
    if points_out_of_range {
        return Err(Skip::PointsOutOfRange);
    }
    if renew_repeated_ids(
        &mut model.criteria,
        |c| &mut c.id,
        CriterionId::as_uuid,
        CriterionId::from_uuid,
        model.id.as_uuid(),
    ) {
        repairs.push(Repair::RepeatedIdsRenewed(t!(data_repair_list_criteria)));
    }
    note_markup(model, &mut repairs);
    Ok(repairs)
}

/// Checks and repairs an imported ICP worksheet: a column's range going
/// down is left out, as on a profile.
pub fn check_worksheet(worksheet: &mut Worksheet) -> Result<Vec<Repair>, Skip> {
    let mut repairs = Vec::new();
    check_name(&mut worksheet.name, &mut repairs)?;
    for column in &mut worksheet.columns {
        // A blank label is one from before labels were kept: not an error.
        if column.label.chars().count() > MAX_NAME_CHARS {
            column.label = column.label.chars().take(MAX_NAME_CHARS).collect();
            repairs.push(Repair::NameShortened {
                max: MAX_NAME_CHARS,
            });
        }
        let ChartValues {
            employees,
            revenue,
            years,
            ..
        } = &mut column.values;
        drop_reversed(employees, t!(data_field_employees), &mut repairs);
        drop_reversed(revenue, t!(data_field_revenue), &mut repairs);
        drop_reversed(years, t!(data_repair_years_as_customer), &mut repairs);
    }
    if renew_repeated_ids(
        &mut worksheet.columns,
        |c| &mut c.id,
        ColumnId::as_uuid,
        ColumnId::from_uuid,
        worksheet.id.as_uuid(),
    ) {
        repairs.push(Repair::RepeatedIdsRenewed(t!(data_repair_list_columns)));
    }
    note_markup(worksheet, &mut repairs);
    Ok(repairs)
}

/// Checks an imported answer to a survey: ratings outside 1 to 5 are left
/// out.
pub fn check_survey_answer(answer: &mut SurveyAnswer) -> Result<Vec<Repair>, Skip> {
    let mut repairs = Vec::new();
    check_name(&mut answer.respondent, &mut repairs)?;
    let mut removed = false;
    for customer in &mut answer.customers {
        let before = customer.ratings.len();
        customer.ratings.retain(|_, r| RATING_RANGE.contains(r));
        removed |= customer.ratings.len() < before;
    }
    if removed {
        repairs.push(Repair::RatingRemoved);
    }
    note_markup(answer, &mut repairs);
    Ok(repairs)
}

/// Checks any other named record; `name` picks its name (or title) out.
/// The markup check covers the whole record, the name included.
pub fn check_named<T: Serialize>(
    record: &mut T,
    name: fn(&mut T) -> &mut String,
) -> Result<Vec<Repair>, Skip> {
    let mut repairs = Vec::new();
    check_name(name(record), &mut repairs)?;
    note_markup(record, &mut repairs);
    Ok(repairs)
}

/// Whether a birthday is a day of the calendar (29 February without a
/// year is one) with no year before 1900.
fn is_real_birthday(birthday: &Birthday) -> bool {
    let year = birthday.year.unwrap_or(2000);
    year >= 1900 && Date::new(year, birthday.month.into(), birthday.day.into()).is_some()
}

fn is_reversed<T: PartialOrd>(span: &Span<T>) -> bool {
    matches!(span, Span::Range { low, high } if low > high)
}

fn drop_reversed<T: PartialOrd>(
    span: &mut Option<Span<T>>,
    field: &'static str,
    repairs: &mut Vec<Repair>,
) {
    if span.as_ref().is_some_and(is_reversed) {
        *span = None;
        repairs.push(Repair::ReversedRange(field));
    }
}

fn check_name(name: &mut String, repairs: &mut Vec<Repair>) -> Result<(), Skip> {
    if name.trim().is_empty() {
        return Err(Skip::NoName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        *name = name.chars().take(MAX_NAME_CHARS).collect();
        repairs.push(Repair::NameShortened {
            max: MAX_NAME_CHARS,
        });
    }
    Ok(())
}

fn check_email(email: &mut Option<String>, repairs: &mut Vec<Repair>) {
    if let Some(text) = email.take() {
        match parse_email(&text) {
            Ok(Some(address)) => *email = Some(address),
            _ => repairs.push(Repair::EmailRemoved(text)),
        }
    }
}

fn note_markup<T: Serialize>(record: &T, repairs: &mut Vec<Repair>) {
    let value = crate::domain::json::to_value(record);
    if any_text(&value, &looks_like_markup) {
        repairs.push(Repair::LooksLikeMarkup);
    }
}

fn any_text(value: &Value, test: &dyn Fn(&str) -> bool) -> bool {
    match value {
        Value::String(s) => test(s),
        Value::Array(items) => items.iter().any(|v| any_text(v, test)),
        Value::Object(map) => map.values().any(|v| any_text(v, test)),
        _ => false,
    }
}

/// Whether text looks like an HTML tag or a script address.
pub fn looks_like_markup(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("javascript:")
        || lower.match_indices('<').any(|(i, _)| {
            lower[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;
    use crate::domain::profile::Person;

    fn profile(name: &str) -> Profile {
        Profile::new(
            name.into(),
            "2026-11-22T06:43:03Z".parse::<Timestamp>().unwrap(),
        )
    }

    #[test]
    fn a_script_address_is_left_out_and_said() {
        // Left out, so nothing that looks like script is kept.
        let mut p = profile("Acme");
        p.website = Some("javascript:alert(1)".into());
        let repairs = check_profile(&mut p).unwrap();
        assert_eq!(p.website, None);
        assert_eq!(
            repairs,
            vec![Repair::WebsiteRemoved("javascript:alert(1)".into())]
        );
    }

    #[test]
    fn a_profile_without_a_name_is_skipped_and_a_long_one_shortened() {
        assert_eq!(check_profile(&mut profile("  ")), Err(Skip::NoName));
        let mut long = profile(&"A".repeat(1_000_000));
        let repairs = check_profile(&mut long).unwrap();
        assert_eq!(long.name.chars().count(), MAX_NAME_CHARS);
        assert_eq!(
            repairs,
            vec![Repair::NameShortened {
                max: MAX_NAME_CHARS
            }]
        );
    }

    #[test]
    fn bad_emails_and_influence_are_left_out_and_good_ones_kept() {
        let mut p = profile("Acme");
        p.hq_email = Some("office@acme.pl".into());
        p.people.push(Person {
            email: Some("not an address".into()),
            influence: Some(9),
            ..Person::default()
        });
        let repairs = check_profile(&mut p).unwrap();
        assert_eq!(p.hq_email.as_deref(), Some("office@acme.pl"));
        assert_eq!(p.people[0].email, None);
        assert_eq!(p.people[0].influence, None);
        assert_eq!(repairs.len(), 2);
    }

    #[test]
    fn a_web_address_is_kept_as_the_form_keeps_it() {
        let mut p = profile("Acme");
        p.website = Some("  acme.com/contact ".into());
        p.hq_email = Some(" office@acme.pl ".into());
        assert_eq!(check_profile(&mut p).unwrap(), vec![]);
        assert_eq!(p.website.as_deref(), Some("https://acme.com/contact"));
        assert_eq!(p.hq_email.as_deref(), Some("office@acme.pl"));
    }

    #[test]
    fn impossible_birthdays_bad_currencies_and_ratings_are_left_out() {
        use crate::domain::CriterionId;
        use crate::domain::date::Birthday;
        use crate::domain::scoring::Answer;
        let mut p = profile("Acme");
        let birthday = |month, day, year| Birthday {
            month,
            day,
            year,
            unknown_fields: None,
        };
        for b in [birthday(2, 29, None), birthday(12, 31, Some(1990))] {
            p.people.push(Person {
                birthday: Some(b),
                ..Person::default()
            });
        }
        for b in [
            birthday(4, 31, None),
            birthday(13, 1, None),
            birthday(2, 29, Some(2023)),
            birthday(1, 1, Some(1200)),
        ] {
            p.people.push(Person {
                birthday: Some(b),
                ..Person::default()
            });
        }
        p.currency = " eur".into();
        let (good, bad) = (CriterionId::new(), CriterionId::new());
        p.answers.insert(good, Answer::Rating(5));
        p.answers.insert(bad, Answer::Rating(0));
        let repairs = check_profile(&mut p).unwrap();
        let kept: Vec<_> = p.people.iter().map(|x| x.birthday.is_some()).collect();
        assert_eq!(kept, [true, true, false, false, false, false]);
        assert_eq!(p.currency, "EUR");
        assert_eq!(p.answers.keys().collect::<Vec<_>>(), [&good]);
        assert_eq!(
            repairs,
            [
                vec![Repair::RatingRemoved],
                vec![Repair::BirthdayRemoved; 4]
            ]
            .concat()
        );
        p.currency = "złoty".into();
        assert_eq!(
            check_profile(&mut p).unwrap(),
            vec![Repair::CurrencyRemoved("złoty".into())]
        );
        assert_eq!(p.currency, "");
    }

    #[test]
    fn rows_sharing_an_id_each_get_their_own_and_the_file_says_so() {
        let mut p = profile("Acme");
        let anna = Person {
            name: "Anna".into(),
            ..Person::default()
        };
        let twin = Person {
            name: "Jan".into(),
            ..anna.clone()
        };
        let other = Person::default();
        p.people = vec![anna.clone(), twin, other.clone(), anna.clone()];
        let repairs = check_profile(&mut p).unwrap();
        assert_eq!(repairs, vec![Repair::RepeatedIdsRenewed("people")]);
        let ids: std::collections::BTreeSet<_> = p.people.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), 4, "every person has an id of their own");
        assert_eq!(p.people[0].id, anna.id, "the first keeps its id");
        assert_eq!(p.people[2].id, other.id);
        assert_eq!(p.people[1].name, "Jan", "nothing else changes");
        let mut again = profile("Acme");
        again.id = p.id;
        again.people = vec![
            anna.clone(),
            p.people[1].clone(),
            other.clone(),
            anna.clone(),
        ];
        again.people[1].id = anna.id;
        check_profile(&mut again).unwrap();
        assert_eq!(again.people, p.people, "the same file gives the same ids");

        let now = "2026-11-22T06:43:03Z".parse().unwrap();
        let mut sheet = Worksheet::new("Top".into(), now);
        sheet.columns[3].id = sheet.columns[0].id;
        let repairs = check_worksheet(&mut sheet).unwrap();
        assert_eq!(repairs, vec![Repair::RepeatedIdsRenewed("columns")]);
        assert_ne!(sheet.columns[3].id, sheet.columns[0].id);

        let mut model = crate::domain::scoring::default_model(now);
        model.criteria[1].id = model.criteria[0].id;
        let repairs = check_model(&mut model).unwrap();
        assert_eq!(repairs, vec![Repair::RepeatedIdsRenewed("criteria")]);
        assert_ne!(model.criteria[1].id, model.criteria[0].id);
    }

    #[test]
    fn a_model_whose_thresholds_give_more_than_100_points_is_skipped() {
        use crate::domain::scoring::default_model;
        let mut model = default_model("2026-11-22T06:43:03Z".parse().unwrap());
        assert_eq!(check_model(&mut model.clone()), Ok(vec![]));
        for criterion in &mut model.criteria {
            if let CriterionKind::Number { thresholds, .. } = &mut criterion.kind {
                thresholds[0].points = rust_decimal::Decimal::from(101);
            }
        }
        assert_eq!(check_model(&mut model), Err(Skip::PointsOutOfRange));
    }

    #[test]
    fn a_worksheet_column_range_going_down_is_left_out() {
        let now = "2026-11-22T06:43:03Z".parse().unwrap();
        let mut sheet = Worksheet::new("<i>Top</i>".into(), now);
        sheet.columns[1].values.years = Some(Span::Range { low: 9, high: 2 });
        sheet.columns[2].values.employees = Some(Span::Range { low: 2, high: 9 });
        let repairs = check_worksheet(&mut sheet).unwrap();
        assert_eq!(
            repairs,
            vec![
                Repair::ReversedRange("Years as a customer"),
                Repair::LooksLikeMarkup
            ]
        );
        assert_eq!(sheet.columns[1].values.years, None);
        assert!(sheet.columns[2].values.employees.is_some());
        assert_eq!(sheet.name, "<i>Top</i>", "kept as text");
    }

    #[test]
    fn what_was_repaired_is_named_in_the_page_language() {
        use crate::i18n::{Language, set_language};
        let now = "2026-11-22T06:43:03Z".parse().unwrap();
        let mut sheet = Worksheet::new("Top".into(), now);
        sheet.columns[1].values.years = Some(Span::Range { low: 9, high: 2 });
        sheet.columns[3].id = sheet.columns[0].id;
        set_language(Language::Polish);
        let repairs = check_worksheet(&mut sheet);
        set_language(Language::English);
        assert_eq!(
            repairs.unwrap(),
            vec![
                Repair::ReversedRange("Lata współpracy"),
                Repair::RepeatedIdsRenewed("kolumny")
            ]
        );
    }

    #[test]
    fn markup_is_recognised_but_ordinary_text_is_not() {
        for text in [
            "<script>x</script>",
            "<img src=x onerror=alert(1)>",
            "</b>",
            "<!--",
            "JavaScript:void(0)",
        ] {
            assert!(looks_like_markup(text), "{text}");
        }
        for text in ["a < b", "Smith & Sons", "<3 customers", "price <= 10"] {
            assert!(!looks_like_markup(text), "{text}");
        }
    }
}
