//! The date parser (every written form, both orders) and spreadsheet serials.
#![no_main]
use libfuzzer_sys::fuzz_target;
use perspectief_core::ingest::values::{date_from_serial, parse_date, DateOrder};

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
            if let Some(d) = parse_date(s, order) {
                // A parsed date is a real date.
                assert!(perspectief_core::date::Date::new(d.year, d.month, d.day).is_some());
            }
        }
        let _ = perspectief_core::date::Date::parse_iso(s);
    }
    if data.len() >= 8 {
        let _ = date_from_serial(f64::from_le_bytes(data[..8].try_into().unwrap()));
    }
});
