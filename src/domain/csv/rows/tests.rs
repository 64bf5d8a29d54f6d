use super::*;
use crate::domain::csv::fixtures::*;
use crate::domain::csv::{guess_mapping, parse};
use crate::domain::input::Span;
use crate::domain::profile::Status;
use crate::domain::{Date, Money};

fn now() -> Timestamp {
    "2026-11-22T06:43:03Z".parse().unwrap()
}

/// Reads `text` with the guessed mapping.
fn read(text: &str, match_on: MatchOn, existing: &[Profile]) -> CsvOutcome {
    read_mapped(text, |_| {}, match_on, existing)
}

/// Reads `text` with the guessed mapping as changed by `change`.
fn read_mapped(
    text: &str,
    change: impl FnOnce(&mut Vec<Option<Target>>),
    match_on: MatchOn,
    existing: &[Profile],
) -> CsvOutcome {
    let table = parse(text).unwrap();
    let mut mapping = guess_mapping(&table.headers, &[]);
    change(&mut mapping);
    read_rows(&table, &mapping, match_on, existing, &[], now())
}

fn money(text: &str) -> Option<Money> {
    Some(text.parse().unwrap())
}

fn exact_money(text: &str) -> Option<Span<Money>> {
    Some(Span::Exact {
        value: text.parse().unwrap(),
    })
}

fn date(text: &str) -> Option<Date> {
    Some(text.parse().unwrap())
}

fn profile(name: &str) -> Profile {
    Profile::new(name.into(), now())
}

fn named<'a>(out: &'a CsvOutcome, name: &str) -> &'a Profile {
    out.profiles
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", out.profiles))
}

/// The errors as (line, column, target, value, error), for comparing.
fn errors(out: &CsvOutcome) -> Vec<(usize, &str, Target, &str, CellError)> {
    out.errors
        .iter()
        .map(|e| {
            (
                e.line,
                e.column.as_str(),
                e.target,
                e.value.as_str(),
                e.error.clone(),
            )
        })
        .collect()
}

#[test]
fn a_hubspot_export_makes_profiles_with_parsed_values() {
    let out = read(HUBSPOT, MatchOn::CompanyName, &[]);
    assert_eq!((out.created, out.matched), (3, 0));
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert!(out.skipped.is_empty() && out.extra_cells.is_empty());

    let nw = named(&out, "Northwind Traders, Ltd");
    assert_eq!(nw.website.as_deref(), Some("https://www.northwind.com"));
    assert_eq!(nw.employees, Some(Span::Range { low: 51, high: 200 }));
    assert_eq!(nw.revenue, exact_money("2500000"));
    assert_eq!(nw.status, Status::Customer);
    assert_eq!(
        (nw.location.as_str(), nw.region.as_str()),
        ("Seattle", "WA")
    );
    assert_eq!(nw.hq_phone, "+1 206 555 0100");
    assert_eq!(nw.customer_since, date("2021-06-01"));
    assert_eq!(
        nw.loyalty_notes,
        "Met at NRF 2024.\nPrefers calls before noon, says \"no e-mail\"."
    );
    assert_eq!(nw.created_at, now());

    let contoso = named(&out, "Contoso");
    assert_eq!(
        contoso.status,
        Status::Prospect,
        "a marketing qualified lead"
    );
    assert_eq!(contoso.employees, Some(Span::Exact { value: 1200 }));
    assert_eq!(contoso.revenue, exact_money("12000000.50"));
    assert_eq!(contoso.website.as_deref(), Some("https://contoso.com"));

    let fabrikam = named(&out, "Fabrikam Inc.");
    assert_eq!(fabrikam.status, Status::Customer, "an evangelist buys");
    assert_eq!(fabrikam.customer_since, date("2019-11-30"), "time dropped");
    assert_eq!(
        fabrikam.website.as_deref(),
        Some("http://fabrikam.com/en-us")
    );
}

#[test]
fn semicolon_export_with_bom_reads_polish_amounts() {
    let out = read(POLISH, MatchOn::CompanyName, &[]);
    assert_eq!(out.created, 3);
    let kowalski = named(&out, "Kowalski i Syn sp. z o.o.");
    assert_eq!(kowalski.revenue, exact_money("1234567.50"));
    assert_eq!(kowalski.yearly_spend, money("48000.00"));
    assert_eq!(kowalski.employees, Some(Span::Range { low: 50, high: 100 }));
    assert_eq!(kowalski.currency, "PLN");
    assert_eq!(kowalski.website.as_deref(), Some("https://www.kowalski.pl"));
    assert_eq!(kowalski.location, "Łódź");
    assert_eq!(kowalski.region, "łódzkie");
    assert_eq!(kowalski.hq_email.as_deref(), Some("biuro@kowalski.pl"));
    assert_eq!(kowalski.customer_since, date("2019-03-14"));
    assert_eq!(kowalski.status, Status::Customer);
    assert_eq!(
        kowalski.loyalty_notes,
        "Płaci w terminie; woli kontakt telefoniczny"
    );
    assert_eq!(kowalski.people.len(), 1);
    assert_eq!(kowalski.people[0].name, "Anna Kowalska");
    assert_eq!(kowalski.people[0].title, "Prezes zarządu");

    let zielinska = named(&out, "Zielińska Trans");
    assert_eq!(zielinska.yearly_spend, money("1234.50"));
    assert_eq!(zielinska.revenue, exact_money("850000"));
    assert_eq!(zielinska.employees, Some(Span::Exact { value: 1200 }));
    assert_eq!(zielinska.currency, "PLN", "written in lower case");
    assert_eq!(zielinska.status, Status::FormerCustomer);
    assert_eq!(
        zielinska.customer_since,
        date("2015-02-01"),
        "01/02/2015 is day first: nothing in the column says otherwise"
    );
}

#[test]
fn a_bad_amount_is_reported_on_its_row_and_the_rest_imports() {
    let out = read(POLISH, MatchOn::CompanyName, &[]);
    assert_eq!(
        errors(&out),
        [
            (
                3,
                "Przychód",
                Target::Revenue,
                "12,5,0",
                CellError::Input(InputError::NotANumber)
            ),
            (
                3,
                "E-mail",
                Target::HqEmail,
                "kontakt@nowak",
                CellError::Input(InputError::NotAnEmail)
            ),
            (
                3,
                "Klient od",
                Target::CustomerSince,
                "2019-02-30",
                CellError::NotADate
            ),
            (3, "Status", Target::Status, "VIP", CellError::UnknownStatus),
        ]
    );
    let nowak = named(&out, "Nowak SA");
    assert_eq!(nowak.revenue, None, "left as it was");
    assert_eq!(nowak.hq_email, None);
    assert_eq!(nowak.customer_since, None);
    assert_eq!(nowak.status, Status::Prospect, "a new profile's status");
    assert_eq!(nowak.industry, "Finanse", "the rest of the row imports");
    assert_eq!(nowak.location, "Kraków");
    assert_eq!(nowak.employees, Some(Span::Exact { value: 250 }));
    assert_eq!(nowak.website.as_deref(), Some("https://nowak.com.pl"));
}

#[test]
fn us_dates_in_a_salesforce_report_are_read_month_first_and_a_mapped_type_gives_the_status() {
    let out = read_mapped(
        SALESFORCE,
        |mapping| {
            assert_eq!(mapping[2], None, "Type is not guessed");
            mapping[2] = Some(Target::Status);
        },
        MatchOn::CompanyName,
        &[],
    );
    assert_eq!(out.created, 3);
    let globex = named(&out, "Globex Corporation");
    assert_eq!(globex.customer_since, date("2019-03-14"));
    assert_eq!(globex.status, Status::Customer, "Customer - Direct");
    assert_eq!(globex.employees, Some(Span::Exact { value: 1200 }));
    assert_eq!(globex.revenue, exact_money("45000000"));
    assert_eq!(globex.website.as_deref(), Some("https://www.globex.com"));
    assert_eq!(globex.people[0].name, "Hank Scorpio");
    assert_eq!(globex.people[0].email.as_deref(), Some("hank@globex.com"));
    let initech = named(&out, "Initech");
    assert_eq!(initech.customer_since, date("2020-11-02"));
    assert_eq!(initech.status, Status::Prospect);
    assert_eq!(
        initech.people[0].name, "Bill Lumbergh",
        "kept without e-mail"
    );
    assert_eq!(initech.people[0].email, None);
    let umbrella = named(&out, "Umbrella Corp");
    assert_eq!(umbrella.customer_since, date("2021-01-05"));
    assert_eq!(
        umbrella.employees,
        Some(Span::Range {
            low: 5000,
            high: 10000
        })
    );
    assert!(umbrella.people.is_empty());
    assert_eq!(
        errors(&out),
        [
            (
                3,
                "Contact Email",
                Target::ContactEmail,
                "bill.lumbergh@initech",
                CellError::Input(InputError::NotAnEmail)
            ),
            (
                4,
                "Type",
                Target::Status,
                "Channel Partner / Reseller",
                CellError::UnknownStatus
            ),
        ]
    );
}

#[test]
fn matching_by_domain_ignores_www_and_scheme() {
    let mut contoso = profile("Contoso Corporation");
    contoso.website = Some("http://www.Contoso.com/".into());
    let mut northwind = profile("Northwind");
    northwind.website = Some("https://northwind.com:443/en".into());
    let here = [contoso.clone(), northwind.clone()];
    let out = read(HUBSPOT, MatchOn::WebDomain, &here);
    assert_eq!((out.matched, out.created), (2, 1));
    let found = out.profiles.iter().find(|p| p.id == contoso.id).unwrap();
    assert_eq!(found.name, "Contoso Corporation", "a match keeps its name");
    assert_eq!(
        found.website.as_deref(),
        Some("http://www.Contoso.com/"),
        "the same domain keeps the address here"
    );
    assert_eq!(found.industry, "Banking");
    let found = out.profiles.iter().find(|p| p.id == northwind.id).unwrap();
    assert_eq!(found.name, "Northwind");
    assert_eq!(found.status, Status::Customer);
    assert_eq!(
        out.profiles.iter().filter(|p| p.name == "Contoso").count(),
        0
    );
}

#[test]
fn matching_by_name_ignores_case_and_spacing_and_updates_a_copy() {
    let mut here = profile("NORTHWIND traders,   Ltd");
    here.industry = "Wholesale".into();
    let out = read(HUBSPOT, MatchOn::CompanyName, std::slice::from_ref(&here));
    assert_eq!((out.matched, out.created), (1, 2));
    let found = out.profiles.iter().find(|p| p.id == here.id).unwrap();
    assert_eq!(found.name, here.name);
    assert_eq!(found.created_at, here.created_at);
    assert_eq!(found.industry, "Retail");
    assert_eq!(here.industry, "Wholesale", "the profile here is untouched");
}

#[test]
fn an_empty_cell_never_erases_a_known_value() {
    let mut here = profile("Contoso");
    here.industry = "Finance".into();
    here.hq_phone = "+1 425 555 0199".into();
    here.customer_since = date("2018-01-01");
    here.loyalty_notes = "Renewal in March.".into();
    here.yearly_spend = money("100");
    let out = read(HUBSPOT, MatchOn::CompanyName, std::slice::from_ref(&here));
    let contoso = out.profiles.iter().find(|p| p.id == here.id).unwrap();
    assert_eq!(contoso.industry, "Banking", "a value in the file is taken");
    assert_eq!(
        contoso.hq_phone, "+1 425 555 0199",
        "the phone cell is empty"
    );
    assert_eq!(contoso.customer_since, date("2018-01-01"));
    assert_eq!(contoso.loyalty_notes, "Renewal in March.");
    assert_eq!(contoso.yearly_spend, money("100"), "an unmapped field");
}

#[test]
fn notes_are_added_to_the_loyalty_notes_never_replacing_them() {
    let mut here = profile("Acme");
    here.loyalty_notes = "Renewal in March.".into();
    let out = read(
        "Company,Notes\nAcme,Met at the fair.\nAcme,Renewal in March.\n",
        MatchOn::CompanyName,
        std::slice::from_ref(&here),
    );
    assert_eq!(
        out.profiles[0].loyalty_notes,
        "Renewal in March.\n\nMet at the fair."
    );
}

#[test]
fn a_row_without_a_company_name_is_skipped_unless_its_domain_matches() {
    let mut acme = profile("Acme");
    acme.website = Some("https://acme.com".into());
    let text = "Company,Website,City\n,www.acme.com,Oslo\n  ,unknown.org,Paris\nBeta,,Rome\n";
    let out = read(text, MatchOn::WebDomain, std::slice::from_ref(&acme));
    assert_eq!(out.skipped, [(3, RowSkip::NoCompanyName)]);
    assert_eq!((out.matched, out.created), (1, 1));
    assert_eq!(named(&out, "Acme").location, "Oslo");
    assert_eq!(named(&out, "Beta").location, "Rome");

    let out = read(text, MatchOn::CompanyName, std::slice::from_ref(&acme));
    assert_eq!(
        out.skipped,
        [(2, RowSkip::NoCompanyName), (3, RowSkip::NoCompanyName)]
    );
    assert!(
        out.errors.is_empty(),
        "a skipped row's cells are not checked"
    );
}

#[test]
fn later_rows_for_the_same_company_apply_on_top() {
    let text = "Company,City,Industry,Contact,Contact email\n\
                Acme,Oslo,Retail,Ann Lee,ann@acme.no\n\
                acme ,Bergen,,Ann  Lee,\n\
                ACME,,Banking,,\n";
    let out = read(text, MatchOn::CompanyName, &[]);
    assert_eq!((out.created, out.profiles.len()), (1, 1));
    let acme = &out.profiles[0];
    assert_eq!(acme.name, "Acme", "named by the first row");
    assert_eq!(acme.location, "Bergen", "the later row goes on top");
    assert_eq!(acme.industry, "Banking");
    assert_eq!(acme.people.len(), 1, "one contact name is one person");
    assert_eq!(acme.people[0].email.as_deref(), Some("ann@acme.no"));

    let here = profile("Acme");
    let out = read(text, MatchOn::CompanyName, std::slice::from_ref(&here));
    assert_eq!((out.matched, out.created, out.profiles.len()), (1, 0, 1));
    assert_eq!(out.profiles[0].id, here.id);
    assert_eq!(out.profiles[0].location, "Bergen");
}

#[test]
fn the_main_contact_is_found_again_by_name_or_added() {
    let mut here = profile("Acme");
    here.people.push(Person {
        name: "Anna Nowak".into(),
        email: Some("old@acme.pl".into()),
        ..Person::default()
    });
    let anna = here.people[0].id;
    let out = read(
        "Company,Contact,Job title,Contact email,Mobile\n\
         Acme,anna  NOWAK,CFO,anna@acme.pl,\n\
         Acme,Jan Kowalski,CEO,,+48 600 000 000\n\
         Acme,,CTO,cto@acme.pl,\n",
        MatchOn::CompanyName,
        std::slice::from_ref(&here),
    );
    let people = &out.profiles[0].people;
    assert_eq!(people.len(), 2);
    assert_eq!(people[0].id, anna);
    assert_eq!(people[0].name, "Anna Nowak", "the name here is kept");
    assert_eq!(people[0].title, "CFO");
    assert_eq!(people[0].email.as_deref(), Some("anna@acme.pl"));
    assert_eq!(people[1].name, "Jan Kowalski");
    assert_eq!(people[1].phone, "+48 600 000 000");
    assert_eq!(
        errors(&out),
        [
            (
                4,
                "Job title",
                Target::ContactTitle,
                "CTO",
                CellError::ContactWithoutName
            ),
            (
                4,
                "Contact email",
                Target::ContactEmail,
                "cto@acme.pl",
                CellError::ContactWithoutName
            ),
        ]
    );
}

#[test]
fn a_company_name_too_long_is_reported_and_its_row_skipped() {
    let long = "x".repeat(121);
    let text = format!("Company,Website\n{long},long.example\nAcme,\n");
    let out = read(&text, MatchOn::CompanyName, &[]);
    assert_eq!(out.skipped, [(2, RowSkip::NoCompanyName)]);
    assert_eq!(
        errors(&out),
        [(
            2,
            "Company",
            Target::CompanyName,
            long.as_str(),
            CellError::Input(InputError::TooLong {
                max: 120,
                chars: 121
            })
        )]
    );
    assert_eq!(out.created, 1);

    let mut here = profile("Long Example Ltd");
    here.website = Some("https://long.example".into());
    let out = read(&text, MatchOn::WebDomain, std::slice::from_ref(&here));
    assert!(out.errors.is_empty(), "a match needs no name from the file");
    assert_eq!((out.matched, out.created), (1, 1));
}

#[test]
fn matching_by_domain_falls_back_to_the_name_when_either_side_has_no_domain() {
    let beta = profile("Beta");
    let mut gamma = profile("Gamma");
    gamma.website = Some("https://gamma.com".into());
    let out = read(
        "Company,Website,City\nBeta,beta.io,Oslo\nGamma,,Rome\nGamma,gamma.net,Paris\n",
        MatchOn::WebDomain,
        &[beta.clone(), gamma.clone()],
    );
    assert_eq!((out.matched, out.created), (2, 1));
    let found = out.profiles.iter().find(|p| p.id == beta.id).unwrap();
    assert_eq!(found.website.as_deref(), Some("https://beta.io"));
    let found = out.profiles.iter().find(|p| p.id == gamma.id).unwrap();
    assert_eq!(found.location, "Rome", "no domain in the row");
    assert!(
        out.profiles
            .iter()
            .any(|p| p.id != gamma.id && p.name == "Gamma" && p.location == "Paris"),
        "another domain is another company"
    );
}

#[test]
fn a_domain_here_wins_over_a_name_found_in_the_file() {
    let mut here = profile("Acme Polska");
    here.website = Some("https://acme.pl".into());
    let out = read(
        "Company,Website,City\nAcme,,Oslo\nAcme,acme.pl,Kraków\n",
        MatchOn::WebDomain,
        std::slice::from_ref(&here),
    );
    assert_eq!((out.matched, out.created), (1, 1));
    let found = out.profiles.iter().find(|p| p.id == here.id).unwrap();
    assert_eq!(found.location, "Kraków");
    assert_eq!(named(&out, "Acme").location, "Oslo");
}

#[test]
fn a_profile_here_reached_by_two_keys_is_copied_once() {
    let mut here = profile("Acme");
    here.website = Some("https://acme.com".into());
    let out = read(
        "Company,Website,City\n,acme.com,Oslo\nAcme,,Bergen\n",
        MatchOn::WebDomain,
        std::slice::from_ref(&here),
    );
    assert_eq!((out.matched, out.created, out.profiles.len()), (1, 0, 1));
    assert_eq!(out.profiles[0].location, "Bergen");
}

#[test]
fn a_website_of_another_domain_replaces_the_one_here() {
    let mut here = profile("Acme");
    here.website = Some("https://acme.com".into());
    let out = read(
        "Company,Website\nAcme,acme.de\n",
        MatchOn::CompanyName,
        std::slice::from_ref(&here),
    );
    assert_eq!(out.profiles[0].website.as_deref(), Some("https://acme.de"));
}

#[test]
fn reading_the_same_file_again_changes_nothing() {
    for (text, match_on) in [
        (HUBSPOT, MatchOn::CompanyName),
        (HUBSPOT, MatchOn::WebDomain),
        (SALESFORCE, MatchOn::CompanyName),
        (POLISH, MatchOn::CompanyName),
    ] {
        let first = read(text, match_on, &[]);
        let again = read(text, match_on, &first.profiles);
        assert_eq!(again.profiles, first.profiles, "{match_on:?}\n{text}");
        assert_eq!(
            (again.matched, again.created),
            (first.profiles.len(), 0),
            "{text}"
        );
    }
}

#[test]
fn single_line_fields_lose_line_breaks_but_notes_keep_them() {
    let out = read(
        "Company,Industry,Notes\n\"Acme\nInc\",\"Retail\n and online\",\"one\ntwo\"\n",
        MatchOn::CompanyName,
        &[],
    );
    let acme = &out.profiles[0];
    assert_eq!(acme.name, "Acme Inc");
    assert_eq!(acme.industry, "Retail and online");
    assert_eq!(acme.loyalty_notes, "one\ntwo");
}

#[test]
fn an_odd_mapping_neither_panics_nor_fills_a_field_twice() {
    let table = parse("A,B,C\nAcme,Other,Oslo\n").unwrap();
    let mapping = [
        Some(Target::CompanyName),
        Some(Target::CompanyName),
        Some(Target::Location),
        Some(Target::Industry),
    ];
    let out = read_rows(&table, &mapping, MatchOn::CompanyName, &[], &[], now());
    assert_eq!(out.profiles[0].name, "Acme");
    assert_eq!(out.profiles[0].location, "Oslo");
    assert_eq!(out.profiles[0].industry, "", "past the last header");
    let out = read_rows(
        &table,
        &[Some(Target::CompanyName)],
        MatchOn::WebDomain,
        &[],
        &[],
        now(),
    );
    assert_eq!(out.created, 1);
    let out = read_rows(&table, &[], MatchOn::CompanyName, &[], &[], now());
    assert_eq!(out.skipped, [(2, RowSkip::NoCompanyName)]);
}

#[test]
fn rows_with_more_cells_than_headers_are_listed() {
    let out = read(
        "Company,City\nAcme,Oslo,Norway\nBeta,Rome\n",
        MatchOn::CompanyName,
        &[],
    );
    assert_eq!(out.extra_cells, [2]);
    assert_eq!(out.created, 2, "the row still imports");
}

#[test]
fn two_profiles_here_with_one_name_the_first_is_updated() {
    let (first, second) = (profile("Acme"), profile("acme"));
    let out = read(
        "Company,City\nAcme,Oslo\n",
        MatchOn::CompanyName,
        &[first.clone(), second],
    );
    assert_eq!(out.profiles.len(), 1);
    assert_eq!(out.profiles[0].id, first.id);
}

#[test]
fn a_field_of_their_own_is_read_as_its_editor_reads_it() {
    use crate::domain::custom_field::{CustomField, FieldKind};
    let mut plan = CustomField::new("Support plan".into(), FieldKind::Choice);
    plan.options = vec!["Gold".into(), "Silver".into()];
    let size = CustomField::new("Contract size".into(), FieldKind::Number);
    let custom = [plan.clone(), size.clone()];
    let table =
        parse("Company,Support plan,Contract size\nAcme,gold,\"12 500,50\"\nBeta,Platinum,lots\n")
            .unwrap();
    let mapping = guess_mapping(&table.headers, &custom);
    let out = read_rows(&table, &mapping, MatchOn::CompanyName, &[], &custom, now());
    let acme = &out.profiles[0];
    assert_eq!(acme.custom.get(&plan.id).map(String::as_str), Some("Gold"));
    assert_eq!(
        acme.custom.get(&size.id).map(String::as_str),
        Some("12500.5")
    );
    let refused: Vec<(&str, &CellError)> = out
        .errors
        .iter()
        .map(|e| (e.column.as_str(), &e.error))
        .collect();
    assert_eq!(
        refused,
        [
            ("Support plan", &CellError::Input(InputError::NotAnOption)),
            ("Contract size", &CellError::Input(InputError::NotANumber)),
        ]
    );
    assert!(
        out.profiles[1].custom.is_empty(),
        "Beta is imported without them"
    );
}
