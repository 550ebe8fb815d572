//! A small trained entity tagger: an averaged structured perceptron over hashed features,
//! decoded with Viterbi under BIO constraints.
//!
//! The hand rules recognise what the lexicons list; the tagger generalises from annotated
//! text (`models/README.md` names the data and the command that trains it) to names no list
//! has and to types the rules can only guess. It is linear in the number of words (a fixed
//! number of features per word, seven tags), deterministic (integer weights, no randomness
//! at tagging time) and ships in the binary: `models/entity_tagger.bin`, written by
//! [`train`] through `scripts/train_ner.py`, so training and tagging share one feature
//! function (`tag_features`). An empty model file means no tagger: the rules alone run.
//!
//! Model file: `NFTAG1`, bits (u8), tags (u8), transitions ((tags + 1) x tags i32, the
//! first row from the sentence start), then `tags << bits` i16 weights, little-endian.

use super::gazetteer::Gazetteer;
use super::tag_features::sentence_features;
use super::tokens::{tokenize, Token};
use crate::model::EntityType;
use std::sync::LazyLock;

/// Tags in model order: outside, then begin/inside of person, organisation, location.
pub const TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
const N: usize = TAGS.len();
const MAGIC: &[u8] = b"NFTAG1";

static MODEL_BYTES: &[u8] = include_bytes!("../../models/entity_tagger.bin");
static MODEL: LazyLock<Option<Tagger>> = LazyLock::new(|| Tagger::from_bytes(MODEL_BYTES));

/// The shipped tagger, if the build has one.
pub fn get() -> Option<&'static Tagger> {
    MODEL.as_ref()
}

/// A typed span found by the tagger: byte offsets into the text it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    pub start: usize,
    pub end: usize,
    pub etype: EntityType,
}

/// A training sentence: its text and typed byte spans ("PER", "ORG", "LOC").
pub type TrainingSentence = (String, Vec<(usize, usize, String)>);

/// Quantised weights of a trained tagger.
pub struct Tagger {
    bits: u8,
    transitions: Vec<i32>,
    weights: Vec<i16>,
}

/// Whether tag `to` may follow tag `from` (`None`: sentence start): an I- continues its own type.
fn allowed(from: Option<usize>, to: usize) -> bool {
    if to == 0 || to % 2 == 1 {
        return true;
    }
    from.is_some_and(|f| f != 0 && f.div_ceil(2) == to / 2)
}

fn type_of(tag: usize) -> EntityType {
    match tag.div_ceil(2) {
        1 => EntityType::Person,
        2 => EntityType::Org,
        _ => EntityType::Loc,
    }
}

/// Best tag sequence under emission scores `emit` (per token, per tag) and `trans`.
fn viterbi<T: Copy + Into<i64>>(emit: &[[i64; N]], trans: &[T]) -> Vec<usize> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: i64 = i64::MIN / 4;
    let mut score = vec![[NEG; N]; n];
    let mut back = vec![[0usize; N]; n];
    for t in 0..N {
        if allowed(None, t) {
            score[0][t] = trans[t].into() + emit[0][t];
        }
    }
    for i in 1..n {
        for t in 0..N {
            let mut best = (NEG, 0);
            for f in 0..N {
                if score[i - 1][f] == NEG || !allowed(Some(f), t) {
                    continue;
                }
                let s = score[i - 1][f] + trans[(f + 1) * N + t].into();
                if s > best.0 {
                    best = (s, f);
                }
            }
            if best.0 > NEG {
                score[i][t] = best.0 + emit[i][t];
                back[i][t] = best.1;
            }
        }
    }
    let mut t = (0..N)
        .max_by_key(|&t| (score[n - 1][t], N - t))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i][t];
    }
    out
}

/// Spans of a tag sequence over `toks`.
fn spans(toks: &[Token], tags: &[usize]) -> Vec<Tagged> {
    let mut out: Vec<Tagged> = Vec::new();
    for (t, &tag) in toks.iter().zip(tags) {
        if tag == 0 {
            continue;
        }
        if tag % 2 == 0 {
            if let Some(last) = out.last_mut() {
                last.end = t.end;
                continue;
            }
        }
        out.push(Tagged {
            start: t.start,
            end: t.end,
            etype: type_of(tag),
        });
    }
    out
}

/// Sentences of a token list: a new one at each sentence start.
pub fn sentences(toks: &[Token]) -> impl Iterator<Item = &[Token]> {
    let mut rest = toks;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest[1..]
            .iter()
            .position(|t| t.sentence_start)
            .map_or(rest.len(), |p| p + 1);
        let (head, tail) = rest.split_at(cut);
        rest = tail;
        Some(head)
    })
}

impl Tagger {
    fn from_bytes(bytes: &[u8]) -> Option<Tagger> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (&bits, rest) = rest.split_first()?;
        let (&tags, rest) = rest.split_first()?;
        if usize::from(tags) != N || !(10..=24).contains(&bits) {
            return None;
        }
        let nt = (N + 1) * N;
        let nw = N << bits;
        if rest.len() != nt * 4 + nw * 2 {
            return None;
        }
        let (t, w) = rest.split_at(nt * 4);
        Some(Tagger {
            bits,
            transitions: t
                .chunks_exact(4)
                .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            weights: w
                .chunks_exact(2)
                .map(|c| i16::from_le_bytes([c[0], c[1]]))
                .collect(),
        })
    }

    fn emissions(&self, feats: &[Vec<u64>]) -> Vec<[i64; N]> {
        let mask = (1u64 << self.bits) - 1;
        feats
            .iter()
            .map(|fs| {
                let mut e = [0i64; N];
                for &h in fs {
                    let row = (h & mask) as usize * N;
                    for (t, s) in e.iter_mut().enumerate() {
                        *s += i64::from(self.weights[row + t]);
                    }
                }
                e
            })
            .collect()
    }

    /// Typed spans in one block's tokens, sentence by sentence.
    pub fn tag(&self, text: &str, toks: &[Token], gazetteer: &Gazetteer) -> Vec<Tagged> {
        sentences(toks)
            .flat_map(|s| self.tag_sentence(text, s, gazetteer))
            .collect()
    }

    /// Typed spans in the tokens of one sentence.
    pub fn tag_sentence(
        &self,
        text: &str,
        sentence: &[Token],
        gazetteer: &Gazetteer,
    ) -> Vec<Tagged> {
        crate::work::add(sentence.len());
        let feats = sentence_features(text, sentence, gazetteer);
        let tags = viterbi(&self.emissions(&feats), &self.transitions);
        spans(sentence, &tags)
    }
}

/// One training sentence's tokens, gold tags and features.
struct Example {
    tags: Vec<usize>,
    feats: Vec<Vec<u64>>,
}

/// Gold tag of each token from typed byte spans ("PER", "ORG", "LOC"; others are outside).
fn gold_tags(toks: &[Token], gold: &[(usize, usize, String)]) -> Vec<usize> {
    let mut tags = vec![0; toks.len()];
    for (s, e, ty) in gold {
        let base = match ty.as_str() {
            "PER" => 1,
            "ORG" => 3,
            "LOC" => 5,
            _ => continue,
        };
        let mut first = true;
        for (i, t) in toks.iter().enumerate() {
            if t.start >= *s && t.start < *e {
                tags[i] = if first { base } else { base + 1 };
                first = false;
            }
        }
    }
    tags
}

/// A deterministic shuffle (xorshift), so the same data and seed give the same model.
fn shuffle(order: &mut [usize], seed: u64) {
    let mut x = seed | 1;
    for i in (1..order.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        order.swap(i, (x % (i as u64 + 1)) as usize);
    }
}

/// Trains a tagger on sentences with typed byte spans and returns the model file's bytes.
///
/// Averaged structured perceptron: each epoch decodes every sentence with the current
/// weights and moves them towards the gold tags where the two differ; the averaged weights
/// (less prone to overfit the last sentences seen) are quantised to i16.
pub fn train(sentences: &[TrainingSentence], epochs: usize, bits: u8, seed: u64) -> Vec<u8> {
    let gazetteer = super::CustomEntities::default();
    let gazetteer = gazetteer.gazetteer();
    let examples: Vec<Example> = sentences
        .iter()
        .map(|(text, gold)| {
            let toks = tokenize(text, &[0]);
            Example {
                tags: gold_tags(&toks, gold),
                feats: sentence_features(text, &toks, gazetteer),
            }
        })
        .filter(|e| !e.tags.is_empty())
        .collect();
    let mask = (1u64 << bits) - 1;
    let nt = (N + 1) * N;
    let nw = N << bits;
    // Weights, then the running sums for averaging (w_avg = w - u / c).
    let mut w = vec![0f64; nt + nw];
    let mut u = vec![0f64; nt + nw];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..epochs {
        shuffle(&mut order, seed.wrapping_add(epoch as u64));
        for &k in &order {
            let ex = &examples[k];
            let emit: Vec<[i64; N]> = ex
                .feats
                .iter()
                .map(|fs| {
                    let mut e = [0f64; N];
                    for &h in fs {
                        let row = nt + (h & mask) as usize * N;
                        for (t, s) in e.iter_mut().enumerate() {
                            *s += w[row + t];
                        }
                    }
                    e.map(|v| (v * 1000.0) as i64)
                })
                .collect();
            let trans: Vec<i64> = w[..nt].iter().map(|v| (v * 1000.0) as i64).collect();
            let pred = viterbi(&emit, &trans);
            if pred == ex.tags {
                c += 1.0;
                continue;
            }
            let mut bump = |i: usize, d: f64| {
                w[i] += d;
                u[i] += c * d;
            };
            for i in 0..pred.len() {
                let (g, p) = (ex.tags[i], pred[i]);
                let (gf, pf) = if i == 0 {
                    (0, 0)
                } else {
                    (ex.tags[i - 1] + 1, pred[i - 1] + 1)
                };
                if g != p || gf != pf {
                    bump(gf * N + g, 1.0);
                    bump(pf * N + p, -1.0);
                }
                if g != p {
                    for &h in &ex.feats[i] {
                        let row = nt + (h & mask) as usize * N;
                        bump(row + g, 1.0);
                        bump(row + p, -1.0);
                    }
                }
            }
            c += 1.0;
        }
    }
    let avg: Vec<f64> = w.iter().zip(&u).map(|(w, u)| w - u / c).collect();
    let max = avg[nt..].iter().fold(1e-9f64, |m, v| m.max(v.abs()));
    let scale = 32767.0 / max;
    let mut out = Vec::with_capacity(8 + nt * 4 + nw * 2);
    out.extend_from_slice(MAGIC);
    out.push(bits);
    out.push(N as u8);
    for v in &avg[..nt] {
        out.extend_from_slice(&((v * scale).round() as i32).to_le_bytes());
    }
    for v in &avg[nt..] {
        out.extend_from_slice(&((v * scale).round() as i16).to_le_bytes());
    }
    out
}

/// Tags a plain text with a model file's bytes (for evaluation and training scripts).
pub fn tag_text(model: &[u8], text: &str) -> Vec<Tagged> {
    Tagger::from_bytes(model).map_or_else(Vec::new, |t| t.tag_plain(text))
}

/// Tags a plain text with the shipped model (nothing when the build has none).
pub fn tag_shipped(text: &str) -> Vec<Tagged> {
    get().map_or_else(Vec::new, |t| t.tag_plain(text))
}

impl Tagger {
    fn tag_plain(&self, text: &str) -> Vec<Tagged> {
        let starts: Vec<usize> = crate::segment::sentences::split_sentences(text)
            .iter()
            .map(|r| r.start)
            .collect();
        let toks = tokenize(text, &starts);
        self.tag(text, &toks, super::CustomEntities::default().gazetteer())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy_model() -> Vec<u8> {
        let s = |text: &str, spans: &[(&str, &str)]| {
            let gold = spans
                .iter()
                .map(|(w, ty)| {
                    let at = text.find(w).unwrap();
                    (at, at + w.len(), ty.to_string())
                })
                .collect();
            (text.to_string(), gold)
        };
        let data = vec![
            s(
                "Mr Brandt met the board of Voxtel Corp in Lisbon.",
                &[("Brandt", "PER"), ("Voxtel Corp", "ORG"), ("Lisbon", "LOC")],
            ),
            s(
                "Analysts at Quorin Group said Helen Marsh would leave.",
                &[("Quorin Group", "ORG"), ("Helen Marsh", "PER")],
            ),
            s(
                "She flew to Madrid on Monday with Paul Okafor.",
                &[("Madrid", "LOC"), ("Paul Okafor", "PER")],
            ),
            s(
                "Shares of Delmar Inc fell after John Wexley resigned.",
                &[("Delmar Inc", "ORG"), ("John Wexley", "PER")],
            ),
        ];
        train(&data, 8, 12, 7)
    }

    #[test]
    fn the_shipped_model_loads_when_present() {
        if MODEL_BYTES.is_empty() {
            return;
        }
        assert!(get().is_some(), "models/entity_tagger.bin does not parse");
    }

    #[test]
    fn the_shipped_model_tags_an_unlisted_name() {
        if MODEL_BYTES.is_empty() {
            return;
        }
        let text = "The deal was signed by Zanelo Okonkwarde, the chief executive, in Nairobi.";
        let found = tag_text(MODEL_BYTES, text);
        assert!(
            found
                .iter()
                .any(|t| &text[t.start..t.end] == "Zanelo Okonkwarde"
                    && t.etype == EntityType::Person),
            "{found:?}"
        );
    }

    #[test]
    fn training_is_deterministic_and_learns_its_data() {
        let a = toy_model();
        assert_eq!(a, toy_model());
        let text = "Analysts at Quorin Group said Helen Marsh would leave.";
        let found = tag_text(&a, text);
        assert!(
            found.iter().any(|t| &text[t.start..t.end] == "Helen Marsh"),
            "{found:?}"
        );
    }

    #[test]
    fn bio_constraints_hold() {
        // An inside tag never opens a span nor follows another type.
        assert!(!allowed(None, 2));
        assert!(!allowed(Some(0), 4));
        assert!(!allowed(Some(1), 4));
        assert!(allowed(Some(3), 4));
        assert!(allowed(Some(2), 2));
    }

    #[test]
    fn bad_model_bytes_give_no_tagger() {
        assert!(Tagger::from_bytes(b"").is_none());
        assert!(Tagger::from_bytes(b"NFTAG1\x10\x07abc").is_none());
        assert!(tag_text(b"junk", "Some Text here").is_empty());
    }
}
