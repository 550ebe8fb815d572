//! `cargo fuzz run json`: see `newsframe_fuzz::targets::json` for what it checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newsframe_fuzz::targets::json(data));
