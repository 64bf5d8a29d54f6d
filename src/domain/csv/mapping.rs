//! Which column fills which profile field, and a first guess of it from the
//! headers of common CRM exports (HubSpot, Salesforce, Pipedrive, Zoho and
//! Polish systems, in English and Polish).

use super::values::words;
use crate::domain::CustomFieldId;
use crate::domain::custom_field::CustomField;
use crate::domain::sorting::sort_by_key_with;
use crate::i18n::{Key, Language, text_in};

/// A profile field a CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Company name: names a new profile; a row matched with a profile here
    /// leaves that profile's name alone.
    CompanyName,
    /// Web address or bare domain (`acme.com` becomes `https://acme.com`).
    Website,
    /// Industry.
    Industry,
    /// Type of business (non-profit, franchise...). Not a CRM's "Type"
    /// column, which holds customer, prospect or partner.
    BusinessType,
    /// Customer, prospect or former customer, in common CRM words.
    Status,
    /// Number of employees, exact or a range (`50-100`).
    Employees,
    /// Average annual revenue, exact or a range.
    Revenue,
    /// Average yearly spend.
    YearlySpend,
    /// Average monthly spend.
    MonthlySpend,
    /// Currency code of the profile's amounts.
    Currency,
    /// Location in words (a city).
    Location,
    /// Region (a state, a province, a sales territory).
    Region,
    /// Headquarters phone.
    HqPhone,
    /// Headquarters e-mail.
    HqEmail,
    /// First invoice date.
    CustomerSince,
    /// Notes or a description: added to the loyalty notes, the profile's
    /// free-text notes on the relationship, never replacing them.
    Notes,
    /// Main contact's name: a key person on the profile.
    ContactName,
    /// Main contact's job title.
    ContactTitle,
    /// Main contact's e-mail.
    ContactEmail,
    /// Main contact's phone.
    ContactPhone,
    /// A field of the team's own, read as its editor reads it.
    Custom(CustomFieldId),
}

impl Target {
    /// Every target, in the order offered.
    pub const ALL: [Target; 20] = [
        Target::CompanyName,
        Target::Website,
        Target::Industry,
        Target::BusinessType,
        Target::Status,
        Target::Employees,
        Target::Revenue,
        Target::YearlySpend,
        Target::MonthlySpend,
        Target::Currency,
        Target::Location,
        Target::Region,
        Target::HqPhone,
        Target::HqEmail,
        Target::CustomerSince,
        Target::Notes,
        Target::ContactName,
        Target::ContactTitle,
        Target::ContactEmail,
        Target::ContactPhone,
    ];

    /// The field's name in the page's language, as the column mapping
    /// offers it (in the words of the merge preview that follows it), and
    /// as the profiles' spreadsheet heads its column.
    pub fn shown(self) -> &'static str {
        crate::i18n::text(self.name_key())
    }

    /// The catalogue text naming the field. A spreadsheet's header with
    /// this name in any language fills the field ([`guess_mapping`]), so a
    /// file written in Polish imports on an English page and back.
    fn name_key(self) -> Key {
        match self {
            Target::CompanyName => Key::data_csv_target_company_name,
            Target::Website => Key::data_csv_target_website,
            Target::Industry => Key::data_csv_target_industry,
            Target::BusinessType => Key::data_csv_target_business_type,
            Target::Status => Key::data_csv_target_status,
            Target::Employees => Key::data_csv_target_employees,
            Target::Revenue => Key::data_csv_target_revenue,
            Target::YearlySpend => Key::data_csv_target_yearly_spend,
            Target::MonthlySpend => Key::data_csv_target_monthly_spend,
            Target::Currency => Key::data_csv_target_currency,
            Target::Location => Key::data_csv_target_location,
            Target::Region => Key::data_csv_target_region,
            Target::HqPhone => Key::data_csv_target_hq_phone,
            Target::HqEmail => Key::data_csv_target_hq_email,
            Target::CustomerSince => Key::data_csv_target_customer_since,
            Target::Notes => Key::data_csv_target_notes,
            Target::ContactName => Key::data_csv_target_contact_name,
            Target::ContactTitle => Key::data_csv_target_contact_title,
            Target::ContactEmail => Key::data_csv_target_contact_email,
            Target::ContactPhone => Key::data_csv_target_contact_phone,
            // The mapping shows the field's own name.
            Target::Custom(_) => Key::data_csv_target_custom,
        }
    }

    /// Whether `key` ([`header_key`]) is the field's name as Clientele
    /// writes it, in either language.
    fn is_named(self, key: &str) -> bool {
        Language::ALL
            .into_iter()
            .any(|language| header_key(text_in(language, self.name_key())) == key)
    }

    /// Header names CRMs use for this field, in English and Polish, as
    /// [`header_key`] writes them; the more telling names first, because a
    /// header earlier in this list wins the field over a later one
    /// (`Account Name` over `Name`).
    ///
    /// A CRM's "Type" (`Customer - Direct`, `Partner`) is in no list: it is
    /// not the type of business, and as a status it would misfile every
    /// partner, so the user maps it by hand if they want it.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Target::CompanyName => &[
                "companyname",
                "accountname",
                "organizationname",
                "organisationname",
                "customername",
                "clientname",
                "businessname",
                "nazwafirmy",
                "nazwaklienta",
                "nazwakontrahenta",
                "company",
                "account",
                "organization",
                "organisation",
                "customer",
                "client",
                "firma",
                "klient",
                "kontrahent",
                "nazwa",
                "name",
            ],
            Target::Website => &[
                "website",
                "websiteurl",
                "webaddress",
                "homepage",
                "stronawww",
                "stronainternetowa",
                "adreswww",
                "companydomainname",
                "companydomain",
                "domainname",
                "domain",
                "domena",
                "url",
                "web",
                "www",
                "strona",
            ],
            Target::Industry => &["industry", "sector", "vertical", "branza", "sektor"],
            Target::BusinessType => &[
                "businesstype",
                "typeofbusiness",
                "typdzialalnosci",
                "rodzajdzialalnosci",
            ],
            Target::Status => &[
                "lifecyclestage",
                "customerstatus",
                "accountstatus",
                "statusklienta",
                "status",
                "etap",
                "stage",
            ],
            Target::Employees => &[
                "numberofemployees",
                "employeecount",
                "noofemployees",
                "employees",
                "headcount",
                "companysize",
                "liczbapracownikow",
                "pracownicy",
                "zatrudnienie",
                "size",
            ],
            Target::Revenue => &[
                "averageannualrevenue",
                "annualrevenue",
                "annualturnover",
                "revenue",
                "turnover",
                "przychodroczny",
                "rocznyprzychod",
                "obrotroczny",
                "przychod",
                "przychody",
                "obroty",
            ],
            Target::YearlySpend => &[
                "averageyearlyspend",
                "yearlyspend",
                "annualspend",
                "spendperyear",
                "totalspend",
                "wydatkiroczne",
                "sprzedazroczna",
                "rocznasprzedaz",
                "spend",
            ],
            Target::MonthlySpend => &[
                "averagemonthlyspend",
                "monthlyspend",
                "spendpermonth",
                "monthlyrecurringrevenue",
                "mrr",
                "wydatkimiesieczne",
                "sprzedazmiesieczna",
            ],
            Target::Currency => &[
                "currency",
                "currencycode",
                "currencyisocode",
                "accountcurrency",
                "waluta",
            ],
            Target::Location => &[
                "city",
                "billingcity",
                "location",
                "town",
                "miasto",
                "miejscowosc",
                "lokalizacja",
            ],
            Target::Region => &[
                "region",
                "stateregion",
                "stateprovince",
                "billingstateprovince",
                "billingstate",
                "state",
                "province",
                "territory",
                "salesterritory",
                "wojewodztwo",
            ],
            Target::HqPhone => &[
                "headquartersphone",
                "phone",
                "phonenumber",
                "companyphone",
                "mainphone",
                "officephone",
                "telephone",
                "telefon",
                "numertelefonu",
                "nrtelefonu",
                "tel",
            ],
            Target::HqEmail => &[
                "headquartersemail",
                "email",
                "emailaddress",
                "companyemail",
                "generalemail",
                "adresemail",
                "mail",
            ],
            Target::CustomerSince => &[
                "customersince",
                "clientsince",
                "becameacustomerdate",
                "firstinvoicedate",
                "firstinvoice",
                "firstpurchasedate",
                "firstpurchase",
                "klientod",
                "wspolpracaod",
                "datarozpoczeciawspolpracy",
                "datapierwszejfaktury",
            ],
            Target::Notes => &[
                "loyaltynotes",
                "notes",
                "note",
                "description",
                "comments",
                "comment",
                "remarks",
                "uwagi",
                "notatki",
                "notatka",
                "opis",
                "komentarz",
            ],
            Target::ContactName => &[
                "maincontactname",
                "contactname",
                "primarycontactname",
                "primarycontact",
                "osobakontaktowa",
                "contact",
                "kontakt",
                "imieinazwisko",
            ],
            Target::ContactTitle => &[
                "maincontactjobtitle",
                "contacttitle",
                "jobtitle",
                "title",
                "position",
                "stanowisko",
                "funkcja",
            ],
            Target::ContactEmail => &[
                "maincontactemail",
                "contactemail",
                "primarycontactemail",
                "emailkontaktu",
                "emailosobykontaktowej",
            ],
            // Recognised by the field's own name (see `guess_mapping`).
            Target::Custom(_) => &[],
            Target::ContactPhone => &[
                "maincontactphone",
                "contactphone",
                "primarycontactphone",
                "mobilephone",
                "mobile",
                "cellphone",
                "telefonkontaktu",
                "telefonkomorkowy",
                "komorka",
            ],
        }
    }
}

/// How rows find the profiles they update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatchOn {
    /// The company name, ignoring case and runs of spaces.
    #[default]
    CompanyName,
    /// The web domain, ignoring scheme, `www.`, port and path. A row
    /// without a domain, or a profile here without one, is matched by
    /// company name instead: it has nothing to tell them apart, and a new
    /// profile would duplicate it.
    WebDomain,
}

/// A header as compared with the known names: lower case, Polish letters
/// without accents, nothing but letters and digits (`E-mail`, `e_mail` and
/// `EMAIL` are all `email`; `Billing State/Province` is
/// `billingstateprovince`).
pub fn header_key(header: &str) -> String {
    words(header).replace(' ', "")
}

/// A first guess of the mapping, one entry per header. A header with the
/// name of one of the team's own fields (`custom`) fills that field; each
/// other header is looked up among Clientele's own names for the fields, in
/// either language, then among the names CRMs use, and when two headers
/// name the same field the more telling name wins (`Account Name` over
/// `Name`), then the earlier column. No target is used twice; unknown
/// headers stay `None`.
pub fn guess_mapping(headers: &[String], custom: &[CustomField]) -> Vec<Option<Target>> {
    let mut mapping = vec![None; headers.len()];
    let mut used = Vec::new();
    for (column, header) in headers.iter().enumerate() {
        let key = header_key(header);
        let own = custom
            .iter()
            .map(|f| (Target::Custom(f.id), &f.name))
            .find(|(target, name)| header_key(name) == key && !used.contains(target));
        if let Some((target, _)) = own {
            used.push(target);
            mapping[column] = Some(target);
        }
    }
    // (rank in the target's list, column, target) for every header known.
    let mut candidates: Vec<(usize, usize, Target)> = headers
        .iter()
        .enumerate()
        .filter(|(column, _)| mapping[*column].is_none())
        .filter_map(|(column, header)| {
            let key = header_key(header);
            // Clientele's own name for a field, in either language, is the
            // most telling.
            let own = Target::ALL.into_iter().find(|target| target.is_named(&key));
            own.map(|target| (0, column, target)).or_else(|| {
                Target::ALL.into_iter().find_map(|target| {
                    let rank = target.headers().iter().position(|h| *h == key)?;
                    Some((1 + rank, column, target))
                })
            })
        })
        .collect();
    sort_by_key_with(&mut candidates, |&(rank, column, _)| (rank, column));
    for (_, column, target) in candidates {
        if !used.contains(&target) {
            used.push(target);
            mapping[column] = Some(target);
        }
    }
    mapping
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::parse;
    use super::*;
    use std::collections::HashSet;

    fn guess(headers: &[&str]) -> Vec<Option<Target>> {
        guess_mapping(
            &headers.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
            &[],
        )
    }

    fn guessed(text: &str) -> Vec<(String, Target)> {
        let table = parse(text).unwrap();
        let mapping = guess_mapping(&table.headers, &[]);
        table
            .headers
            .into_iter()
            .zip(mapping)
            .filter_map(|(h, t)| Some((h, t?)))
            .collect()
    }

    fn pairs(expected: &[(&str, Target)]) -> Vec<(String, Target)> {
        expected.iter().map(|(h, t)| (h.to_string(), *t)).collect()
    }

    #[test]
    fn a_hubspot_export_is_mapped_and_its_type_like_columns_left_alone() {
        assert_eq!(
            guessed(HUBSPOT),
            pairs(&[
                ("Company name", Target::CompanyName),
                ("Phone Number", Target::HqPhone),
                ("City", Target::Location),
                ("State/Region", Target::Region),
                ("Industry", Target::Industry),
                ("Website URL", Target::Website),
                ("Lifecycle Stage", Target::Status),
                ("Number of Employees", Target::Employees),
                ("Annual Revenue", Target::Revenue),
                ("Description", Target::Notes),
                ("Became a Customer Date", Target::CustomerSince),
            ])
        );
    }

    #[test]
    fn a_salesforce_report_is_mapped_but_its_type_column_is_not() {
        assert_eq!(
            guessed(SALESFORCE),
            pairs(&[
                ("Account Name", Target::CompanyName),
                ("Industry", Target::Industry),
                ("Billing City", Target::Location),
                ("Billing State/Province", Target::Region),
                ("Phone", Target::HqPhone),
                ("Website", Target::Website),
                ("Employees", Target::Employees),
                ("Annual Revenue", Target::Revenue),
                ("Customer Since", Target::CustomerSince),
                ("Primary Contact", Target::ContactName),
                ("Contact Email", Target::ContactEmail),
            ])
        );
        // Salesforce's Data Loader writes API names.
        assert_eq!(
            guess(&[
                "Id",
                "Name",
                "Type",
                "BillingCity",
                "BillingState",
                "Phone",
                "Website",
                "AnnualRevenue",
                "NumberOfEmployees",
                "Description",
                "CurrencyIsoCode",
            ]),
            [
                None,
                Some(Target::CompanyName),
                None,
                Some(Target::Location),
                Some(Target::Region),
                Some(Target::HqPhone),
                Some(Target::Website),
                Some(Target::Revenue),
                Some(Target::Employees),
                Some(Target::Notes),
                Some(Target::Currency),
            ]
        );
    }

    #[test]
    fn a_polish_export_is_mapped_with_or_without_accents() {
        assert_eq!(
            guessed(POLISH),
            pairs(&[
                ("Nazwa firmy", Target::CompanyName),
                ("Strona www", Target::Website),
                ("Branża", Target::Industry),
                ("Liczba pracowników", Target::Employees),
                ("Przychód", Target::Revenue),
                ("Waluta", Target::Currency),
                ("Miasto", Target::Location),
                ("Województwo", Target::Region),
                ("Telefon", Target::HqPhone),
                ("E-mail", Target::HqEmail),
                ("Klient od", Target::CustomerSince),
                ("Status", Target::Status),
                ("Osoba kontaktowa", Target::ContactName),
                ("Stanowisko", Target::ContactTitle),
                ("Uwagi", Target::Notes),
                ("Sprzedaż roczna", Target::YearlySpend),
            ])
        );
        assert_eq!(
            guess(&["Firma", "Branza", "LICZBA PRACOWNIKOW", "przychod"]),
            [
                Target::CompanyName,
                Target::Industry,
                Target::Employees,
                Target::Revenue
            ]
            .map(Some)
        );
    }

    #[test]
    fn no_target_is_used_twice_and_the_more_telling_header_wins() {
        assert_eq!(
            guess(&["Company", "Account Name", "Favourite colour"]),
            [None, Some(Target::CompanyName), None]
        );
        assert_eq!(
            guess(&["Name", "Organization", "Stage", "Lifecycle Stage"]),
            [None, Some(Target::CompanyName), None, Some(Target::Status)]
        );
        assert_eq!(
            guess(&["Email", "E-mail", "Phone", "Mobile"]),
            [
                Some(Target::HqEmail),
                None,
                Some(Target::HqPhone),
                Some(Target::ContactPhone)
            ]
        );
        assert_eq!(guess(&[]), []);
    }

    #[test]
    fn every_known_header_is_written_as_compared_and_names_one_target() {
        let mut seen = HashSet::new();
        for target in Target::ALL {
            for header in target.headers() {
                assert_eq!(header_key(header), *header, "{target:?} never matches");
                assert!(seen.insert(*header), "{header} names two targets");
            }
        }
    }

    #[test]
    fn each_field_has_a_name_of_its_own_in_each_language() {
        for language in Language::ALL {
            let names: HashSet<_> = Target::ALL
                .iter()
                .map(|t| header_key(text_in(language, t.name_key())))
                .collect();
            assert_eq!(names.len(), Target::ALL.len(), "{language:?}");
        }
    }

    #[test]
    fn clientele_s_own_headers_in_either_language_fill_their_fields() {
        use crate::i18n::set_language;
        for language in Language::ALL {
            set_language(language);
            let headers: Vec<String> = Target::ALL.map(|t| t.shown().to_owned()).to_vec();
            set_language(Language::English);
            let every: Vec<_> = Target::ALL.map(Some).to_vec();
            assert_eq!(guess_mapping(&headers, &[]), every, "{language:?}");
        }
        assert_eq!(
            guess(&[
                "Nazwa firmy",
                "Główna osoba kontaktowa: e-mail",
                "Klient od"
            ]),
            [
                Some(Target::CompanyName),
                Some(Target::ContactEmail),
                Some(Target::CustomerSince)
            ]
        );
        assert_eq!(Target::CompanyName.shown(), "Company name");
    }

    #[test]
    fn a_header_with_the_name_of_a_field_of_their_own_fills_it_first() {
        use crate::domain::custom_field::{CustomField, FieldKind};
        let own = CustomField::new("Notes".into(), FieldKind::Text);
        let plan = CustomField::new("Support plan".into(), FieldKind::Choice);
        let headers: Vec<String> = ["Company name", "notes", "SUPPORT PLAN", "Loyalty notes"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(
            guess_mapping(&headers, &[own.clone(), plan.clone()]),
            [
                Some(Target::CompanyName),
                Some(Target::Custom(own.id)),
                Some(Target::Custom(plan.id)),
                Some(Target::Notes),
            ]
        );
    }
}
