//! How much two drafts share of their wording once what makes each
//! personal is set aside: the measure behind the form-letter warning.

use std::borrow::Cow;

/// The wording of a draft, as the sorted hashes of each pair of
/// neighbouring words, after the draft's own names and topics are masked:
/// what two drafts share, once what makes each personal is set aside. It
/// keeps a hash of each sentence of a part of the text too, to tell a
/// sentence two drafts share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pairs: Vec<u64>,
    sentences: Vec<u64>,
}

/// Sentences shorter than this are too common to count as shared ("Thank
/// you again.").
const SENTENCE_WORDS: usize = 4;

impl Wording {
    /// The wording of `text`, with each of `masked` (names, topics) replaced
    /// by one placeholder.
    pub fn new(text: &str, masked: &[&str]) -> Self {
        Self::with_sentences(&mask(text, masked), 0..0)
    }

    /// The wording of `text` (already masked), with a hash of each sentence
    /// of at least four words in the byte range `body`: one pass over the
    /// words does both.
    pub fn with_sentences(text: &str, body: std::ops::Range<usize>) -> Self {
        let mut pairs = Vec::with_capacity(text.len() / 4);
        let mut sentences = Vec::with_capacity(16);
        let mut previous: Option<u64> = None;
        let (mut sentence, mut words) = (0u64, 0usize);
        for raw in text.split_whitespace() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\u{2022}');
            if word.is_empty() {
                continue;
            }
            let hash = word_hash(word);
            if let Some(previous) = previous {
                pairs.push(previous.rotate_left(17) ^ hash);
            }
            previous = Some(hash);
            let at = raw.as_ptr() as usize - text.as_ptr() as usize;
            if body.contains(&at) {
                sentence = sentence.rotate_left(5) ^ hash;
                words += 1;
                if raw.ends_with(['.', '!', '?']) {
                    if words >= SENTENCE_WORDS {
                        sentences.push(sentence);
                    }
                    (sentence, words) = (0, 0);
                }
            }
        }
        if words >= SENTENCE_WORDS {
            sentences.push(sentence);
        }
        pairs.sort_unstable();
        Wording { pairs, sentences }
    }

    /// The hashes of the word pairs, sorted.
    pub(super) fn pairs(&self) -> &[u64] {
        &self.pairs
    }

    /// The hashes of the sentences, in the order of the text.
    pub fn sentences(&self) -> &[u64] {
        &self.sentences
    }

    /// How much wording two drafts share, from 0 (nothing) to 1 (the same):
    /// the Dice coefficient of their word pairs.
    pub fn similarity(&self, other: &Wording) -> f64 {
        let total = self.pairs.len() + other.pairs.len();
        if total == 0 {
            return 1.0;
        }
        let (mut mine, mut theirs) = (self.pairs.iter().peekable(), other.pairs.iter().peekable());
        let mut shared = 0usize;
        while let (Some(a), Some(b)) = (mine.peek(), theirs.peek()) {
            match a.cmp(b) {
                std::cmp::Ordering::Less => {
                    mine.next();
                }
                std::cmp::Ordering::Greater => {
                    theirs.next();
                }
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    mine.next();
                    theirs.next();
                }
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let ratio = (2 * shared) as f64 / total as f64;
        ratio
    }
}

/// A case-insensitive hash of a word (FNV-1a over its lowercase letters).
fn word_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |c: char| {
        hash ^= u64::from(u32::from(c));
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes()
            .for_each(|b| add(char::from(b.to_ascii_lowercase())));
    } else {
        word.chars().flat_map(char::to_lowercase).for_each(add);
    }
    hash
}

/// `text` with each of `phrases` replaced by a bullet, the longest where
/// two start at one place; borrowed as it is when none occurs. One pass:
/// each phrase is searched for again only once the text passes it.
pub fn mask<'a>(text: &'a str, phrases: &[&str]) -> Cow<'a, str> {
    let mut phrases: Vec<&str> = phrases
        .iter()
        .copied()
        .filter(|p| !p.trim().is_empty())
        .collect();
    phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.len()));
    let mut next: Vec<Option<usize>> = phrases.iter().map(|phrase| text.find(phrase)).collect();
    if next.iter().all(Option::is_none) {
        return Cow::Borrowed(text);
    }
    let mut masked = String::with_capacity(text.len());
    let mut done = 0;
    while let Some((which, start)) = next
        .iter()
        .enumerate()
        .filter_map(|(which, start)| Some((which, (*start)?)))
        .min_by_key(|&(_, start)| start)
    {
        masked.push_str(&text[done..start]);
        masked.push('\u{2022}');
        done = start + phrases[which].len();
        for (phrase, start) in phrases.iter().zip(&mut next) {
            if start.is_some_and(|start| start < done) {
                *start = text[done..].find(phrase).map(|at| at + done);
            }
        }
    }
    masked.push_str(&text[done..]);
    Cow::Owned(masked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_ignores_masked_names() {
        let a = "Hi Priya, thank you for the talk about streaming.";
        let b = "Hi Marcus, thank you for the talk about hiring.";
        let (a, b) = (
            Wording::new(a, &["Priya", "streaming"]),
            Wording::new(b, &["Marcus", "hiring"]),
        );
        assert!((a.similarity(&b) - 1.0).abs() < 1e-9);
        let other = Wording::new("Something else entirely here.", &[]);
        assert!(a.similarity(&other) < 0.1);
        let half = Wording::new("Hi Priya, thank you for the call about hiring.", &["Priya"]);
        assert!((0.3..0.8).contains(&a.similarity(&half)));
    }

    #[test]
    fn masking_prefers_the_longest_phrase() {
        let text = "Dear Priya Shah, Priya said Kafka at scale beats Kafka.";
        let masked = mask(text, &["Priya", "Kafka", "Priya Shah", "Kafka at scale"]);
        assert_eq!(
            masked,
            "Dear \u{2022}, \u{2022} said \u{2022} beats \u{2022}."
        );
        assert!(matches!(mask(text, &["Marcus", " "]), Cow::Borrowed(_)));
    }
}
