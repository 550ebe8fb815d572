//! `cargo fuzz run html`: see `newsframe_fuzz::targets::html` for what it checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newsframe_fuzz::targets::html(data));
