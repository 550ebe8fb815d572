//! `cargo fuzz run parse_text`: see `newsframe_fuzz::targets::parse_text` for what it checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newsframe_fuzz::targets::parse_text(data));
