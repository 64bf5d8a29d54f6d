//! Profiles written as a CSV file for a spreadsheet: one row a profile, one
//! column a field the CSV import reads ([`Target`]), headed by the field's
//! name in the product's words, so that the file imports back with every
//! column recognised. Headers and words such as a status are in the page's
//! language (the import knows both); the user's own data is as they wrote
//! it. The ranked list, an ICP chart and survey results are written the
//! same way, for reading.
//!
//! Written for spreadsheets as people open them: UTF-8 with a byte order
//! mark (Excel then reads the letters right); commas, or semicolons and
//! decimal commas as Polish Excel expects; and no cell that a spreadsheet
//! would run as a formula.

use super::Target;
use crate::domain::custom_field::CustomField;
use crate::domain::icp::{ChartRow, ColumnView};
use crate::domain::input::{Span, span_text};
use crate::domain::profile::Profile;
use crate::domain::scoring::{Basis, Direction, ScoringModel, score};
use crate::domain::survey::SurveyCriterion;
use crate::domain::survey::asked::Asked;
use crate::domain::survey::results::RoundTwoResults;
use crate::t;
use rust_decimal::Decimal;

/// How cells are separated and numbers written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    /// Commas between cells, a point before decimals (`1250.5`).
    #[default]
    Comma,
    /// Semicolons between cells, a comma before decimals (`1250,5`), as
    /// Excel set up for Polish (and most of Europe) opens them.
    Semicolon,
}

impl CsvStyle {
    fn separator(self) -> char {
        match self {
            Self::Comma => ',',
            Self::Semicolon => ';',
        }
    }
}

/// Characters that make a spreadsheet read a cell as a formula when they
/// start it. Such a cell is written after an apostrophe, which spreadsheets
/// take as "text" and the CSV import drops ([`unescape_formula`]).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `profiles` as a CSV file in `style`: a header row, then a row a profile;
/// the team's own fields `custom` last, headed by their names.
pub fn profiles_csv<'a>(
    profiles: impl IntoIterator<Item = &'a Profile>,
    custom: &[CustomField],
    style: CsvStyle,
) -> String {
    let mut headers: Vec<String> = Target::ALL.map(|t| t.shown().to_owned()).to_vec();
    headers.extend(custom.iter().map(|f| f.name.clone()));
    let rows = profiles.into_iter().map(|p| {
        let mut cells = Target::ALL.map(|target| cell_of(p, target, style)).to_vec();
        cells.extend(custom.iter().map(|f| {
            let stored = p.custom.get(&f.id).map(String::as_str).unwrap_or_default();
            f.number(stored)
                .map_or_else(|| stored.to_owned(), |n| number_text(n, style))
        }));
        cells
    });
    csv_text([headers].into_iter().chain(rows), style)
}

/// The ranked list as a CSV file in `style`: per profile of `ranked` (its
/// place in the ranking, and the profile), its rank, name, status, score
/// and tier under `model`, then the points (0 to 100, as judged) of each
/// of the model's criteria, blank where it has no answer.
pub fn ranking_csv<'a>(
    model: &ScoringModel,
    ranked: impl IntoIterator<Item = (usize, &'a Profile)>,
    basis: &Basis,
    style: CsvStyle,
) -> String {
    let mut headers: Vec<String> = [
        t!(scoring_column_rank),
        t!(scoring_column_company),
        t!(scoring_status),
        t!(scoring_score),
        t!(scoring_tier),
    ]
    .map(str::to_owned)
    .to_vec();
    headers.extend(model.criteria.iter().map(|c| match c.direction {
        Direction::TakesAway => t!(data_csv_col_points_takes_away, name = c.name),
        _ => t!(data_csv_col_points, name = c.name),
    }));
    let rows = ranked.into_iter().map(|(rank, p)| {
        let e = score(model, p, basis);
        let mut row = vec![
            rank.to_string(),
            p.name.clone(),
            p.status.shown().to_owned(),
            e.score.map(|s| number_text(s, style)).unwrap_or_default(),
            e.tier.map(|t| t.letter().to_owned()).unwrap_or_default(),
        ];
        row.extend(model.criteria.iter().map(|c| {
            e.contributions
                .iter()
                .find(|k| k.criterion == c.id)
                .map(|k| number_text(k.points, style))
                .unwrap_or_default()
        }));
        row
    });
    csv_text([headers].into_iter().chain(rows), style)
}

/// An ICP chart as a CSV file in `style`: a row per chart row, a column
/// per chart column, headed by the customer's name or, without `names`,
/// by the column's label ("Client #1").
pub fn chart_csv(columns: &[ColumnView], names: bool, style: CsvStyle) -> String {
    let mut headers = vec![t!(icp_chart_heading).to_owned()];
    headers.extend(columns.iter().map(|c| {
        if names {
            c.heading.clone()
        } else {
            c.anonymous.clone()
        }
    }));
    let rows = ChartRow::ALL.into_iter().map(|row| {
        let mut cells = vec![row.shown().to_owned()];
        cells.extend(columns.iter().map(|c| {
            let text = row.text(&c.values);
            match style {
                // Numbers are kept in plain digits: only the decimal mark
                // changes.
                CsvStyle::Semicolon if row.is_number() => text.replace('.', ","),
                _ => text,
            }
        }));
        cells
    });
    csv_text([headers].into_iter().chain(rows), style)
}

/// A survey's round-2 results as a CSV file in `style`: per criterion, the
/// weight the round-1 votes give it (`weights`), its ratings (count, mean,
/// spread, range, agreement) or, for another kind, what the best customers
/// look like, amounts in `currency`.
pub fn survey_results_csv(
    results: &RoundTwoResults,
    weights: &[(SurveyCriterion, u32)],
    currency: &str,
    style: CsvStyle,
) -> String {
    let headers = [
        t!(survey_results_criterion),
        t!(data_csv_col_weight),
        t!(survey_results_ratings),
        t!(survey_results_mean),
        t!(survey_results_spread),
        t!(survey_results_range),
        t!(survey_results_agreement),
        t!(data_csv_col_best_customers),
    ]
    .map(str::to_owned)
    .to_vec();
    let rows = results.criteria.iter().map(|c| {
        let weight = weights
            .iter()
            .find(|(w, _)| w.id == c.criterion.id)
            .map(|(_, w)| w.to_string())
            .unwrap_or_default();
        let asked = c.criterion.asked();
        let rated = asked == Asked::Rating && c.ratings > 0;
        let figure = |d: Decimal| {
            if rated {
                number_text(d, style)
            } else {
                String::new()
            }
        };
        vec![
            c.criterion.name.clone(),
            weight,
            if rated {
                c.ratings.to_string()
            } else {
                String::new()
            },
            figure(c.mean),
            figure(c.spread),
            c.range
                .filter(|_| rated)
                .map(|(a, b)| format!("{a}–{b}"))
                .unwrap_or_default(),
            if rated {
                c.agreement.shown().to_owned()
            } else {
                String::new()
            },
            c.summary.shown(asked, currency),
        ]
    });
    csv_text([headers].into_iter().chain(rows), style)
}

/// `rows` (the first one the headers) as a CSV file in `style`.
fn csv_text(rows: impl Iterator<Item = Vec<String>>, style: CsvStyle) -> String {
    let mut out = String::from('\u{feff}');
    for row in rows {
        push_row(&mut out, row.into_iter(), style);
    }
    out
}

/// A cell as the import wrote it, without the apostrophe that kept a
/// spreadsheet from reading it as a formula.
pub fn unescape_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>, style: CsvStyle) {
    let separator = style.separator();
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(separator);
        }
        let cell = if cell.starts_with(FORMULA_STARTS) {
            format!("'{cell}")
        } else {
            cell
        };
        if cell.contains([separator, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// What `profile` holds for `target`, written as the import reads it back.
fn cell_of(p: &Profile, target: Target, style: CsvStyle) -> String {
    let number = |d: Decimal| number_text(d, style);
    // The main contact: the first key person listed.
    let contact = p.people.first();
    match target {
        Target::CompanyName => p.name.clone(),
        Target::Website => p.website.clone().unwrap_or_default(),
        Target::Industry => p.industry.clone(),
        Target::BusinessType => p.business_type.clone(),
        Target::Status => p.status.shown().to_owned(),
        Target::Employees => p
            .employees
            .map(|s| span_text(&s, |n| n.to_string()))
            .unwrap_or_default(),
        Target::Revenue => p
            .revenue
            .map(|s: Span<_>| span_text(&s, |m| number(m.amount())))
            .unwrap_or_default(),
        Target::YearlySpend => p
            .yearly_spend
            .map(|m| number(m.amount()))
            .unwrap_or_default(),
        Target::MonthlySpend => p
            .monthly_spend
            .map(|m| number(m.amount()))
            .unwrap_or_default(),
        Target::Currency => p.currency.clone(),
        Target::Location => p.location.clone(),
        Target::Region => p.region.clone(),
        Target::HqPhone => p.hq_phone.clone(),
        Target::HqEmail => p.hq_email.clone().unwrap_or_default(),
        Target::CustomerSince => p.customer_since.map(|d| d.to_string()).unwrap_or_default(),
        Target::Notes => p.loyalty_notes.clone(),
        Target::ContactName => contact.map(|c| c.name.clone()).unwrap_or_default(),
        Target::ContactTitle => contact.map(|c| c.title.clone()).unwrap_or_default(),
        Target::ContactEmail => contact.and_then(|c| c.email.clone()).unwrap_or_default(),
        Target::ContactPhone => contact.map(|c| c.phone.clone()).unwrap_or_default(),
        // Written by `profiles_csv`, which knows the field.
        Target::Custom(_) => String::new(),
    }
}

/// `d` in plain digits with the style's decimal mark, never read back as
/// another number: people write `1.250` for 1250, so three decimals get a
/// fourth zero (`1.2500`).
fn number_text(d: Decimal, style: CsvStyle) -> String {
    let mut text = d.normalize().to_string();
    if text
        .split_once('.')
        .is_some_and(|(_, fraction)| fraction.len() == 3)
    {
        text.push('0');
    }
    match style {
        CsvStyle::Comma => text,
        CsvStyle::Semicolon => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::csv::{MatchOn, guess_mapping, parse, read_rows};
    use crate::domain::profile::{Person, Status};
    use crate::domain::time::Timestamp;

    fn acme() -> Profile {
        let mut p = Profile::new(
            "Acme; \"Best\" Sp. z o.o.".into(),
            Timestamp::from_millis(0),
        );
        p.status = Status::Customer;
        p.website = Some("https://acme.pl".into());
        p.industry = "=Logistics".into();
        p.employees = Some(Span::Range { low: 50, high: 100 });
        p.revenue = Some(Span::Exact {
            value: "1250000.125".parse().unwrap(),
        });
        p.yearly_spend = Some("222000.5".parse().unwrap());
        p.currency = "PLN".into();
        p.location = "Łódź".into();
        p.hq_phone = "+48 22 123 45 67".into();
        p.customer_since = Some("2019-03-01".parse().unwrap());
        p.loyalty_notes = "Pays on time.\nRefers us.".into();
        p.people.push(Person {
            name: "Anna Nowak".into(),
            title: "CFO".into(),
            email: Some("anna@acme.pl".into()),
            ..Person::default()
        });
        p
    }

    #[test]
    fn a_profile_is_written_with_quotes_formulas_kept_out_and_the_styles_numbers() {
        let text = profiles_csv([&acme()], &[], CsvStyle::Semicolon);
        let mut lines = text.split("\r\n");
        assert_eq!(
            lines.next().unwrap(),
            "\u{feff}Company name;Web address;Industry;Type of business;Status;\
             Number of employees;Average annual revenue;Average yearly spend;\
             Average monthly spend;Currency;Location;Region;Headquarters phone;\
             Headquarters e-mail;Customer since;Loyalty notes;Main contact: name;\
             Main contact: job title;Main contact: e-mail;Main contact: phone"
        );
        // By hand: the name quoted (a separator and quotes), the industry
        // and the phone after an apostrophe (a formula's first character),
        // 1,250,000.125 with a fourth decimal so that it is not read as
        // 1,250,000,125, decimal commas, the notes' line break quoted.
        assert_eq!(
            text.split_once("\r\n").unwrap().1,
            "\"Acme; \"\"Best\"\" Sp. z o.o.\";https://acme.pl;'=Logistics;;Customer;\
             50–100;1250000,1250;222000,5;;PLN;Łódź;;'+48 22 123 45 67;;2019-03-01;\
             \"Pays on time.\nRefers us.\";Anna Nowak;CFO;anna@acme.pl;\r\n"
        );
        assert!(profiles_csv([&acme()], &[], CsvStyle::Comma).contains(",1250000.1250,222000.5,"));
    }

    #[test]
    fn profiles_written_in_either_style_and_language_import_back_as_they_were() {
        use crate::domain::custom_field::{CustomField, FieldKind};
        use crate::i18n::{Language, set_language};
        let size = CustomField::new("Contract size".into(), FieldKind::Number);
        let mut plan = CustomField::new("Support plan".into(), FieldKind::Choice);
        plan.options = vec!["Gold".into(), "Silver".into()];
        let renewal = CustomField::new("Renewal".into(), FieldKind::Date);
        let custom = [size.clone(), plan.clone(), renewal.clone()];
        let mut acme = acme();
        acme.custom.insert(size.id, "1250.125".into());
        acme.custom.insert(plan.id, "Gold".into());
        acme.custom.insert(renewal.id, "2027-06-30".into());
        let mut bare = Profile::new("Bare".into(), Timestamp::from_millis(0));
        bare.status = Status::Prospect;
        let mut gone = Profile::new("Gone".into(), Timestamp::from_millis(0));
        gone.status = Status::FormerCustomer;
        let written = [acme, bare, gone];
        let styles = [CsvStyle::Comma, CsvStyle::Semicolon];
        for (language, style) in Language::ALL
            .into_iter()
            .flat_map(|l| styles.map(|s| (l, s)))
        {
            // Written on a page in `language`, read on an English one.
            set_language(language);
            let text = profiles_csv(&written, &custom, style);
            set_language(Language::English);
            let case = (language, style);
            let table = parse(&text).unwrap();
            let mapping = guess_mapping(&table.headers, &custom);
            let mut every = Target::ALL.map(Some).to_vec();
            every.extend(custom.iter().map(|f| Some(Target::Custom(f.id))));
            assert_eq!(mapping, every, "{case:?}: every column is recognised");
            let read = read_rows(
                &table,
                &mapping,
                MatchOn::CompanyName,
                &[],
                &custom,
                Timestamp::from_millis(0),
            );
            assert!(read.errors.is_empty(), "{case:?}: {:?}", read.errors);
            assert_eq!(read.profiles.len(), 3);
            for (back, was) in read.profiles.iter().zip(&written) {
                for target in Target::ALL {
                    assert_eq!(
                        cell_of(back, target, style),
                        cell_of(was, target, style),
                        "{case:?}: {}",
                        target.shown()
                    );
                }
                assert_eq!(back.custom, was.custom, "{case:?}: the fields of their own");
            }
        }
    }

    #[test]
    fn the_ranked_list_gives_each_criterions_points_as_worked_out_by_hand() {
        use crate::domain::scoring::Answer;
        use crate::domain::scoring::test_support::{model, rating};
        let (ease, custom) = (
            rating("Ease", 3, Direction::AddsValue),
            rating("Customization", 2, Direction::TakesAway),
        );
        let model = model(vec![ease.clone(), custom.clone()]);
        let mut rated = acme();
        rated.answers.insert(ease.id, Answer::Rating(4));
        rated.answers.insert(custom.id, Answer::Rating(2));
        let unrated = Profile::new("Zeta".into(), Timestamp::from_millis(0));
        let basis = Basis::one_currency("2026-12-01".parse().unwrap());
        let text = ranking_csv(
            &model,
            [(1, &rated), (2, &unrated)],
            &basis,
            CsvStyle::Comma,
        );
        // By hand: ease 4 gives 75 points, customization 2 gives 25 (75
        // earned, as it takes value away); the score is 75 × 3 ÷ 5 + 75 ×
        // 2 ÷ 5 = 75, tier A. Zeta has no answer: no score, no tier.
        assert_eq!(
            text,
            "\u{feff}Rank,Company,Status,Score,Tier,Ease (points),\
             \"Customization (points, takes value away)\"\r\n\
             1,\"Acme; \"\"Best\"\" Sp. z o.o.\",Customer,75,A,75,25\r\n\
             2,Zeta,Prospect,,,,\r\n"
        );
        // On a Polish page: its words for the headers and the status, the
        // user's criteria as they wrote them, decimal commas when chosen.
        crate::i18n::set_language(crate::i18n::Language::Polish);
        let polish = ranking_csv(&model, [(1, &rated)], &basis, CsvStyle::Semicolon);
        crate::i18n::set_language(crate::i18n::Language::English);
        assert_eq!(
            polish,
            "\u{feff}Pozycja;Firma;Status;Wynik;Klasa;Ease (punkty);\
             Customization (punkty, odbiera wartość)\r\n\
             1;\"Acme; \"\"Best\"\" Sp. z o.o.\";Klient;75;A;75;25\r\n"
        );
    }

    #[test]
    fn a_chart_is_written_a_row_per_chart_row_with_names_or_labels() {
        use crate::domain::icp::Worksheet;
        let mut sheet = Worksheet::new("Top".into(), Timestamp::from_millis(0));
        sheet.columns.truncate(2);
        let typed = &mut sheet.columns[0].values;
        ChartRow::Employees.set(typed, "50-100").unwrap();
        ChartRow::Purchases.set(typed, "Backup\nHelpdesk").unwrap();
        ChartRow::MonthlySpend.set(typed, "1250.5").unwrap();
        let mut linked = acme();
        linked.monthly_spend = Some("99.25".parse().unwrap());
        sheet.columns[1].profile = Some(linked.id);
        let basis = Basis::one_currency("2026-12-01".parse().unwrap());
        let columns = sheet.column_views(&[linked], &basis);
        let text = chart_csv(&columns, true, CsvStyle::Semicolon);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}Ideal Customer Profile chart;Client #1;\"Acme; \"\"Best\"\" Sp. z o.o.\""
        );
        assert_eq!(lines[1], "# of employees;50–100;50–100");
        assert_eq!(lines[7], "What do they purchase?;\"Backup\nHelpdesk\";");
        // Amounts with a decimal comma.
        assert_eq!(lines[8], "Average spent per month;1250,5;99,25");
        assert_eq!(lines.len(), 13, "a header, 11 rows, and the end");
        let anonymous = chart_csv(&columns, false, CsvStyle::Comma);
        assert!(
            anonymous.starts_with("\u{feff}Ideal Customer Profile chart,Client #1,Client #2\r\n"),
            "{anonymous}"
        );
    }

    #[test]
    fn only_an_apostrophe_before_a_formula_character_is_dropped() {
        assert_eq!(unescape_formula("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unescape_formula("'+48 22"), "+48 22");
        assert_eq!(unescape_formula("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(unescape_formula("O'Brien"), "O'Brien");
    }
}
