//! CSV rows into profiles, matched with the profiles already here.
//!
//! The rules, in the order they apply to a row:
//! - a row that matches a profile here (see [`MatchOn`]) updates a copy of
//!   it: same id, and everything the file does not fill is kept, the name
//!   included (the file's name only names new profiles);
//! - any other row makes a new profile named from its company name; a row
//!   without one (or with one too long to keep) is skipped with
//!   [`RowSkip::NoCompanyName`];
//! - an empty cell never erases anything: its field is left as it was;
//! - a cell that cannot be read is reported as a [`RowError`] and its field
//!   left as it was; the rest of the row still imports;
//! - rows that reach the same profile (one here, or a new one made by an
//!   earlier row) update it in turn, so the later row's values go on top.
//!   Two exceptions keep data safe: notes are added to the loyalty notes,
//!   never replacing them (and not added twice), and a web address with
//!   the same domain as the one already on the profile leaves that one;
//! - the main contact is the person on the profile with the contact's name
//!   (compared as company names are), or a new person.
//!
//! Reading the same file twice therefore changes nothing the second time.

use super::mapping::{MatchOn, Target};
use super::parse::{CsvRow, Table};
use super::values::{SlashOrder, domain_key, name_key, one_line, parse_date, parse_status};
use super::write::unescape_formula;
use crate::domain::custom_field::CustomField;
use crate::domain::input::{
    InputError, parse_count_span, parse_currency, parse_email, parse_money, parse_money_span,
    parse_website,
};
use crate::domain::profile::Person;
use crate::domain::{Profile, Timestamp};
use std::collections::HashMap;

/// Why a cell's value was not used (the rest of its row still is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellError {
    /// Refused as the profile form would refuse it (an amount, a count, a
    /// web address, an e-mail, a currency code, a company name too long).
    Input(InputError),
    /// Not a status in any of the words Clientele knows.
    UnknownStatus,
    /// Not a date as `YYYY-MM-DD`, `DD.MM.YYYY`, `DD/MM/YYYY` (`MM/DD/YYYY`
    /// in a column that shows it) or `YYYY/MM/DD` with a four-digit year,
    /// or a day that does not exist.
    NotADate,
    /// A contact's title, e-mail or phone in a row without the contact's
    /// name, so there is no person to give it to.
    ContactWithoutName,
}

/// A cell that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line of the file where the row starts, from 1.
    pub line: usize,
    /// The column's header.
    pub column: String,
    /// The field the column was mapped to.
    pub target: Target,
    /// The text in the cell, trimmed.
    pub value: String,
    /// Why it was not used.
    pub error: CellError,
}

/// Why a row was not imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowSkip {
    /// No usable company name (none, or one reported as too long in
    /// [`CsvOutcome::errors`]) and no match with a profile here.
    NoCompanyName,
}

/// The profiles a CSV file gives, ready for the merge preview.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsvOutcome {
    /// New profiles and updated copies of profiles here (same id), in the
    /// order the file first reaches them.
    pub profiles: Vec<Profile>,
    /// Cells not used, in file order.
    pub errors: Vec<RowError>,
    /// Rows not imported, by line.
    pub skipped: Vec<(usize, RowSkip)>,
    /// How many profiles here are updated (each counted once).
    pub matched: usize,
    /// How many new profiles.
    pub created: usize,
    /// Lines of rows with more cells than headers: their extra cells were
    /// not imported, and the cells before them may be shifted.
    pub extra_cells: Vec<usize>,
}

/// Turns the rows of `table` into profiles, with `mapping` giving each
/// column's field (one entry per header; entries past the last header are
/// ignored, and a field mapped twice is filled from its first column), and
/// rows matched with `existing` on `match_on`. New profiles are created at
/// `now`. See the module docs for the rules.
pub fn read_rows(
    table: &Table,
    mapping: &[Option<Target>],
    match_on: MatchOn,
    existing: &[Profile],
    custom: &[CustomField],
    now: Timestamp,
) -> CsvOutcome {
    let columns = Columns::new(mapping, table.headers.len());
    let dates = columns
        .get(Target::CustomerSince)
        .map(|i| SlashOrder::of_column(table.rows.iter().map(|r| r.cells[i].as_str())))
        .unwrap_or_default();
    let here = Keys::of(existing);
    // Profiles this file already reached, and which of them are copies of
    // which profile here, so one profile here is never copied twice.
    let mut placed = Keys::default();
    let mut copies: HashMap<usize, usize> = HashMap::new();
    let mut out = CsvOutcome {
        extra_cells: table
            .rows
            .iter()
            .filter(|r| !r.extra_cells.is_empty())
            .map(|r| r.line)
            .collect(),
        ..CsvOutcome::default()
    };
    for row in &table.rows {
        let name = columns.cell(row, Target::CompanyName).map(one_line);
        let name = name.as_deref();
        let name_key = name.map(name_key);
        let domain = columns.cell(row, Target::Website).and_then(domain_key);
        let lookups = lookups(match_on, name_key.as_deref(), domain.as_deref());
        let found = lookups.iter().find_map(|lookup| {
            let placed = placed.find(&out.profiles, lookup).map(Found::Placed);
            placed.or_else(|| here.find(existing, lookup).map(Found::Here))
        });
        let at = match found {
            Some(Found::Placed(at)) => at,
            Some(Found::Here(i)) => *copies.entry(i).or_insert_with(|| {
                out.matched += 1;
                out.profiles.push(existing[i].clone());
                out.profiles.len() - 1
            }),
            None => match name.map(Profile::validate_name) {
                Some(Ok(name)) => {
                    out.created += 1;
                    out.profiles.push(Profile::new(name, now));
                    out.profiles.len() - 1
                }
                refused => {
                    if let (Some(Err(error)), Some(i)) = (refused, columns.get(Target::CompanyName))
                    {
                        out.errors.push(RowError {
                            line: row.line,
                            column: table.headers[i].clone(),
                            target: Target::CompanyName,
                            value: row.cells[i].trim().to_owned(),
                            error: CellError::Input(error),
                        });
                    }
                    out.skipped.push((row.line, RowSkip::NoCompanyName));
                    continue;
                }
            },
        };
        let profile = &mut out.profiles[at];
        apply_row(
            profile,
            row,
            Cells {
                row,
                columns: &columns,
                dates,
                custom,
                contact: None,
            },
            &table.headers,
            &mut out.errors,
        );
        // Later rows find this profile by its own keys and by this row's.
        placed.add(at, profile);
        if let Some(key) = name_key {
            placed.add_name(at, key);
        }
    }
    out
}

/// Where a row's profile was found.
enum Found {
    /// Among the profiles this file already gives, at this index.
    Placed(usize),
    /// Among the profiles here, at this index.
    Here(usize),
}

/// One way of finding a row's profile.
enum Lookup<'a> {
    /// By company name key.
    Name(&'a str),
    /// By web domain.
    Domain(&'a str),
    /// By company name key, among profiles without a web domain.
    NameWithoutDomain(&'a str),
}

/// The ways a row's profile is looked for, best first: each is tried on
/// the profiles this file already gives, then on those here, before the
/// next, so an exact domain here beats a name fallback in the file.
fn lookups<'a>(
    match_on: MatchOn,
    name: Option<&'a str>,
    domain: Option<&'a str>,
) -> Vec<Lookup<'a>> {
    match (match_on, domain) {
        (MatchOn::WebDomain, Some(domain)) => {
            let mut found = vec![Lookup::Domain(domain)];
            found.extend(name.map(Lookup::NameWithoutDomain));
            found
        }
        (MatchOn::CompanyName, _) | (MatchOn::WebDomain, None) => {
            name.map(Lookup::Name).into_iter().collect()
        }
    }
}

/// Profiles by the keys rows find them by.
#[derive(Default)]
struct Keys {
    /// Name key to profiles, in the order added (two profiles here may
    /// share a name: the first is the one updated).
    by_name: HashMap<String, Vec<usize>>,
    /// Domain to the first profile with it.
    by_domain: HashMap<String, usize>,
}

impl Keys {
    fn of(profiles: &[Profile]) -> Self {
        let mut keys = Self::default();
        for (at, profile) in profiles.iter().enumerate() {
            keys.add(at, profile);
        }
        keys
    }

    fn add(&mut self, at: usize, profile: &Profile) {
        self.add_name(at, name_key(&profile.name));
        if let Some(domain) = profile_domain(profile) {
            self.by_domain.entry(domain).or_insert(at);
        }
    }

    fn add_name(&mut self, at: usize, key: String) {
        let found = self.by_name.entry(key).or_default();
        if !found.contains(&at) {
            found.push(at);
        }
    }

    /// The profile of `profiles` (those the keys were made from) found by
    /// `lookup`.
    fn find(&self, profiles: &[Profile], lookup: &Lookup) -> Option<usize> {
        match *lookup {
            Lookup::Name(key) => self.by_name.get(key)?.first().copied(),
            Lookup::Domain(domain) => self.by_domain.get(domain).copied(),
            // Checked on the profile as it is now: a row may have given it
            // a domain since it was added.
            Lookup::NameWithoutDomain(key) => self
                .by_name
                .get(key)?
                .iter()
                .copied()
                .find(|&at| profile_domain(&profiles[at]).is_none()),
        }
    }
}

fn profile_domain(profile: &Profile) -> Option<String> {
    profile.website.as_deref().and_then(domain_key)
}

/// The column of each mapped field: the first one mapped to it.
struct Columns {
    /// (column, target), in column order.
    mapped: Vec<(usize, Target)>,
}

impl Columns {
    fn new(mapping: &[Option<Target>], width: usize) -> Self {
        let mut mapped: Vec<(usize, Target)> = Vec::new();
        for (column, target) in mapping.iter().take(width).enumerate() {
            if let Some(target) = *target
                && !mapped.iter().any(|&(_, t)| t == target)
            {
                mapped.push((column, target));
            }
        }
        Self { mapped }
    }

    fn get(&self, target: Target) -> Option<usize> {
        self.mapped
            .iter()
            .find_map(|&(column, t)| (t == target).then_some(column))
    }

    /// The trimmed cell of `target` in `row`, unless empty.
    fn cell<'r>(&self, row: &'r CsvRow, target: Target) -> Option<&'r str> {
        self.get(target)
            .map(|column| cell_text(&row.cells[column]))
            .filter(|cell| !cell.is_empty())
    }
}

/// A cell's text, trimmed, without the apostrophe a spreadsheet export put
/// before a formula character (see [`super::write`]).
fn cell_text(cell: &str) -> &str {
    unescape_formula(cell.trim()).trim()
}

/// Writes a row's non-empty cells into its profile, reporting those that
/// cannot be read.
fn apply_row(
    profile: &mut Profile,
    row: &CsvRow,
    mut cells: Cells,
    headers: &[String],
    errors: &mut Vec<RowError>,
) {
    for &(column, target) in &cells.columns.mapped {
        let value = cell_text(&row.cells[column]);
        if value.is_empty() {
            continue;
        }
        if let Err(error) = cells.apply(profile, target, value) {
            errors.push(RowError {
                line: row.line,
                column: headers[column].clone(),
                target,
                value: value.to_owned(),
                error,
            });
        }
    }
}

/// What writing one cell needs to know about its row.
struct Cells<'a> {
    row: &'a CsvRow,
    columns: &'a Columns,
    dates: SlashOrder,
    /// The team's own fields.
    custom: &'a [CustomField],
    /// The main contact's index in the profile's people, once found.
    contact: Option<usize>,
}

impl Cells<'_> {
    /// Writes one non-empty, trimmed cell into the profile.
    fn apply(&mut self, p: &mut Profile, target: Target, value: &str) -> Result<(), CellError> {
        let input = CellError::Input;
        match target {
            // Names a new profile (in `read_rows`); a match keeps its name.
            Target::CompanyName => {}
            Target::Website => {
                let address = parse_website(value).map_err(input)?;
                let same_domain = address.as_deref().and_then(domain_key).is_some()
                    && address.as_deref().and_then(domain_key) == profile_domain(p);
                if !same_domain {
                    p.website = address;
                }
            }
            Target::Industry => p.industry = one_line(value),
            Target::BusinessType => p.business_type = one_line(value),
            Target::Status => p.status = parse_status(value).ok_or(CellError::UnknownStatus)?,
            Target::Employees => p.employees = parse_count_span(value).map_err(input)?,
            Target::Revenue => p.revenue = parse_money_span(value).map_err(input)?,
            Target::YearlySpend => p.yearly_spend = parse_money(value).map_err(input)?,
            Target::MonthlySpend => p.monthly_spend = parse_money(value).map_err(input)?,
            Target::Currency => p.currency = parse_currency(value).map_err(input)?,
            Target::Location => p.location = one_line(value),
            Target::Region => p.region = one_line(value),
            Target::HqPhone => p.hq_phone = one_line(value),
            Target::HqEmail => p.hq_email = parse_email(value).map_err(input)?,
            Target::CustomerSince => {
                p.customer_since = Some(parse_date(value, self.dates).ok_or(CellError::NotADate)?);
            }
            Target::Notes => add_note(&mut p.loyalty_notes, value),
            Target::ContactName => {
                self.contact(p)?;
            }
            Target::ContactTitle => self.contact(p)?.title = one_line(value),
            Target::ContactEmail => {
                let email = parse_email(value).map_err(input)?;
                self.contact(p)?.email = email;
            }
            Target::ContactPhone => self.contact(p)?.phone = one_line(value),
            // Read as the editor reads it; a field removed since the
            // mapping was made fills nothing.
            Target::Custom(id) => {
                if let Some(field) = self.custom.iter().find(|f| f.id == id) {
                    let kept = field.read(value).map_err(input)?;
                    p.custom.insert(id, kept);
                }
            }
        }
        Ok(())
    }

    /// The row's main contact on the profile: the person with the row's
    /// contact name, added when there is none.
    fn contact<'p>(&mut self, p: &'p mut Profile) -> Result<&'p mut Person, CellError> {
        let at = match self.contact {
            Some(at) => at,
            None => {
                let name = self
                    .columns
                    .cell(self.row, Target::ContactName)
                    .map(one_line)
                    .ok_or(CellError::ContactWithoutName)?;
                let key = name_key(&name);
                let at = match p.people.iter().position(|x| name_key(&x.name) == key) {
                    Some(at) => at,
                    None => {
                        p.people.push(Person {
                            name,
                            ..Person::default()
                        });
                        p.people.len() - 1
                    }
                };
                self.contact = Some(at);
                at
            }
        };
        Ok(&mut p.people[at])
    }
}

/// Adds a note to notes kept here, after a blank line, unless it is there
/// already (the same file read again).
fn add_note(notes: &mut String, note: &str) {
    if notes.trim().is_empty() {
        *notes = note.to_owned();
    } else if !notes.contains(note) {
        notes.push_str("\n\n");
        notes.push_str(note);
    }
}

#[cfg(test)]
mod tests;
