//! newsframe's fuzz targets as plain functions; see `targets.rs`.

pub mod targets;
