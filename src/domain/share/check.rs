//! Checks of records read from a file, before they are offered for merge.
//! The app's forms validate what people type; a file can hold anything, so
//! each record is checked on its own and repaired or skipped with a reason
//! (a fault in one record never sinks the whole file).

use crate::domain::Profile;
use crate::domain::input::{Span, parse_email, parse_website};
use crate::domain::profile::MAX_COMPANY_NAME_CHARS;
use crate::domain::scoring::ScoringModel;
use serde::Serialize;
use serde_json::Value;

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
    /// A range whose low end is above its high end was left out.
    ReversedRange(&'static str),
    /// Text that looks like HTML or script: kept, and only ever shown as text.
    LooksLikeMarkup,
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
}

/// Checks and repairs an imported profile.
pub fn check_profile(profile: &mut Profile) -> Result<Vec<Repair>, Skip> {
    let mut repairs = Vec::new();
    check_name(&mut profile.name, &mut repairs)?;
    if let Some(website) = profile.website.take() {
        match parse_website(&website) {
            Ok(Some(_)) => profile.website = Some(website),
            _ => repairs.push(Repair::WebsiteRemoved(website)),
        }
    }
    check_email(&mut profile.hq_email, &mut repairs);
    if profile.employees.as_ref().is_some_and(is_reversed) {
        profile.employees = None;
        repairs.push(Repair::ReversedRange("Number of employees"));
    }
    if profile.revenue.as_ref().is_some_and(is_reversed) {
        profile.revenue = None;
        repairs.push(Repair::ReversedRange("Average annual revenue"));
    }
    for person in &mut profile.people {
        check_email(&mut person.email, &mut repairs);
        if person.influence.is_some_and(|i| !(1..=5).contains(&i)) {
            person.influence = None;
            repairs.push(Repair::InfluenceRemoved);
        }
    }
    note_markup(profile, &mut repairs);
    Ok(repairs)
}

/// Checks an imported scoring model.
pub fn check_model(model: &mut ScoringModel) -> Result<Vec<Repair>, Skip> {
    let mut repairs = Vec::new();
    check_name(&mut model.name, &mut repairs)?;
    if model.criteria.iter().any(|c| c.weight.is_sign_negative()) || !model.tiers.is_valid() {
        return Err(Skip::InvalidModel);
    }
    note_markup(model, &mut repairs);
    Ok(repairs)
}

/// Checks any other named record.
pub fn check_named<T: Serialize>(record: &T, name: &mut String) -> Result<Vec<Repair>, Skip> {
    let mut repairs = Vec::new();
    check_name(name, &mut repairs)?;
    note_markup(record, &mut repairs);
    Ok(repairs)
}

fn is_reversed<T: PartialOrd>(span: &Span<T>) -> bool {
    matches!(span, Span::Range { low, high } if low > high)
}

fn check_name(name: &mut String, repairs: &mut Vec<Repair>) -> Result<(), Skip> {
    if name.trim().is_empty() {
        return Err(Skip::NoName);
    }
    if name.chars().count() > MAX_COMPANY_NAME_CHARS {
        *name = name.chars().take(MAX_COMPANY_NAME_CHARS).collect();
        repairs.push(Repair::NameShortened {
            max: MAX_COMPANY_NAME_CHARS,
        });
    }
    Ok(())
}

fn check_email(email: &mut Option<String>, repairs: &mut Vec<Repair>) {
    if let Some(text) = email.take() {
        match parse_email(&text) {
            Ok(Some(_)) => *email = Some(text),
            _ => repairs.push(Repair::EmailRemoved(text)),
        }
    }
}

fn note_markup<T: Serialize>(record: &T, repairs: &mut Vec<Repair>) {
    let value = serde_json::to_value(record).expect("records always serialise");
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
        assert_eq!(long.name.chars().count(), MAX_COMPANY_NAME_CHARS);
        assert_eq!(
            repairs,
            vec![Repair::NameShortened {
                max: MAX_COMPANY_NAME_CHARS
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
