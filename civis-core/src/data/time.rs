//! Dates and times without a date library: the calendar arithmetic (Howard Hinnant's
//! `days_from_civil` and `civil_from_days`, proleptic Gregorian), reading the forms Redshift
//! and the API write, and printing them again.
//!
//! Two forms are read, the first strictly because typed results decide a column's values by it:
//!
//! - Redshift's: `YYYY-MM-DD[( |T)HH:MM:SS[.f{1,6}]]`, then for a timestamp with time zone an
//!   offset (`Z`, `+HH`, `+HHMM`, `+HH:MM` or `-...`; none is UTC):
//!   [`parse_date`], [`parse_timestamp`], [`parse_timestamptz`], and [`split_timestamp`] for a
//!   reader with rules of its own;
//! - ISO 8601 as the API writes and reads times (`2026-05-27T14:44:37.854Z`): the same with `t`
//!   also as separator, seconds optional and a fraction of any length: [`parse_iso_8601`].
//!
//! Times are microseconds since 1970-01-01 00:00:00 UTC (Redshift's precision), dates days
//! since 1970-01-01. Printing: [`format_api_time`] (the API's form), [`format_timestamp`] and
//! [`format_timestamptz`] (Redshift's, as an export writes them).

use std::time::{SystemTime, UNIX_EPOCH};

const SECONDS_PER_DAY: i64 = 86_400;
const MICROS_PER_SECOND: i64 = 1_000_000;
const MICROS_PER_DAY: i64 = SECONDS_PER_DAY * MICROS_PER_SECOND;
const MILLIS_PER_DAY: i64 = SECONDS_PER_DAY * 1000;
/// The digits of a fraction of a second in microseconds, Redshift's precision: a longer
/// fraction is not one of its values, and the ISO form's is cut to it.
const MICRO_DIGITS: usize = 6;

/// Days since 1970-01-01 of a proleptic Gregorian date (negative before it).
///
/// The date is not checked: day 0 or 32 counts on from the month's start as the arithmetic
/// goes; [`parse_civil`] reads only real days.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::days_from_civil;
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(2000, 3, 1), 11_017);
/// assert_eq!(days_from_civil(1969, 12, 31), -1);
/// ```
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    // The year starts on March 1st, so that the leap day is the last of its year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date (year, month, day) `days` after 1970-01-01: the inverse of
/// [`days_from_civil`].
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::civil_from_days;
/// assert_eq!(civil_from_days(0), (1970, 1, 1));
/// assert_eq!(civil_from_days(11_016), (2000, 2, 29));
/// assert_eq!(civil_from_days(-1), (1969, 12, 31));
/// ```
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    // Both fit: a day of the month is 1 to 31 and a month 1 to 12.
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The number of days of `month` (1 to 12) in `year`; 31 for a month out of range.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::days_in_month;
/// assert_eq!(days_in_month(2024, 2), 29);
/// assert_eq!(days_in_month(1900, 2), 28);
/// assert_eq!(days_in_month(2000, 2), 29);
/// assert_eq!(days_in_month(2023, 4), 30);
/// ```
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date written `YYYY-MM-DD` (exactly: four, two and two digits) as (year, month, day), when
/// it is a real day; years 0000 to 9999.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::parse_civil;
/// assert_eq!(parse_civil("2024-02-29"), Some((2024, 2, 29)));
/// assert_eq!(parse_civil("2023-02-29"), None);
/// assert_eq!(parse_civil("2024-2-29"), None);
/// ```
pub fn parse_civil(text: &str) -> Option<(i64, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i64::from(digits(&b[0..4])?);
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    let real = (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day);
    real.then_some((year, month, day))
}

/// A date and a time of day as written, before any offset is applied: what
/// [`split_timestamp`] reads. A date alone is at midnight.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::split_timestamp;
/// let (time, rest) = split_timestamp("1970-01-02 00:00:01.25+02").unwrap();
/// assert_eq!((time.year, time.month, time.day), (1970, 1, 2));
/// assert_eq!((time.hour, time.minute, time.second, time.micros), (0, 0, 1, 250_000));
/// assert_eq!(time.micros_since_epoch(), 86_401_250_000);
/// assert_eq!(rest, "+02");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CivilTime {
    /// The year, 0 to 9999.
    pub year: i64,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
    /// The hour, 0 to 23.
    pub hour: u32,
    /// The minute, 0 to 59.
    pub minute: u32,
    /// The second, 0 to 60 (a leap second, which counts as the next minute's first).
    pub second: u32,
    /// Microseconds past the second, 0 to 999 999.
    pub micros: u32,
}

impl CivilTime {
    /// Microseconds since 1970-01-01 00:00:00 of this date and time, read as UTC.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// use civis::time::split_timestamp;
    /// let (time, _) = split_timestamp("1969-12-31 23:59:59.5").unwrap();
    /// assert_eq!(time.micros_since_epoch(), -500_000);
    /// ```
    pub fn micros_since_epoch(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        let clock =
            i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second);
        (days * SECONDS_PER_DAY + clock) * MICROS_PER_SECOND + i64::from(self.micros)
    }
}

/// The forms of timestamps read here; they differ only in what may follow the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `( |T)HH:MM:SS[.f{1,6}]`.
    Redshift,
    /// `( |T|t)HH:MM[:SS[.f+]]`, a fraction past microseconds read to the microsecond.
    Iso8601,
}

/// A leading date and time of day in Redshift's form, `YYYY-MM-DD[( |T)HH:MM:SS[.f{1,6}]]`,
/// and the text that follows it (an offset, or anything else: the caller decides).
///
/// The date is a real day of years 0000 to 9999, the time of day 00:00:00 to 23:59:60.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::split_timestamp;
/// let (time, rest) = split_timestamp("2024-03-01T12:30:00 UTC").unwrap();
/// assert_eq!((time.hour, time.minute, rest), (12, 30, " UTC"));
/// assert_eq!(split_timestamp("2024-03-01 12:30").map(|(_, rest)| rest), None);
/// ```
pub fn split_timestamp(text: &str) -> Option<(CivilTime, &str)> {
    split(text, Form::Redshift)
}

/// A leading date and time of day in `form`, and the text that follows it.
fn split(text: &str, form: Form) -> Option<(CivilTime, &str)> {
    let (year, month, day) = parse_civil(text.get(..10)?)?;
    let mut time = CivilTime {
        year,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
        micros: 0,
    };
    let rest = &text[10..];
    let separators: &[char] = match form {
        Form::Redshift => &[' ', 'T'],
        Form::Iso8601 => &[' ', 'T', 't'],
    };
    let Some(clock) = rest.strip_prefix(separators) else {
        return Some((time, rest));
    };
    let b = clock.as_bytes();
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    (time.hour, time.minute) = (digits(&b[0..2])?, digits(&b[3..5])?);
    // The five bytes read are ASCII, so the rest starts on a character.
    let mut rest = &clock[5..];
    match rest.strip_prefix(':') {
        Some(seconds) => {
            time.second = digits(seconds.as_bytes().get(..2)?)?;
            rest = &seconds[2..];
            if let Some(fraction) = rest.strip_prefix('.') {
                let length = fraction.bytes().take_while(u8::is_ascii_digit).count();
                let longest = match form {
                    Form::Redshift => MICRO_DIGITS,
                    Form::Iso8601 => usize::MAX,
                };
                if length == 0 || length > longest {
                    return None;
                }
                let kept = &fraction.as_bytes()[..length.min(MICRO_DIGITS)];
                // At most six digits: the power and the product fit.
                time.micros = digits(kept)? * 10u32.pow((MICRO_DIGITS - kept.len()) as u32);
                rest = &fraction[length..];
            }
        }
        None if form == Form::Iso8601 => {}
        None => return None,
    }
    if time.hour > 23 || time.minute > 59 || time.second > 60 {
        return None;
    }
    Some((time, rest))
}

/// An offset from UTC, `Z` (or `z`), `+HH`, `+HHMM` or `+HH:MM` (or `-...`), as seconds east
/// of UTC; hours 0 to 23, minutes 0 to 59.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::parse_offset;
/// assert_eq!(parse_offset("Z"), Some(0));
/// assert_eq!(parse_offset("+02"), Some(7200));
/// assert_eq!(parse_offset("-05:30"), Some(-19_800));
/// assert_eq!(parse_offset("+2"), None);
/// assert_eq!(parse_offset(""), None);
/// ```
pub fn parse_offset(text: &str) -> Option<i32> {
    let (sign, zone) = match text.as_bytes() {
        [b'Z' | b'z'] => return Some(0),
        [b'+', zone @ ..] => (1, zone),
        [b'-', zone @ ..] => (-1, zone),
        _ => return None,
    };
    let (hours, minutes) = match zone {
        [h1, h2] => (digits(&[*h1, *h2])?, 0),
        [h1, h2, m1, m2] | [h1, h2, b':', m1, m2] => (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?),
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    // At most 23:59, in seconds: it fits.
    Some(sign * (hours * 3600 + minutes * 60) as i32)
}

/// A date `YYYY-MM-DD` as days since 1970-01-01.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::parse_date;
/// assert_eq!(parse_date("1970-01-02"), Some(1));
/// assert_eq!(parse_date("2024-02-29"), Some(19782));
/// assert_eq!(parse_date("2023-02-29"), None);
/// ```
pub fn parse_date(text: &str) -> Option<i32> {
    let (year, month, day) = parse_civil(text)?;
    i32::try_from(days_from_civil(year, month, day)).ok()
}

/// A timestamp without time zone, `YYYY-MM-DD HH:MM:SS[.f{1,6}]` (or with `T`; a date alone is
/// midnight), as microseconds since 1970-01-01 00:00:00.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::parse_timestamp;
/// assert_eq!(parse_timestamp("1970-01-01 00:00:01.5"), Some(1_500_000));
/// assert_eq!(parse_timestamp("1970-01-02"), Some(86_400_000_000));
/// assert_eq!(parse_timestamp("1970-01-01 00:00:01+00"), None);
/// ```
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let (time, rest) = split(text, Form::Redshift)?;
    rest.is_empty().then(|| time.micros_since_epoch())
}

/// A timestamp with time zone, as Redshift exports it (`2024-03-01 12:00:00+00`) or with any
/// offset (`Z`, `+HH`, `+HHMM`, `+HH:MM`, `-...`; none is UTC), as microseconds since
/// 1970-01-01 00:00:00 UTC.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::parse_timestamptz;
/// assert_eq!(parse_timestamptz("1970-01-01 01:00:00+01"), Some(0));
/// assert_eq!(parse_timestamptz("1970-01-01T00:00:00Z"), Some(0));
/// assert_eq!(parse_timestamptz("1970-01-01 00:00:00-05:30"), Some(19_800_000_000));
/// ```
pub fn parse_timestamptz(text: &str) -> Option<i64> {
    zoned(text, Form::Redshift)
}

/// An ISO 8601 date (`2027-01-01`, midnight) or date and time as the API writes and reads them
/// (`2026-05-27T14:44:37.854Z`, `2026-05-27T16:44:37+02:00`): `T`, `t` or a space before the
/// time, seconds and their fraction optional (a fraction read to the microsecond), an offset as
/// [`parse_offset`] reads it or none (UTC). Microseconds since 1970-01-01 00:00:00 UTC.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::parse_iso_8601;
/// assert_eq!(parse_iso_8601("2026-05-27T14:44:37.854Z"), Some(1_779_893_077_854_000));
/// assert_eq!(parse_iso_8601("1970-01-01T02:00+02:00"), Some(0));
/// assert_eq!(parse_iso_8601("2027-01-01T25:00"), None);
/// ```
pub fn parse_iso_8601(text: &str) -> Option<i64> {
    zoned(text, Form::Iso8601)
}

/// A date and time in `form`, then an offset or nothing (UTC), as microseconds since the epoch
/// in UTC.
fn zoned(text: &str, form: Form) -> Option<i64> {
    let (time, rest) = split(text, form)?;
    let offset = if rest.is_empty() {
        0
    } else {
        parse_offset(rest)?
    };
    time.micros_since_epoch()
        .checked_sub(i64::from(offset) * MICROS_PER_SECOND)
}

/// A time as the API writes it, in UTC to the millisecond: `2026-05-27T14:44:37.854Z`.
///
/// ```
/// # extern crate civis_core as civis;
/// use std::time::{Duration, UNIX_EPOCH};
/// use civis::time::format_api_time;
/// let at = UNIX_EPOCH + Duration::from_millis(1_779_893_077_854);
/// assert_eq!(format_api_time(at), "2026-05-27T14:44:37.854Z");
/// ```
pub fn format_api_time(time: SystemTime) -> String {
    let saturated = |millis: u128| i64::try_from(millis).unwrap_or(i64::MAX);
    // Rounded down before the epoch too, so that a time there prints in its own millisecond.
    let millis = match time.duration_since(UNIX_EPOCH) {
        Ok(after) => saturated(after.as_millis()),
        Err(before) => -saturated(before.duration().as_nanos().div_ceil(1_000_000)),
    };
    let (year, month, day) = civil_from_days(millis.div_euclid(MILLIS_PER_DAY));
    let of_day = millis.rem_euclid(MILLIS_PER_DAY);
    let second = of_day / 1000;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        second / 3600,
        second / 60 % 60,
        second % 60,
        of_day % 1000
    )
}

/// A timestamp without time zone as Redshift prints it, `YYYY-MM-DD HH:MM:SS[.f]` with the
/// fraction's trailing zeros dropped, of `micros` since 1970-01-01 00:00:00; `None` outside
/// years 1 to 9999, which Redshift's four-digit years do not print.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::format_timestamp;
/// assert_eq!(format_timestamp(1_500_000).as_deref(), Some("1970-01-01 00:00:01.5"));
/// assert_eq!(format_timestamp(-86_400_000_000).as_deref(), Some("1969-12-31 00:00:00"));
/// ```
pub fn format_timestamp(micros: i64) -> Option<String> {
    let (year, month, day) = civil_from_days(micros.div_euclid(MICROS_PER_DAY));
    if !(1..=9999).contains(&year) {
        return None;
    }
    let of_day = micros.rem_euclid(MICROS_PER_DAY);
    let (second, fraction) = (of_day / MICROS_PER_SECOND, of_day % MICROS_PER_SECOND);
    let mut text = format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        second / 3600,
        second / 60 % 60,
        second % 60
    );
    if fraction != 0 {
        text.push('.');
        text.push_str(format!("{fraction:06}").trim_end_matches('0'));
    }
    Some(text)
}

/// A timestamp with time zone as Redshift prints it, in UTC with `+00`:
/// [`format_timestamp`]`(micros)` and `+00`.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::time::format_timestamptz;
/// assert_eq!(format_timestamptz(0).as_deref(), Some("1970-01-01 00:00:00+00"));
/// ```
pub fn format_timestamptz(micros: i64) -> Option<String> {
    format_timestamp(micros).map(|text| text + "+00")
}

/// ASCII digits as a number (none is 0), `None` at any other byte.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

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
    fn dates_agree_with_the_calendar_far_from_the_epoch() {
        assert_eq!(parse_date("2000-03-01"), Some(11_017));
        assert_eq!(parse_date("1969-12-31"), Some(-1));
        assert_eq!(parse_date("0001-01-01"), Some(-719_162));
        assert_eq!(parse_date("9999-12-31"), Some(2_932_896));
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("2024-1-01"), None);
    }

    #[test]
    fn timestamps_read_fractions_and_offsets() {
        assert_eq!(
            parse_timestamp("2024-03-01T12:00:00.000001"),
            Some(1_709_294_400_000_001)
        );
        assert_eq!(parse_timestamp("2024-03-01 12:00:00.1234567"), None);
        assert_eq!(parse_timestamp("2024-03-01 24:00:00"), None);
        assert_eq!(
            parse_timestamptz("2024-03-01 12:00:00+00"),
            Some(1_709_294_400_000_000)
        );
        assert_eq!(
            parse_timestamptz("2024-03-01 13:30:00+0130"),
            Some(1_709_294_400_000_000)
        );
        assert_eq!(parse_timestamptz("2024-03-01 12:00:00+1"), None);
        assert_eq!(parse_timestamptz("2024-03-01 12:00:00 UTC"), None);
    }

    #[test]
    fn redshift_timestamps_want_seconds_and_allow_a_leap_one() {
        assert_eq!(parse_timestamp("2024-03-01 12:00"), None);
        assert_eq!(parse_timestamp("2024-03-01t12:00:00"), None);
        assert_eq!(parse_timestamp("2024-03-01 12:00:00."), None);
        assert_eq!(
            parse_timestamp("1970-01-01 23:59:60"),
            parse_timestamp("1970-01-02")
        );
        assert_eq!(
            parse_timestamp("0000-01-01"),
            Some(-719_528 * MICROS_PER_DAY)
        );
        assert_eq!(
            parse_timestamptz("1970-01-01 00:00:00+23:59"),
            Some(-86_340_000_000)
        );
        assert_eq!(parse_timestamptz("1970-01-01 00:00:00+24"), None);
        assert_eq!(parse_timestamptz("1970-01-01 00:00:00 +01"), None);
    }

    #[test]
    fn iso_8601_reads_the_apis_times_and_shorter_forms() {
        assert_eq!(parse_iso_8601("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_iso_8601("1970-01-01"), Some(0));
        assert_eq!(parse_iso_8601("1970-01-01t00:01"), Some(60_000_000));
        assert_eq!(
            parse_iso_8601("1970-01-01T00:00:00.123456789Z"),
            Some(123_456)
        );
        assert_eq!(
            parse_iso_8601("2027-12-31 23:59:59-0500"),
            parse_iso_8601("2028-01-01T04:59:59Z")
        );
        for bad in [
            "tomorrow",
            "2027-13-01",
            "2027-02-30",
            "2027-01-01T",
            "2027-01-01T12",
            "2027-01-01T12:00.5",
            "2027-01-01T12:00:00.",
            "2027-01-01T12:00:00+2",
            "2027-01-01T12:00:00UTC",
        ] {
            assert_eq!(parse_iso_8601(bad), None, "{bad}");
        }
    }

    #[test]
    fn offsets_are_hours_and_minutes_east() {
        assert_eq!(parse_offset("z"), Some(0));
        assert_eq!(parse_offset("+0130"), Some(5400));
        assert_eq!(parse_offset("-23:59"), Some(-86_340));
        for bad in ["+24", "+01:60", "+1:30", "+01:3", "01", "+0130Z", "ZZ"] {
            assert_eq!(parse_offset(bad), None, "{bad}");
        }
    }

    #[test]
    fn api_times_print_to_the_millisecond_also_before_the_epoch() {
        assert_eq!(format_api_time(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(format_api_time(leap), "2000-02-29T00:00:00.000Z");
        let before = UNIX_EPOCH - Duration::from_micros(1);
        assert_eq!(format_api_time(before), "1969-12-31T23:59:59.999Z");
        let text = format_api_time(UNIX_EPOCH + Duration::from_millis(1_779_893_077_854));
        assert_eq!(parse_iso_8601(&text), Some(1_779_893_077_854_000));
    }

    #[test]
    fn redshift_timestamps_print_in_years_one_to_9999() {
        let first = parse_timestamp("0001-01-01").unwrap_or_default();
        assert_eq!(
            format_timestamp(first).as_deref(),
            Some("0001-01-01 00:00:00")
        );
        assert_eq!(format_timestamp(first - 1), None);
        let last = parse_timestamp("9999-12-31 23:59:59.999999").unwrap_or_default();
        assert_eq!(
            format_timestamptz(last).as_deref(),
            Some("9999-12-31 23:59:59.999999+00")
        );
        assert_eq!(format_timestamp(last + 1), None);
        assert_eq!(
            format_timestamp(1_000_100).as_deref(),
            Some("1970-01-01 00:00:01.0001")
        );
    }
}
