//! Which steps of a plan the user asked for: by kind, by recipient, by
//! check-in.

use super::steps::Step;
use crate::english;
use crate::error::{Error, Result};
use crate::record::{Kind, Record};

/// Which steps of a plan to write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The kinds wanted; empty means all.
    pub kinds: Vec<Kind>,
    /// Only steps to the person of this name (matched ignoring case).
    pub to: Option<String>,
    /// Only this check-in, counting from 1.
    pub step: Option<u8>,
}

impl Selection {
    /// The steps of `plan` this selection keeps; naming someone who is not
    /// in the record is an error that lists who is.
    pub fn apply(&self, record: &Record, plan: Vec<Step>) -> Result<Vec<Step>> {
        let people = match &self.to {
            Some(name) => {
                let found = record.find(name);
                if found.is_empty() {
                    return Err(Error::NoSuchRecipient {
                        name: name.clone(),
                        valid: english::join_or(record.names()),
                    });
                }
                Some(found)
            }
            None => None,
        };
        Ok(plan
            .into_iter()
            .filter(|step| {
                (self.kinds.is_empty() || self.kinds.contains(&step.kind))
                    && people
                        .as_ref()
                        .is_none_or(|people| people.contains(&step.who))
                    && self.step.is_none_or(|wanted| step.step == Some(wanted))
            })
            .collect())
    }
}
