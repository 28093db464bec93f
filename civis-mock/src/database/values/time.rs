//! Dates and timestamps as Redshift loads them: read and printed by civis-core's time module,
//! with the limits Redshift keeps on loading (years from 1, seconds to 59, offsets to 15:59).

use civis_core::time::{
    format_timestamp, format_timestamptz, parse_civil, parse_offset, split_timestamp,
};

/// The longest offset Redshift loads, in seconds: 15:59.
const LONGEST_OFFSET: i32 = 16 * 3600 - 60;

/// `YYYY-MM-DD` of a real day of years 1 to 9999.
fn civil(text: &str) -> Option<(i64, u32, u32)> {
    parse_civil(text).filter(|&(year, _, _)| year >= 1)
}

/// `YYYY-MM-DD[( |T)HH:MM:SS[.f{1,6}]][offset]`, spaces around it and before the offset
/// allowed: microseconds since the epoch before the offset is applied, and the offset's seconds
/// east of UTC if one was given.
fn moment(text: &str) -> Option<(i64, Option<i32>)> {
    let (time, rest) = split_timestamp(text.trim())?;
    if time.year < 1 || time.second > 59 {
        return None;
    }
    let rest = rest.trim_start();
    let offset = if rest.is_empty() {
        None
    } else {
        Some(parse_offset(rest).filter(|o| o.abs() <= LONGEST_OFFSET)?)
    };
    Some((time.micros_since_epoch(), offset))
}

/// `DATE`: `YYYY-MM-DD` of a real day.
pub(super) fn date(text: &str) -> Result<String, String> {
    match civil(text.trim()) {
        Some((year, month, day)) => Ok(format!("{year:04}-{month:02}-{day:02}")),
        None => Err(format!(
            "Invalid date format - must be YYYY-MM-DD, Value '{text}', Type: Date"
        )),
    }
}

/// `TIMESTAMP` (no offset allowed) or, `with_zone`, `TIMESTAMPTZ`: converted to UTC, printed
/// with `+00` as Redshift prints it.
pub(super) fn timestamp(text: &str, with_zone: bool) -> Result<String, String> {
    let error = || {
        let (format, name) = if with_zone {
            ("YYYY-MM-DD HH24:MI:SSOF", "Timestamptz")
        } else {
            ("YYYY-MM-DD HH24:MI:SS", "Timestamp")
        };
        format!("Invalid timestamp format or value [{format}], Value '{text}', Type: {name}")
    };
    let (micros, offset) = moment(text).ok_or_else(error)?;
    match (offset, with_zone) {
        (Some(_), false) => Err(error()),
        (offset, true) => {
            let utc = micros - i64::from(offset.unwrap_or(0)) * 1_000_000;
            format_timestamptz(utc).ok_or_else(error)
        }
        (None, false) => format_timestamp(micros).ok_or_else(error),
    }
}

/// Whether `text` is a `DATE`, for type detection.
pub(crate) fn is_date(text: &str) -> bool {
    civil(text).is_some()
}

/// Whether `text` is a `TIMESTAMP` without an offset, for type detection.
pub(crate) fn is_timestamp(text: &str) -> bool {
    moment(text).is_some_and(|(_, offset)| offset.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_days() {
        assert_eq!(date("2024-02-29").unwrap(), "2024-02-29");
        assert_eq!(date(" 2000-02-29 ").unwrap(), "2000-02-29");
        assert_eq!(date("0001-01-01").unwrap(), "0001-01-01");
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-04-31",
            "2024-00-10",
            "2024-1-5",
            "24-01-05",
            "2024/01/05",
            "0000-01-01",
            "2024-01-05 10:00:00",
            "",
        ] {
            let error = date(bad).unwrap_err();
            assert!(
                error.contains(&format!("'{bad}'")) && error.contains("Date"),
                "{error}"
            );
        }
    }

    #[test]
    fn timestamps_print_with_a_space_and_a_trimmed_fraction() {
        let ts = |t: &str| timestamp(t, false);
        assert_eq!(ts("2024-03-01 12:00:00").unwrap(), "2024-03-01 12:00:00");
        assert_eq!(ts("2024-03-01T12:34:56").unwrap(), "2024-03-01 12:34:56");
        assert_eq!(ts("2024-03-01").unwrap(), "2024-03-01 00:00:00");
        assert_eq!(
            ts("2024-03-01 12:00:00.500").unwrap(),
            "2024-03-01 12:00:00.5"
        );
        assert_eq!(
            ts("2024-03-01 12:00:00.123456").unwrap(),
            "2024-03-01 12:00:00.123456"
        );
        assert_eq!(
            ts("2024-03-01 12:00:00.000").unwrap(),
            "2024-03-01 12:00:00"
        );
        for bad in [
            "2024-03-01 24:00:00",
            "2024-03-01 12:60:00",
            "2024-03-01 12:00",
            "2024-03-01 12:00:00.1234567",
            "2024-03-01 12:00:00.",
            "2024-02-30 00:00:00",
            "2024-03-01 12:00:00Z",
            "2024-03-01 12:00:00+02",
            "2024-03-01x",
        ] {
            let error = ts(bad).unwrap_err();
            assert!(
                error.contains(&format!("'{bad}'")) && error.contains("Type: Timestamp"),
                "{error}"
            );
        }
    }

    #[test]
    fn timestamptz_is_converted_to_utc_and_printed_with_plus_00() {
        let tz = |t: &str| timestamp(t, true);
        assert_eq!(tz("2024-03-01 12:00:00").unwrap(), "2024-03-01 12:00:00+00");
        assert_eq!(
            tz("2024-03-01T12:00:00Z").unwrap(),
            "2024-03-01 12:00:00+00"
        );
        assert_eq!(
            tz("2024-03-01 12:00:00+02").unwrap(),
            "2024-03-01 10:00:00+00"
        );
        assert_eq!(
            tz("2024-03-01 12:00:00-0530").unwrap(),
            "2024-03-01 17:30:00+00"
        );
        assert_eq!(
            tz("2024-03-01 01:00:00.25+02:00").unwrap(),
            "2024-02-29 23:00:00.25+00"
        );
        assert_eq!(
            tz("2023-12-31 23:30:00 -01:00").unwrap(),
            "2024-01-01 00:30:00+00"
        );
        assert_eq!(tz("2024-03-01").unwrap(), "2024-03-01 00:00:00+00");
        for bad in [
            "2024-03-01 12:00:00+2",
            "2024-03-01 12:00:00+16",
            "2024-03-01 12:00:00+02:60",
            "2024-03-01 12:00:00 UTC",
            "0001-01-01 00:00:00+01",
            "nonsense",
        ] {
            let error = tz(bad).unwrap_err();
            assert!(
                error.contains(&format!("'{bad}'")) && error.contains("Timestamptz"),
                "{error}"
            );
        }
    }

    #[test]
    fn detection_tells_dates_from_timestamps_without_offsets() {
        assert!(is_date("2024-01-05"));
        assert!(!is_date("2024-01-05 00:00:00"));
        assert!(is_timestamp("2024-01-05 10:00:00"));
        assert!(is_timestamp("2024-01-05"));
        assert!(!is_timestamp("2024-01-05 10:00:00+00"));
        assert!(!is_timestamp("10:00"));
    }
}
