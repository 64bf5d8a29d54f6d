//! Which column fills which profile field.

/// A profile field a CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Company name (needed for a new profile).
    CompanyName,
    /// Web address or bare domain.
    Website,
    /// Industry.
    Industry,
    /// Type of business.
    BusinessType,
    /// Customer, prospect or former customer.
    Status,
    /// Number of employees, exact or a range.
    Employees,
    /// Average annual revenue, exact or a range.
    Revenue,
    /// Average yearly spend.
    YearlySpend,
    /// Average monthly spend.
    MonthlySpend,
    /// Currency code.
    Currency,
    /// Location in words (city, country).
    Location,
    /// Region.
    Region,
    /// Headquarters phone.
    HqPhone,
    /// Headquarters e-mail.
    HqEmail,
    /// First invoice date.
    CustomerSince,
    /// Main contact's name.
    ContactName,
    /// Main contact's job title.
    ContactTitle,
    /// Main contact's e-mail.
    ContactEmail,
    /// Main contact's phone.
    ContactPhone,
}

impl Target {
    /// Every target, in the order offered.
    pub const ALL: [Target; 19] = [
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
        Target::ContactName,
        Target::ContactTitle,
        Target::ContactEmail,
        Target::ContactPhone,
    ];

    /// The field's name in the product's words.
    pub fn label(self) -> &'static str {
        match self {
            Target::CompanyName => "Company name",
            Target::Website => "Web address",
            Target::Industry => "Industry",
            Target::BusinessType => "Type of business",
            Target::Status => "Status",
            Target::Employees => "Number of employees",
            Target::Revenue => "Average annual revenue",
            Target::YearlySpend => "Average yearly spend",
            Target::MonthlySpend => "Average monthly spend",
            Target::Currency => "Currency",
            Target::Location => "Location",
            Target::Region => "Region",
            Target::HqPhone => "Headquarters phone",
            Target::HqEmail => "Headquarters e-mail",
            Target::CustomerSince => "Customer since",
            Target::ContactName => "Main contact: name",
            Target::ContactTitle => "Main contact: job title",
            Target::ContactEmail => "Main contact: e-mail",
            Target::ContactPhone => "Main contact: phone",
        }
    }

    /// A stable key, for a `<select>`.
    pub fn key(self) -> &'static str {
        match self {
            Target::CompanyName => "company",
            Target::Website => "website",
            Target::Industry => "industry",
            Target::BusinessType => "business_type",
            Target::Status => "status",
            Target::Employees => "employees",
            Target::Revenue => "revenue",
            Target::YearlySpend => "yearly_spend",
            Target::MonthlySpend => "monthly_spend",
            Target::Currency => "currency",
            Target::Location => "location",
            Target::Region => "region",
            Target::HqPhone => "hq_phone",
            Target::HqEmail => "hq_email",
            Target::CustomerSince => "customer_since",
            Target::ContactName => "contact_name",
            Target::ContactTitle => "contact_title",
            Target::ContactEmail => "contact_email",
            Target::ContactPhone => "contact_phone",
        }
    }

    /// The target with `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    /// Header names CRMs use for this field (English and Polish), lower
    /// case, compared after dropping spaces, dashes and underscores.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Target::CompanyName => &[
                "company",
                "companyname",
                "account",
                "accountname",
                "organization",
                "organisation",
                "organizationname",
                "name",
                "firma",
                "nazwafirmy",
                "nazwa",
                "klient",
            ],
            Target::Website => &[
                "website",
                "web",
                "www",
                "url",
                "domain",
                "companydomainname",
                "websiteurl",
                "stronawww",
                "strona",
                "domena",
            ],
            Target::Industry => &["industry", "sector", "branża", "branza", "sektor"],
            Target::BusinessType => &[
                "type",
                "businesstype",
                "accounttype",
                "companytype",
                "typdziałalności",
                "typ",
                "rodzajdziałalności",
            ],
            Target::Status => &["status", "lifecyclestage", "stage", "accountstatus", "etap"],
            Target::Employees => &[
                "employees",
                "numberofemployees",
                "employeecount",
                "headcount",
                "size",
                "liczbapracowników",
                "pracownicy",
                "zatrudnienie",
            ],
            Target::Revenue => &[
                "annualrevenue",
                "revenue",
                "turnover",
                "przychód",
                "przychod",
                "przychody",
                "obroty",
            ],
            Target::YearlySpend => &[
                "yearlyspend",
                "annualspend",
                "spend",
                "totalspend",
                "wydatkiroczne",
                "sprzedażroczna",
            ],
            Target::MonthlySpend => &["monthlyspend", "mrr", "wydatkimiesięczne"],
            Target::Currency => &["currency", "currencycode", "waluta"],
            Target::Location => &[
                "city",
                "location",
                "billingcity",
                "miasto",
                "lokalizacja",
                "miejscowość",
            ],
            Target::Region => &[
                "region",
                "state",
                "stateregion",
                "billingstate",
                "territory",
                "województwo",
                "wojewodztwo",
            ],
            Target::HqPhone => &["phone", "phonenumber", "companyphone", "telefon", "tel"],
            Target::HqEmail => &["email", "companyemail", "e-mail", "mail", "adresemail"],
            Target::CustomerSince => &[
                "customersince",
                "firstinvoice",
                "firstpurchasedate",
                "becameacustomerdate",
                "klientod",
            ],
            Target::ContactName => &[
                "contact",
                "contactname",
                "primarycontact",
                "kontakt",
                "osobakontaktowa",
            ],
            Target::ContactTitle => &["contacttitle", "jobtitle", "title", "stanowisko"],
            Target::ContactEmail => &["contactemail", "primarycontactemail", "emailkontaktu"],
            Target::ContactPhone => &[
                "contactphone",
                "mobile",
                "mobilephone",
                "telefonkontaktu",
                "komórka",
            ],
        }
    }
}

/// How rows find the profiles they update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatchOn {
    /// The company name, ignoring case and spacing.
    #[default]
    CompanyName,
    /// The web domain, ignoring `https://`, `www.` and any path.
    WebDomain,
}

/// A first guess of the mapping from the headers; no target is used twice.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Target>> {
    let mut used = Vec::new();
    headers
        .iter()
        .map(|header| {
            let key: String = header
                .to_lowercase()
                .chars()
                .filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | ':'))
                .collect();
            let found = Target::ALL.into_iter().find(|t| {
                !used.contains(t) && t.headers().iter().any(|h| h.replace('-', "") == key)
            });
            if let Some(t) = found {
                used.push(t);
            }
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(headers: &[&str]) -> Vec<Option<Target>> {
        guess_mapping(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn common_english_and_polish_headers_are_recognised() {
        assert_eq!(
            guess(&[
                "Company Name",
                "Website URL",
                "Industry",
                "Number of Employees",
                "Annual Revenue",
                "City",
                "Phone Number"
            ]),
            [
                Target::CompanyName,
                Target::Website,
                Target::Industry,
                Target::Employees,
                Target::Revenue,
                Target::Location,
                Target::HqPhone
            ]
            .map(Some)
        );
        assert_eq!(
            guess(&[
                "Nazwa firmy",
                "Strona WWW",
                "Branża",
                "Liczba pracowników",
                "Przychód",
                "Miasto",
                "E-mail"
            ]),
            [
                Target::CompanyName,
                Target::Website,
                Target::Industry,
                Target::Employees,
                Target::Revenue,
                Target::Location,
                Target::HqEmail
            ]
            .map(Some)
        );
    }

    #[test]
    fn no_target_is_used_twice_and_unknown_headers_stay_unmapped() {
        assert_eq!(
            guess(&["Company", "Account Name", "Favourite colour"]),
            [Some(Target::CompanyName), None, None]
        );
    }

    #[test]
    fn keys_read_back() {
        for t in Target::ALL {
            assert_eq!(Target::from_key(t.key()), Some(t));
        }
    }
}
