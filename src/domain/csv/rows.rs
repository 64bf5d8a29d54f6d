//! CSV rows into profiles, matched with the profiles already here.

use super::mapping::{MatchOn, Target};
use super::parse::Table;
use crate::domain::input::{
    InputError, parse_count_span, parse_currency, parse_email, parse_money, parse_money_span,
    parse_website,
};
use crate::domain::profile::{MAX_COMPANY_NAME_CHARS, Person, Status};
use crate::domain::{Date, Profile, Timestamp};
use std::collections::HashMap;

/// Why a cell's value was not used (the rest of its row still is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellError {
    /// Refused as a form would refuse it.
    Input(InputError),
    /// Not a status Clientele knows.
    UnknownStatus,
    /// Not a date as `YYYY-MM-DD` or `DD.MM.YYYY`.
    NotADate,
    /// A contact detail without the contact's name.
    ContactWithoutName,
}

/// A cell that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line of the file.
    pub line: usize,
    /// The column's header.
    pub column: String,
    /// The text in the cell.
    pub value: String,
    /// Why.
    pub error: CellError,
}

/// Why a row was not imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowSkip {
    /// No company name, and no match with a profile here.
    NoCompanyName,
}

/// The profiles a CSV file gives, ready for the merge preview.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsvOutcome {
    /// New profiles and updated copies of profiles here (same id).
    pub profiles: Vec<Profile>,
    /// Cells not used, row by row.
    pub errors: Vec<RowError>,
    /// Rows not imported, with the line.
    pub skipped: Vec<(usize, RowSkip)>,
    /// How many profiles here are updated.
    pub matched: usize,
    /// How many new profiles.
    pub created: usize,
}

/// Turns the rows of `table` into profiles: a row that matches a profile
/// here (by `match_on`) updates a copy of it, any other row makes a new
/// profile. Empty cells never erase a known value; a cell that cannot be
/// read is reported and its field left as it was. When two rows match the
/// same profile, the later row's values go on top.
pub fn read_rows(
    table: &Table,
    mapping: &[Option<Target>],
    match_on: MatchOn,
    existing: &[Profile],
    now: Timestamp,
) -> CsvOutcome {
    let mut out = CsvOutcome::default();
    let key_of = |p: &Profile| match match_on {
        MatchOn::CompanyName => Some(name_key(&p.name)),
        MatchOn::WebDomain => p.website.as_deref().and_then(domain_key),
    };
    let here: HashMap<String, &Profile> = existing
        .iter()
        .filter_map(|p| key_of(p).map(|k| (k, p)))
        .collect();
    // Where each match key went in `out.profiles`.
    let mut placed: HashMap<String, usize> = HashMap::new();
    let column = |target: Target| mapping.iter().position(|m| *m == Some(target));
    for row in &table.rows {
        let cell = |target: Target| {
            column(target)
                .map(|i| row.cells[i].trim())
                .filter(|c| !c.is_empty())
        };
        let key = match match_on {
            MatchOn::CompanyName => cell(Target::CompanyName).map(name_key),
            MatchOn::WebDomain => cell(Target::Website).and_then(domain_key),
        };
        let at = match key.as_ref().and_then(|k| placed.get(k)) {
            Some(&at) => at,
            None => {
                let profile = match key.as_ref().and_then(|k| here.get(k)) {
                    Some(found) => {
                        out.matched += 1;
                        (*found).clone()
                    }
                    None => {
                        let Some(name) = cell(Target::CompanyName) else {
                            out.skipped.push((row.line, RowSkip::NoCompanyName));
                            continue;
                        };
                        out.created += 1;
                        let name: String = name.chars().take(MAX_COMPANY_NAME_CHARS).collect();
                        Profile::new(name, now)
                    }
                };
                out.profiles.push(profile);
                if let Some(k) = key.clone() {
                    placed.insert(k, out.profiles.len() - 1);
                }
                out.profiles.len() - 1
            }
        };
        let profile = &mut out.profiles[at];
        let mut contact: Option<usize> = None;
        for (i, target) in mapping.iter().enumerate() {
            let (Some(target), value) = (target, row.cells[i].trim()) else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            if let Err(error) = apply(profile, *target, value, &mut contact, mapping, &row.cells) {
                out.errors.push(RowError {
                    line: row.line,
                    column: table.headers[i].clone(),
                    value: value.to_owned(),
                    error,
                });
            }
        }
    }
    out
}

/// Writes one cell into the profile.
fn apply(
    p: &mut Profile,
    target: Target,
    value: &str,
    contact: &mut Option<usize>,
    mapping: &[Option<Target>],
    cells: &[String],
) -> Result<(), CellError> {
    let input = CellError::Input;
    match target {
        // The name only names new profiles; a match keeps the name here.
        Target::CompanyName => {}
        Target::Website => p.website = parse_website(value).map_err(input)?,
        Target::Industry => p.industry = value.to_owned(),
        Target::BusinessType => p.business_type = value.to_owned(),
        Target::Status => p.status = parse_status(value).ok_or(CellError::UnknownStatus)?,
        Target::Employees => p.employees = parse_count_span(value).map_err(input)?,
        Target::Revenue => p.revenue = parse_money_span(value).map_err(input)?,
        Target::YearlySpend => p.yearly_spend = parse_money(value).map_err(input)?,
        Target::MonthlySpend => p.monthly_spend = parse_money(value).map_err(input)?,
        Target::Currency => p.currency = parse_currency(value).map_err(input)?,
        Target::Location => p.location = value.to_owned(),
        Target::Region => p.region = value.to_owned(),
        Target::HqPhone => p.hq_phone = value.to_owned(),
        Target::HqEmail => p.hq_email = parse_email(value).map_err(input)?,
        Target::CustomerSince => {
            p.customer_since = Some(parse_date(value).ok_or(CellError::NotADate)?)
        }
        Target::ContactName
        | Target::ContactTitle
        | Target::ContactEmail
        | Target::ContactPhone => {
            let at = match contact {
                Some(at) => *at,
                None => {
                    let name = mapping
                        .iter()
                        .position(|m| *m == Some(Target::ContactName))
                        .map(|i| cells[i].trim())
                        .filter(|n| !n.is_empty())
                        .ok_or(CellError::ContactWithoutName)?;
                    let at = match p
                        .people
                        .iter()
                        .position(|x| name_key(&x.name) == name_key(name))
                    {
                        Some(at) => at,
                        None => {
                            p.people.push(Person {
                                name: name.to_owned(),
                                ..Person::default()
                            });
                            p.people.len() - 1
                        }
                    };
                    *contact = Some(at);
                    at
                }
            };
            let person = &mut p.people[at];
            match target {
                Target::ContactTitle => person.title = value.to_owned(),
                Target::ContactEmail => person.email = parse_email(value).map_err(input)?,
                Target::ContactPhone => person.phone = value.to_owned(),
                _ => {}
            }
        }
    }
    Ok(())
}

fn parse_status(text: &str) -> Option<Status> {
    let t = text.trim().to_lowercase();
    const CUSTOMER: [&str; 6] = ["customer", "client", "klient", "active", "aktywny", "won"];
    const PROSPECT: [&str; 7] = [
        "prospect",
        "lead",
        "opportunity",
        "potential",
        "potencjalny",
        "nowy",
        "new",
    ];
    const FORMER: [&str; 6] = [
        "former customer",
        "former",
        "churned",
        "lost",
        "były klient",
        "inactive",
    ];
    if FORMER.contains(&t.as_str()) {
        Some(Status::FormerCustomer)
    } else if CUSTOMER.contains(&t.as_str()) {
        Some(Status::Customer)
    } else if PROSPECT.contains(&t.as_str()) {
        Some(Status::Prospect)
    } else {
        None
    }
}

/// `YYYY-MM-DD` (a time after it is ignored) or `DD.MM.YYYY`. Dates with
/// slashes are refused: 03/04/2026 means March in one country, April in
/// another.
fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some((d, rest)) = text.split_once('.') {
        let (m, y) = rest.split_once('.')?;
        return Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    text.get(..10)?.parse().ok()
}

/// A company name as compared: trimmed, lower case, spaces as one.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The host of a web address or domain, without `www.`, lower case.
pub fn domain_key(text: &str) -> Option<String> {
    let text = text.trim().to_lowercase();
    let rest = text.split_once("://").map_or(text.as_str(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.contains('.').then(|| host.to_owned())
}

#[cfg(test)]
mod tests;
