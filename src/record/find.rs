//! Finding a person by the name a user types: the full name, the first
//! name or the surname, whatever the case and accents.

use super::model::{Record, Who};
use crate::english;

/// Who a typed name can mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Exactly one person.
    One(Who),
    /// Several people answer to it: the user must say which.
    Several(Vec<Who>),
    /// Nobody.
    Nobody,
}

impl Record {
    /// The person `name` means: the one whose full name it is, else the
    /// one whose first name or surname it is, ignoring case and accents
    /// ("zoe" finds "Zoë Müller-Łukasiewicz").
    pub fn find(&self, name: &str) -> Found {
        let wanted = folded(name);
        if wanted.is_empty() {
            return Found::Nobody;
        }
        // "Dr. Helen Marsh" is "Dr Helen Marsh" however the honorific is written.
        let wanted_bare = folded(english::without_honorific(name));
        let full: Vec<Who> = self
            .people()
            .filter(|(_, person)| {
                let bare = folded(person.bare_name());
                folded(&person.name) == wanted || bare == wanted || bare == wanted_bare
            })
            .map(|(who, _)| who)
            .collect();
        let matches = if full.is_empty() {
            self.people()
                .filter(|(_, person)| {
                    folded(person.given_name()) == wanted || folded(&person.surname) == wanted
                })
                .map(|(who, _)| who)
                .collect()
        } else {
            full
        };
        match matches.as_slice() {
            [] => Found::Nobody,
            [one] => Found::One(*one),
            _ => Found::Several(matches),
        }
    }

    /// The people of `who`, each with their part: "Sam Ortiz (interviewer)
    /// or Sam Lee (recruiter)".
    pub fn roles(&self, who: &[Who]) -> String {
        let named = self.with_roles(who.iter().copied());
        english::join_or(named.iter().map(String::as_str))
    }

    /// Everyone in the record with their part, for a message that lists
    /// who could be meant: "Priya Shah (interviewer) and Sam Lee (recruiter)".
    pub fn everyone(&self) -> String {
        let named = self.with_roles(self.people().map(|(who, _)| who));
        english::join_and(named.iter().map(String::as_str))
    }

    fn with_roles(&self, who: impl Iterator<Item = Who>) -> Vec<String> {
        who.map(|who| format!("{} ({})", self.name(who), self.role(who)))
            .collect()
    }

    /// What a name that finds nobody, or several people, is told; `None`
    /// when it finds one.
    pub fn not_found(&self, name: &str, found: &Found) -> Option<String> {
        match found {
            Found::One(_) => None,
            Found::Several(several) => Some(format!(
                "`{name}` could be {}; write the full name",
                self.roles(several)
            )),
            Found::Nobody => Some(format!(
                "`{name}` is not in the record; the people in it are {}",
                self.everyone()
            )),
        }
    }

    /// "interviewer", "recruiter", or "recruiter and interviewer" for a
    /// recruiter who interviewed the candidate.
    pub fn role(&self, who: Who) -> &'static str {
        match who {
            Who::Interviewer(_) => "interviewer",
            Who::Recruiter if self.interviewed().any(|(one, _)| one == who) => {
                "recruiter and interviewer"
            }
            Who::Recruiter => "recruiter",
        }
    }
}

/// A name as typed names are compared: letters without accents, lowercase,
/// single-spaced.
fn folded(name: &str) -> String {
    deunicode::deunicode(name)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse;

    const PANEL: &str = "
candidate: {name: Jordan Lee}
company: Northwind
role: Engineer
interview_date: 2026-11-19
recruiter: {name: Sam Lee}
interviewers:
  - {name: Zoë Müller-Łukasiewicz, topics: [x]}
  - {name: Dr. Ada Okonkwo, topics: [y]}
  - {name: Sam Ortiz, topics: [z]}
";

    #[test]
    fn names_are_found_as_typed() {
        let record = parse("r.yaml", PANEL.as_bytes()).unwrap();
        for typed in [
            "zoë müller-łukasiewicz",
            "Zoe",
            "muller-lukasiewicz",
            "ZOE  MULLER-LUKASIEWICZ",
        ] {
            assert_eq!(
                record.find(typed),
                Found::One(Who::Interviewer(0)),
                "{typed}"
            );
        }
        assert_eq!(record.find("Okonkwo"), Found::One(Who::Interviewer(1)));
        assert_eq!(record.find("ada okonkwo"), Found::One(Who::Interviewer(1)));
        assert_eq!(record.find("Sam Lee"), Found::One(Who::Recruiter));
        assert_eq!(
            record.find("sam"),
            Found::Several(vec![Who::Interviewer(2), Who::Recruiter])
        );
        assert_eq!(record.find("Priya"), Found::Nobody);
        assert_eq!(
            record.roles(&[Who::Interviewer(2), Who::Recruiter]),
            "Sam Ortiz (interviewer) or Sam Lee (recruiter)"
        );
    }
}
