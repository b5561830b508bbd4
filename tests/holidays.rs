//! The public holidays against an independent oracle: Python's `holidays`
//! package (installed by `.ci/run`), for every covered country and region
//! and every year from 2020 to 2040.

use thankyou::plan::holidays::{COVERED, holidays};

use crate::test::python;

/// Holidays the oracle lists that `thankyou` leaves out on purpose, with why.
const INTENTIONAL: &[(&str, &str, &str)] = &[
    // Announced only for the case that Scotland reaches the final, which a
    // plan written months ahead cannot know.
    (
        "GB-SCT",
        "2026-06-15",
        "Scotland's participation in the FIFA World Cup final",
    ),
];

#[test]
fn every_covered_country_and_region_matches_python_holidays() {
    let script = r"
import sys, holidays
country, subdiv = sys.argv[1], sys.argv[2] or None
for year in range(2020, 2041):
    for date in sorted(holidays.country_holidays(country, subdiv=subdiv, years=year)):
        if date.year == year:
            print(date.isoformat())
";
    let mut differences = Vec::new();
    let mut checked = 0;
    for (country, regions) in COVERED {
        let mut places: Vec<Option<&str>> = vec![None];
        places.extend(regions.iter().map(|region| Some(*region)));
        for region in places {
            let args = [
                std::ffi::OsStr::new(country),
                std::ffi::OsStr::new(region.unwrap_or("")),
            ];
            let expected: Vec<String> = python(script, &args, None)
                .lines()
                .map(str::to_owned)
                .collect();
            let mut ours: Vec<String> = (2020..=2040)
                .flat_map(|year| holidays(country, region, year).unwrap())
                .map(|holiday| holiday.date.to_string())
                .collect();
            ours.sort();
            ours.dedup();
            let place = match region {
                Some(region) => format!("{country}-{region}"),
                None => (*country).to_owned(),
            };
            checked += expected.len();
            for date in &expected {
                let intended = INTENTIONAL
                    .iter()
                    .any(|(at, day, _)| *at == place && day == date);
                if !ours.contains(date) && !intended {
                    differences.push(format!("{place}: missing {date}"));
                }
            }
            for date in &ours {
                if !expected.contains(date) {
                    differences.push(format!("{place}: extra {date}"));
                }
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert!(checked > 1000, "only {checked} dates compared");
}
