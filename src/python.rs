//! The binding layer: the only module that knows about Python.
//!
//! `CorpusBuilder` takes inputs in batches (so Python can show progress), parses each batch
//! in parallel with the GIL released, and on `finish` links the corpus and hands every frame
//! to Python as an Arrow C stream (`__arrow_c_stream__`), which `polars.DataFrame` reads
//! without copying through Python objects.
//!
//! A batch is parsed on a worker thread while this thread waits without the GIL and wakes
//! every few milliseconds to run Python's signal handlers: Ctrl-C raises `KeyboardInterrupt`
//! at once and sets the run's cancellation flag, which the parse checks between articles and
//! inside them (see `work`), so the batch stops within a fraction of a second.

use crate::corpus;
use crate::entities::{CustomEntities, CustomEntity};
use crate::frames::{self, FRAME_NAMES};
use crate::model::{EntityType, ErrorKind, Format, InputError, ParsedArticle};
use crate::pipeline::{Content, Input, Options};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

/// How often a waiting batch lets Python check for signals.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// One frame as an Arrow table that any Arrow PyCapsule consumer (polars, pyarrow) can read.
#[pyclass(module = "newsframe._native", frozen)]
pub struct ArrowTable {
    batch: RecordBatch,
}

#[pymethods]
impl ArrowTable {
    /// Exports the table as an `ArrowArrayStream` PyCapsule.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let schema = self.batch.schema();
        let reader = RecordBatchIterator::new(vec![Ok(self.batch.clone())], schema);
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }
}

/// Accumulates parsed articles and errors; `finish` links them and builds the frames.
#[pyclass(module = "newsframe._native")]
pub struct CorpusBuilder {
    options: Options,
    /// Link ids across the articles at `finish`; else leave linking keys for `link_keys`.
    link: bool,
    articles: Vec<ParsedArticle>,
    errors: Vec<InputError>,
}

fn parse_format(format: Option<&str>) -> PyResult<Option<Format>> {
    match format {
        None => Ok(None),
        Some("text") => Ok(Some(Format::Text)),
        Some("html") => Ok(Some(Format::Html)),
        Some("json") => Ok(Some(Format::Json)),
        Some(other) => Err(PyValueError::new_err(format!(
            "unknown format {other:?}: use 'text', 'html' or 'json' (or None to guess)"
        ))),
    }
}

fn parse_error_kind(kind: &str) -> PyResult<ErrorKind> {
    Ok(match kind {
        "io" => ErrorKind::Io,
        "decode" => ErrorKind::Decode,
        "empty" => ErrorKind::Empty,
        "too_large" => ErrorKind::TooLarge,
        "format" => ErrorKind::Format,
        "limit" => ErrorKind::Limit,
        "not_a_file" => ErrorKind::NotAFile,
        "symlink_loop" => ErrorKind::SymlinkLoop,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown error kind {other:?}"
            )))
        }
    })
}

/// Parses a batch off the GIL; a signal handler that raises (Ctrl-C) cancels the batch.
fn parse_interruptibly(
    py: Python<'_>,
    inputs: &[Input],
    options: &Options,
) -> PyResult<Vec<Result<ParsedArticle, InputError>>> {
    let cancel = Arc::new(AtomicBool::new(false));
    let options = Options {
        cancel: Some(cancel.clone()),
        ..options.clone()
    };
    std::thread::scope(|scope| {
        let (tx, mut rx) = mpsc::channel();
        let options = &options;
        scope.spawn(move || {
            let _ = tx.send(corpus::parse_all(inputs, options));
        });
        loop {
            // A `Receiver` is not `Sync`: it moves into the GIL-free wait and back out.
            let (back, received) = py.detach(move || {
                let r = rx.recv_timeout(SIGNAL_POLL);
                (rx, r)
            });
            rx = back;
            match received {
                Ok(results) => return Ok(results),
                Err(RecvTimeoutError::Timeout) => {
                    if let Err(e) = py.check_signals() {
                        // The scope joins the worker, which stops at its next check.
                        cancel.store(true, Ordering::Relaxed);
                        return Err(e);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(PyRuntimeError::new_err(
                        "newsframe's parsing thread stopped",
                    ))
                }
            }
        }
    })
}

impl CorpusBuilder {
    fn run(&mut self, py: Python<'_>, inputs: Vec<Input>) -> PyResult<usize> {
        let results = parse_interruptibly(py, &inputs, &self.options)?;
        let n = inputs.len();
        for result in results {
            match result {
                Ok(a) => self.articles.push(a),
                Err(e) if e.message.starts_with("internal error") => {
                    return Err(PyRuntimeError::new_err(format!(
                        "newsframe failed on {}: {}",
                        e.source, e.message
                    )))
                }
                Err(e) => self.errors.push(e),
            }
        }
        Ok(n)
    }
}

#[pymethods]
impl CorpusBuilder {
    /// `entities`: (name, type, aliases) triples that take precedence over the gazetteers.
    /// `steps_per_byte`: the work budget of an article per byte of input; a page that needs
    /// more becomes an `errors` row of kind `limit`.
    /// `entity_scope`: `"story"` (title, subtitle, headings, body) or `"all"` (every block).
    /// `link`: link ids across the articles at `finish`; when false, ids are linking keys
    /// (`PERSON:Sergei Lavrov`) that `link_keys` turns into ids once the corpus is complete.
    #[new]
    #[pyo3(signature = (max_bytes=crate::ingest::DEFAULT_MAX_BYTES, entities=None, entity_scope="story", steps_per_byte=crate::work::DEFAULT_STEPS_PER_BYTE, link=true))]
    fn new(
        max_bytes: usize,
        entities: Option<Vec<(String, String, Vec<String>)>>,
        entity_scope: &str,
        steps_per_byte: u64,
        link: bool,
    ) -> PyResult<Self> {
        let entity_scope = match entity_scope {
            "story" => crate::entities::Scope::Story,
            "all" => crate::entities::Scope::All,
            other => {
                return Err(PyValueError::new_err(format!(
                    "entity_scope {other:?} is not known: use \"story\" or \"all\""
                )))
            }
        };
        let mut entries = Vec::new();
        for (name, etype, aliases) in entities.unwrap_or_default() {
            let etype = EntityType::parse(&etype).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "entity {name:?} has unknown type {etype:?}: use PERSON, ORG, MEDIA, GPE, LOC, NORP or EVENT"
                ))
            })?;
            entries.push(CustomEntity {
                name,
                etype,
                aliases,
            });
        }
        let custom = CustomEntities::new(entries);
        Ok(CorpusBuilder {
            options: Options {
                max_bytes,
                custom_entities: custom,
                steps_per_byte,
                cancel: None,
                entity_scope,
                ..Options::default()
            },
            link,
            articles: Vec::new(),
            errors: Vec::new(),
        })
    }

    /// Parses files: (article_id, source, path, format) tuples. Returns how many were taken.
    fn add_files(
        &mut self,
        py: Python<'_>,
        items: Vec<(String, String, PathBuf, Option<String>)>,
    ) -> PyResult<usize> {
        let inputs = items
            .into_iter()
            .map(|(id, source, path, format)| {
                Ok(Input {
                    id,
                    source,
                    content: Content::Path(path),
                    format: parse_format(format.as_deref())?,
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        self.run(py, inputs)
    }

    /// Parses in-memory texts: (article_id, source, text, format) tuples.
    fn add_texts(
        &mut self,
        py: Python<'_>,
        items: Vec<(String, String, String, Option<String>)>,
    ) -> PyResult<usize> {
        let inputs = items
            .into_iter()
            .map(|(id, source, text, format)| {
                Ok(Input {
                    id,
                    source,
                    content: Content::Text(text),
                    format: parse_format(format.as_deref())?,
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        self.run(py, inputs)
    }

    /// Records an input that could not be read before parsing (e.g. found missing in Python).
    fn add_error(&mut self, source: String, kind: &str, message: String) -> PyResult<()> {
        self.errors.push(InputError {
            source,
            kind: parse_error_kind(kind)?,
            message,
        });
        Ok(())
    }

    fn __len__(&self) -> usize {
        self.articles.len() + self.errors.len()
    }

    /// Inputs recorded so far that yielded no article (so a caller can stop at the first).
    #[getter]
    fn n_errors(&self) -> usize {
        self.errors.len()
    }

    /// Links the corpus and returns the frames as {name: ArrowTable}; the builder is emptied.
    fn finish(&mut self, py: Python<'_>) -> PyResult<Vec<(String, ArrowTable)>> {
        let articles = std::mem::take(&mut self.articles);
        let errors = std::mem::take(&mut self.errors);
        let link = self.link;
        let batches = py
            .detach(|| {
                let links = if link {
                    corpus::link(&articles)
                } else {
                    corpus::unlinked(&articles)
                };
                frames::build(&articles, &errors, &links)
            })
            .map_err(|e| PyRuntimeError::new_err(format!("could not build frames: {e}")))?;
        Ok(FRAME_NAMES
            .iter()
            .zip(batches)
            .map(|(name, batch)| (name.to_string(), ArrowTable { batch }))
            .collect())
    }
}

/// (entity id, canonical name) of each linking key, given with its mentions over the whole
/// corpus: the ids a one-shot parse of that corpus gives.
#[pyfunction]
fn link_keys(py: Python<'_>, keys: Vec<(String, usize)>) -> PyResult<Vec<(String, String)>> {
    py.detach(|| crate::entities::link::link_keys(&keys))
        .map_err(|key| {
            PyValueError::new_err(format!(
                "{key:?} is not a linking key (TYPE:name, as an unlinked parse writes in entity_id)"
            ))
        })
}

/// Byte offset of each code point offset of `text` (and of its end).
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Trains the entity tagger on (text, [(start, end, "PER"|"ORG"|"LOC")]) sentences, offsets
/// in code points; returns the model file's bytes (`scripts/train_ner.py`).
#[pyfunction]
#[pyo3(signature = (sentences, *, epochs = 10, bits = 18, seed = 1))]
fn train_entity_tagger(
    py: Python<'_>,
    sentences: Vec<crate::entities::tagger::TrainingSentence>,
    epochs: usize,
    bits: u8,
    seed: u64,
) -> PyResult<Vec<u8>> {
    if !(10..=24).contains(&bits) {
        return Err(PyValueError::new_err("bits must be between 10 and 24"));
    }
    let mut bad = None;
    let data: Vec<crate::entities::tagger::TrainingSentence> = sentences
        .into_iter()
        .map(|(text, spans)| {
            let at = byte_offsets(&text);
            let spans = spans
                .into_iter()
                .filter_map(|(s, e, ty)| match (at.get(s), at.get(e)) {
                    (Some(&s), Some(&e)) if s <= e => Some((s, e, ty)),
                    _ => {
                        bad = Some((s, e));
                        None
                    }
                })
                .collect();
            (text, spans)
        })
        .collect();
    if let Some((s, e)) = bad {
        return Err(PyValueError::new_err(format!(
            "span {s}..{e} is outside its sentence (offsets are code points)"
        )));
    }
    Ok(py.detach(|| crate::entities::tagger::train(&data, epochs, bits, seed)))
}

/// The tagger's typed spans (start, end, type) in `text`, code-point offsets; `model` is a
/// model file's bytes (empty: the shipped one).
#[pyfunction]
#[pyo3(signature = (text, model = None))]
fn tag_entities(text: &str, model: Option<Vec<u8>>) -> Vec<(usize, usize, &'static str)> {
    use crate::entities::tagger;
    let found = match &model {
        Some(m) => tagger::tag_text(m, text),
        None => tagger::tag_shipped(text),
    };
    let chars: crate::lexicon::HashMap<usize, usize> = byte_offsets(text)
        .into_iter()
        .enumerate()
        .map(|(c, b)| (b, c))
        .collect();
    found
        .into_iter()
        .map(|t| (chars[&t.start], chars[&t.end], t.etype.as_str()))
        .collect()
}

/// Version of the native core.
#[pyfunction]
fn core_version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<CorpusBuilder>()?;
    m.add_class::<ArrowTable>()?;
    m.add_function(wrap_pyfunction!(core_version, m)?)?;
    m.add_function(wrap_pyfunction!(link_keys, m)?)?;
    m.add_function(wrap_pyfunction!(train_entity_tagger, m)?)?;
    m.add_function(wrap_pyfunction!(tag_entities, m)?)?;
    Ok(())
}
