//! `cargo fuzz run decode`: see `newsframe_fuzz::targets::decode` for what it checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newsframe_fuzz::targets::decode(data));
