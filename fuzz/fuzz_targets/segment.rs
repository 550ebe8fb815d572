//! `cargo fuzz run segment`: see `newsframe_fuzz::targets::segment` for what it checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newsframe_fuzz::targets::segment(data));
