//! CRM exports as the tests read them. Kept as string constants, with line
//! ends and the byte-order mark written out, so no editor or Git setting
//! can change the bytes under test.

/// A HubSpot company export: comma separated, LF line ends, a quoted name
/// with a comma, a description with a line break and doubled quotes, ISO
/// dates with a time.
pub const HUBSPOT: &str = concat!(
    "Record ID,Company name,Company owner,Create Date,Phone Number,City,State/Region,",
    "Country/Region,Industry,Website URL,Company Domain Name,Lifecycle Stage,",
    "Number of Employees,Annual Revenue,Description,Became a Customer Date\n",
    "5012345678,\"Northwind Traders, Ltd\",Jane Doe,2024-01-15 09:12,+1 206 555 0100,",
    "Seattle,WA,United States,Retail,https://www.northwind.com,northwind.com,Customer,",
    "51-200,\"2,500,000\",\"Met at NRF 2024.\n",
    "Prefers calls before noon, says \"\"no e-mail\"\".\",2021-06-01\n",
    "5012345679,Contoso,Jane Doe,2024-02-03 14:40,,Redmond,WA,United States,Banking,",
    "contoso.com,contoso.com,Marketing Qualified Lead,1200,12000000.50,,\n",
    "5012345680,Fabrikam Inc.,John Roe,2024-03-09 11:05,+1 425 555 0123,,,United States,",
    "Manufacturing,http://fabrikam.com/en-us,fabrikam.com,Evangelist,,,,2019-11-30 00:00\n",
);

/// A Salesforce account report: every field quoted, US dates (month
/// first), a "Type" column, a bad contact e-mail on the second row.
pub const SALESFORCE: &str = concat!(
    "\"Account Name\",\"Account Owner\",\"Type\",\"Industry\",\"Billing City\",",
    "\"Billing State/Province\",\"Phone\",\"Website\",\"Employees\",\"Annual Revenue\",",
    "\"Customer Since\",\"Primary Contact\",\"Contact Email\"\r\n",
    "\"Globex Corporation\",\"Ann Smith\",\"Customer - Direct\",\"Energy\",\"Springfield\",",
    "\"OR\",\"(503) 555-0142\",\"www.globex.com\",\"1,200\",\"45,000,000\",\"3/14/2019\",",
    "\"Hank Scorpio\",\"hank@globex.com\"\r\n",
    "\"Initech\",\"Ann Smith\",\"Prospect\",\"Technology\",\"Austin\",\"TX\",",
    "\"(512) 555-0199\",\"http://initech.com\",\"350\",\"\",\"11/2/2020\",",
    "\"Bill Lumbergh\",\"bill.lumbergh@initech\"\r\n",
    "\"Umbrella Corp\",\"Bob Jones\",\"Channel Partner / Reseller\",\"Biotechnology\",",
    "\"Raccoon City\",\"MO\",\"\",\"umbrella.example\",\"5000-10000\",\"\",\"1/5/2021\",",
    "\"\",\"\"\r\n",
);

/// A Polish export as Excel saves "CSV UTF-8": byte-order mark, semicolons,
/// CRLF, amounts with spaces and decimal commas, dotted and slashed dates.
/// The second row has a bad amount, e-mail, date and status.
pub const POLISH: &str = concat!(
    "\u{feff}Nazwa firmy;NIP;Strona www;Branża;Liczba pracowników;Przychód;Waluta;",
    "Miasto;Województwo;Telefon;E-mail;Klient od;Status;Osoba kontaktowa;Stanowisko;",
    "Uwagi;Sprzedaż roczna\r\n",
    "Kowalski i Syn sp. z o.o.;725-000-00-00;www.kowalski.pl;Budownictwo;50-100;",
    "1 234 567,50;PLN;Łódź;łódzkie;+48 42 123 45 67;biuro@kowalski.pl;14.03.2019;Klient;",
    "Anna Kowalska;Prezes zarządu;\"Płaci w terminie; woli kontakt telefoniczny\";",
    "48 000,00\r\n",
    "Nowak SA;526-000-00-00;nowak.com.pl;Finanse;250;12,5,0;PLN;Kraków;małopolskie;;",
    "kontakt@nowak;2019-02-30;VIP;;;;\r\n",
    "\"Zielińska Trans\";;;Transport;\"1 200\";850 000;pln;Gdańsk;pomorskie;58 555 12 12;",
    ";01/02/2015;Były klient;;;;1 234,50\r\n",
);

/// A file whose quoted note on line 3 is never closed.
pub const BROKEN_QUOTE: &str = concat!(
    "Company,Notes,Phone\n",
    "Acme,Fine,+1 555 0100\n",
    "Beta,\"Called Monday, wants a quote,+1 555 0101\n",
    "Gamma,,\n",
);

/// A header line and nothing else (as a CRM writes an empty view).
pub const HEADER_ONLY: &str = "\u{feff}Company,Website,Industry\r\n";
