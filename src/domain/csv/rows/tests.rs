use super::*;
use crate::domain::Money;
use crate::domain::csv::{guess_mapping, parse};
use crate::domain::input::Span;

fn now() -> Timestamp {
    "2026-11-22T06:43:03Z".parse().unwrap()
}

fn read(text: &str, match_on: MatchOn, existing: &[Profile]) -> CsvOutcome {
    let table = parse(text).unwrap();
    let mapping = guess_mapping(&table.headers);
    read_rows(&table, &mapping, match_on, existing, now())
}

fn money(text: &str) -> Option<Money> {
    Some(text.parse().unwrap())
}

const HUBSPOT: &str = "Company name,Company Domain Name,Industry,Number of Employees,Annual Revenue,City,Lifecycle Stage,Phone Number\r\n\
\"Northwind Traders, Ltd\",northwind.com,Retail,50-100,\"2,500,000\",Seattle,Customer,+1 206 555 0100\r\n\
Contoso,https://www.contoso.com/about,Banking,1200,12000000.50,Redmond,Lead,\r\n";

const POLISH: &str = "\u{feff}Nazwa firmy;Strona WWW;Branża;Przychód;Miasto;Klient od;Status\r\n\
Kowalski i Syn sp. z o.o.;kowalski.pl;Budownictwo;1 234 567,50;Łódź;14.03.2019;Klient\r\n\
Nowak SA;;Finanse;12,5,0;Kraków;2019-02-30;VIP\r\n";

#[test]
fn a_hubspot_export_makes_profiles_with_parsed_values() {
    let out = read(HUBSPOT, MatchOn::CompanyName, &[]);
    assert_eq!((out.created, out.matched), (2, 0));
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let nw = &out.profiles[0];
    assert_eq!(nw.name, "Northwind Traders, Ltd");
    assert_eq!(nw.website.as_deref(), Some("https://northwind.com"));
    assert_eq!(nw.employees, Some(Span::Range { low: 50, high: 100 }));
    assert_eq!(
        nw.revenue,
        Some(Span::Exact {
            value: "2500000".parse().unwrap()
        })
    );
    assert_eq!(nw.status, Status::Customer);
    assert_eq!(out.profiles[1].status, Status::Prospect);
}

#[test]
fn a_semicolon_export_with_bom_reads_polish_amounts_and_dates() {
    let out = read(POLISH, MatchOn::CompanyName, &[]);
    let first = &out.profiles[0];
    assert_eq!(
        first.revenue,
        Some(Span::Exact {
            value: "1234567.50".parse().unwrap()
        })
    );
    assert_eq!(first.customer_since, Date::new(2019, 3, 14));
    assert_eq!(first.location, "Łódź");
}

#[test]
fn a_bad_cell_is_reported_on_its_row_and_the_rest_imports() {
    let out = read(POLISH, MatchOn::CompanyName, &[]);
    let second = &out.profiles[1];
    assert_eq!(second.name, "Nowak SA");
    assert_eq!(second.location, "Kraków");
    let errors: Vec<(usize, &str, &CellError)> = out
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str(), &e.error))
        .collect();
    assert_eq!(
        errors,
        [
            (3, "Przychód", &CellError::Input(InputError::NotANumber)),
            (3, "Klient od", &CellError::NotADate),
            (3, "Status", &CellError::UnknownStatus),
        ]
    );
    assert_eq!(second.revenue, None);
}

#[test]
fn matching_by_name_updates_a_copy_and_never_erases_a_known_value() {
    let mut here = Profile::new("Contoso".into(), now());
    here.industry = "Finance".into();
    here.yearly_spend = money("100");
    here.hq_phone = "+1 425 555 0199".into();
    let out = read(HUBSPOT, MatchOn::CompanyName, std::slice::from_ref(&here));
    assert_eq!((out.created, out.matched), (1, 1));
    let contoso = out.profiles.iter().find(|p| p.id == here.id).unwrap();
    assert_eq!(contoso.industry, "Banking", "the file's value is taken");
    assert_eq!(
        contoso.hq_phone, "+1 425 555 0199",
        "an empty cell erases nothing"
    );
    assert_eq!(
        contoso.yearly_spend,
        money("100"),
        "unmapped fields are kept"
    );
}

#[test]
fn matching_by_domain_ignores_scheme_www_and_path() {
    let mut here = Profile::new("Contoso Corporation".into(), now());
    here.website = Some("http://contoso.com".into());
    let out = read(HUBSPOT, MatchOn::WebDomain, std::slice::from_ref(&here));
    assert_eq!(out.matched, 1);
    let contoso = out.profiles.iter().find(|p| p.id == here.id).unwrap();
    assert_eq!(
        contoso.name, "Contoso Corporation",
        "a match keeps its name"
    );
    assert_eq!(
        domain_key("https://WWW.Acme.com:8080/x?y"),
        Some("acme.com".into())
    );
}

#[test]
fn rows_without_a_name_are_skipped_and_repeated_rows_merge() {
    let out = read(
        "Company,City,Contact,Contact email\n,Paris,,\nAcme,Oslo,Ann Lee,ann@acme.no\nacme ,Bergen,Ann Lee,\n",
        MatchOn::CompanyName,
        &[],
    );
    assert_eq!(out.skipped, [(2, RowSkip::NoCompanyName)]);
    assert_eq!(out.profiles.len(), 1);
    let acme = &out.profiles[0];
    assert_eq!(acme.location, "Bergen", "the later row goes on top");
    assert_eq!(acme.people.len(), 1);
    assert_eq!(acme.people[0].email.as_deref(), Some("ann@acme.no"));
}

#[test]
fn a_contact_detail_without_a_name_is_reported() {
    let out = read(
        "Company,Contact email\nAcme,ann@acme.no\n",
        MatchOn::CompanyName,
        &[],
    );
    assert_eq!(out.errors[0].error, CellError::ContactWithoutName);
    assert!(out.profiles[0].people.is_empty());
}
