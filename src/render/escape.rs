//! Escaping for Markdown templates: text from the record comes out exactly
//! as typed, never as markup. Tera calls [`markdown`] on every value a
//! `.md` template prints.

use std::io::{self, Write};

/// Escapes text from the record so Markdown shows it exactly as typed.
///
/// Used as Tera's escape function for `.md` templates: a topic holding `*`,
/// `<b>` or `[x](y)` must come out as those characters, never as markup.
pub fn markdown(input: &str, output: &mut dyn Write) -> io::Result<()> {
    // What can only matter at the start (a block marker, a numbered list's
    // digits) is checked there; `!` needs a `[` after it.
    let may_need_escape = input
        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '#' | '-' | '+' | '=' | '>'))
        || input.bytes().any(|b| {
            matches!(
                b,
                b'\\' | b'`' | b'*' | b'[' | b']' | b'~' | b'<' | b'&' | b'_'
            )
        });
    if !may_need_escape {
        return output.write_all(input.as_bytes());
    }
    let chars: Vec<char> = input.chars().collect();
    let mut escaped = String::with_capacity(input.len() + 8);
    let mut digits_so_far = true;
    for (index, &c) in chars.iter().enumerate() {
        let at_start = index == 0;
        let needs_escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => true,
            '<' => chars
                .get(index + 1)
                .is_some_and(|next| next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')),
            '&' => starts_entity(&chars[index + 1..]),
            '_' => {
                let before = index.checked_sub(1).and_then(|i| chars.get(i));
                let after = chars.get(index + 1);
                !(before.is_some_and(|c| c.is_alphanumeric())
                    && after.is_some_and(|c| c.is_alphanumeric()))
            }
            '>' => at_start,
            '#' | '-' | '+' | '=' if at_start => starts_block(&chars),
            '.' | ')' => digits_so_far && index > 0,
            '!' => chars.get(index + 1) == Some(&'['),
            _ => false,
        };
        digits_so_far &= c.is_ascii_digit();
        if needs_escape {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    output.write_all(escaped.as_bytes())
}

/// Whether text opening with a `#`, `-`, `+` or `=` would start a heading, a
/// list item or a rule: the run of that character ends the text or is
/// followed by a space.
fn starts_block(chars: &[char]) -> bool {
    let Some(&first) = chars.first() else {
        return false;
    };
    let rest = chars
        .iter()
        .skip_while(|&&c| c == first)
        .collect::<Vec<_>>();
    match rest.first() {
        None => true,
        Some(next) => next.is_whitespace() && first != '=',
    }
}

/// Whether the characters after an `&` would make it an entity such as `&amp;`.
fn starts_entity(rest: &[char]) -> bool {
    let name_len = rest
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name_len > 0 && rest.get(name_len) == Some(&';')
}

#[cfg(test)]
pub(crate) mod tests {
    /// `input` as the escape function writes it.
    pub(crate) fn escaped(input: &str) -> String {
        let mut out = Vec::new();
        super::markdown(input, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn harmless_text_is_left_alone() {
        for text in [
            "jordan_lee@example.com",
            "+31 20 555 0199",
            "-5 degrees",
            "#hashtag",
            "R&D",
            "a < b",
        ] {
            assert_eq!(escaped(text), text);
        }
    }
}
