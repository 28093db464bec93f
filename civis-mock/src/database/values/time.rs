//! Dates and timestamps. The calendar arithmetic is Howard Hinnant's days-from-civil, so the
//! mock needs no date library.

/// `YYYY-MM-DD` as (year, month, day) of a real day of years 1 to 9999.
fn civil(text: &str) -> Option<(i64, u32, u32)> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        part.iter().all(u8::is_ascii_digit).then_some(())?;
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let year = i64::from(year);
    let valid = year >= 1 && (1..=12).contains(&month) && (1..=days_in(year, month)).contains(&day);
    valid.then_some((year, month, day))
}

fn days_in(year: i64, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A timestamp's parts: seconds since the epoch (before any offset is applied), the fraction's
/// digits, and the offset's seconds east of UTC if one was given.
struct Moment<'a> {
    seconds: i64,
    fraction: &'a str,
    offset: Option<i64>,
}

/// `YYYY-MM-DD[( |T)HH:MM:SS[.f{1,6}]][offset]`, spaces around it allowed.
fn moment(text: &str) -> Option<Moment<'_>> {
    let text = text.trim();
    let (year, month, day) = civil(text.get(..10)?)?;
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let mut rest = &text[10..];
    let mut fraction = "";
    if let Some(time) = rest.strip_prefix([' ', 'T']) {
        let clock = time.get(..8)?.as_bytes();
        let two = |at: usize| -> Option<i64> {
            let pair = clock.get(at..at + 2)?;
            pair.iter().all(u8::is_ascii_digit).then_some(())?;
            Some(i64::from(pair[0] - b'0') * 10 + i64::from(pair[1] - b'0'))
        };
        if clock[2] != b':' || clock[5] != b':' {
            return None;
        }
        let (hour, minute, second) = (two(0)?, two(3)?, two(6)?);
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        seconds += hour * 3600 + minute * 60 + second;
        rest = &time[8..];
        if let Some(after) = rest.strip_prefix('.') {
            let length = after.bytes().take_while(u8::is_ascii_digit).count();
            if !(1..=6).contains(&length) {
                return None;
            }
            fraction = &after[..length];
            rest = &after[length..];
        }
    }
    let rest = rest.trim_start();
    let offset = if rest.is_empty() {
        None
    } else {
        Some(offset(rest)?)
    };
    Some(Moment {
        seconds,
        fraction,
        offset,
    })
}

/// `Z`, `+HH`, `+HHMM` or `+HH:MM` (or `-`) as seconds east of UTC.
fn offset(text: &str) -> Option<i64> {
    if text.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = |part: &str| -> Option<i64> {
        (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit())).then_some(())?;
        part.parse().ok()
    };
    let rest = &text[1..];
    let (hours, minutes) = match rest.len() {
        2 => (digits(rest)?, 0),
        4 => (digits(rest.get(..2)?)?, digits(rest.get(2..)?)?),
        5 if rest.as_bytes()[2] == b':' => (digits(rest.get(..2)?)?, digits(rest.get(3..)?)?),
        _ => return None,
    };
    (hours <= 15 && minutes <= 59).then_some(sign * (hours * 3600 + minutes * 60))
}

/// `YYYY-MM-DD HH:MM:SS[.f]` of `seconds` since the epoch, the fraction without trailing zeros;
/// `None` outside years 1 to 9999.
fn print(seconds: i64, fraction: &str) -> Option<String> {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    if !(1..=9999).contains(&year) {
        return None;
    }
    let of_day = seconds.rem_euclid(86_400);
    let (hour, minute, second) = (of_day / 3600, of_day / 60 % 60, of_day % 60);
    let mut text = format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}");
    let fraction = fraction.trim_end_matches('0');
    if !fraction.is_empty() {
        text.push('.');
        text.push_str(fraction);
    }
    Some(text)
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
    let moment = moment(text).ok_or_else(error)?;
    match (moment.offset, with_zone) {
        (Some(_), false) => Err(error()),
        (offset, true) => {
            let utc = moment.seconds - offset.unwrap_or(0);
            print(utc, moment.fraction)
                .map(|t| t + "+00")
                .ok_or_else(error)
        }
        (None, false) => print(moment.seconds, moment.fraction).ok_or_else(error),
    }
}

/// Whether `text` is a `DATE`, for type detection.
pub(crate) fn is_date(text: &str) -> bool {
    civil(text).is_some()
}

/// Whether `text` is a `TIMESTAMP` without an offset, for type detection.
pub(crate) fn is_timestamp(text: &str) -> bool {
    moment(text).is_some_and(|m| m.offset.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_from_civil_and_back_agree_across_eras() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        for days in [-719_162, -1, 0, 59, 60, 11_016, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(-719_162), (1, 1, 1));
        assert_eq!(civil_from_days(2_932_896), (9999, 12, 31));
    }

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
