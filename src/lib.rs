//! newsframe's core: news article text in, tidy records out.
//!
//! The flow runs one way, one module a stage:
//! `ingest` (bytes to text) -> `segment` (blocks and roles) -> `metadata` -> `entities` ->
//! `quotes` -> `citations`, wired per article by `pipeline`; `corpus` parses many articles in
//! parallel and links ids across them; `frames` builds Arrow tables; `python` is the thin
//! pyo3 layer. Everything but `python` is pure Rust that knows nothing of Python.

pub mod citations;
pub mod corpus;
pub mod entities;
pub mod frames;
pub mod ingest;
pub mod lexicon;
pub mod metadata;
pub mod model;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod work;

mod python;
