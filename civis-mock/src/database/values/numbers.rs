//! Integers, fixed-point numerics and floating-point numbers. Numerics are done in integer
//! arithmetic: an f64 would round `0.125` at two places, or a 38-digit value, wrongly.

/// An integer type's width, as Redshift's load errors name it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Width {
    Short,
    Integer,
    Long,
}

impl Width {
    fn range(self) -> (i128, i128) {
        match self {
            Self::Short => (i16::MIN.into(), i16::MAX.into()),
            Self::Integer => (i32::MIN.into(), i32::MAX.into()),
            Self::Long => (i64::MIN.into(), i64::MAX.into()),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Short => "Short",
            Self::Integer => "Integer",
            Self::Long => "Long",
        }
    }
}

fn invalid_digit(text: &str, pos: usize, type_name: &str) -> String {
    format!("Invalid digit, Value '{text}', Pos {pos}, Type: {type_name}")
}

/// A number's parts: negative, integer digits, fraction digits (`None`: no point).
struct Parts<'a> {
    negative: bool,
    integer: &'a str,
    fraction: Option<&'a str>,
}

/// `text` (spaces around it allowed) as `[+-]digits[.digits]`, or the position (in `text`) of
/// the first character that does not belong.
fn split_number(text: &str, point: bool) -> Result<Parts<'_>, usize> {
    let lead = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    let (negative, unsigned, sign) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..], 1),
        Some(b'+') => (false, &trimmed[1..], 1),
        _ => (false, trimmed, 0),
    };
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((i, f)) if point => (i, Some(f)),
        _ => (unsigned, None),
    };
    let start = lead + sign;
    if let Some(bad) = integer.bytes().position(|b| !b.is_ascii_digit()) {
        return Err(start + bad);
    }
    if let Some(fraction) = fraction {
        if let Some(bad) = fraction.bytes().position(|b| !b.is_ascii_digit()) {
            return Err(start + integer.len() + 1 + bad);
        }
    }
    if integer.is_empty() && fraction.is_none_or(str::is_empty) {
        return Err(start);
    }
    Ok(Parts {
        negative,
        integer,
        fraction,
    })
}

/// `SMALLINT`, `INTEGER` and `BIGINT`: the integer, range-checked.
pub(super) fn integer(text: &str, width: Width) -> Result<String, String> {
    let parts = split_number(text, false).map_err(|pos| invalid_digit(text, pos, width.name()))?;
    let overflow = || format!("Overflow, Value '{text}', Type: {}", width.name());
    let digits = parts.integer.trim_start_matches('0');
    // Past 20 digits no width fits, and i128 parsing could itself overflow.
    if digits.len() > 20 {
        return Err(overflow());
    }
    let magnitude: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| overflow())?
    };
    let value = if parts.negative {
        -magnitude
    } else {
        magnitude
    };
    let (min, max) = width.range();
    if value < min || value > max {
        return Err(overflow());
    }
    Ok(value.to_string())
}

/// `NUMERIC(precision, scale)`: exactly `scale` places, rounded half away from zero.
pub(super) fn numeric(text: &str, precision: u32, scale: u32) -> Result<String, String> {
    let type_name = format!("Decimal({precision},{scale})");
    let parts = split_number(text, true).map_err(|pos| invalid_digit(text, pos, &type_name))?;
    let overflow =
        || format!("Numeric data overflow (result precision), Value '{text}', Type: {type_name}");
    let integer = parts.integer.trim_start_matches('0');
    if integer.len() > (precision - scale) as usize {
        return Err(overflow());
    }
    let fraction = parts.fraction.unwrap_or_default().as_bytes();
    let scale = scale as usize;
    let mut magnitude: i128 = 0;
    // At most 38 digits in all, which fits: i128 reaches past 10^38.
    let kept = integer
        .bytes()
        .chain((0..scale).map(|i| fraction.get(i).copied().unwrap_or(b'0')));
    for digit in kept {
        magnitude = magnitude * 10 + i128::from(digit - b'0');
    }
    if fraction.get(scale).is_some_and(|d| *d >= b'5') {
        magnitude += 1;
    }
    if magnitude >= 10_i128.pow(precision) {
        return Err(overflow());
    }
    let unit = 10_i128.pow(scale as u32);
    let sign = if parts.negative && magnitude != 0 {
        "-"
    } else {
        ""
    };
    let whole = magnitude / unit;
    if scale == 0 {
        return Ok(format!("{sign}{whole}"));
    }
    Ok(format!(
        "{sign}{whole}.{:0width$}",
        magnitude % unit,
        width = scale
    ))
}

/// The spellings of the special values, as Redshift prints them.
fn special(text: &str) -> Option<&'static str> {
    match text.to_ascii_lowercase().as_str() {
        "nan" | "+nan" | "-nan" => Some("NaN"),
        "inf" | "+inf" | "infinity" | "+infinity" => Some("Infinity"),
        "-inf" | "-infinity" => Some("-Infinity"),
        _ => None,
    }
}

/// `DOUBLE PRECISION`: Rust's shortest text that reads back as the same f64.
pub(super) fn double(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if let Some(special) = special(trimmed) {
        return Ok(special.into());
    }
    let value: f64 = trimmed
        .parse()
        .map_err(|_| invalid_digit(text, first_odd(text), "Double"))?;
    if !value.is_finite() {
        return Err(format!("Overflow, Value '{text}', Type: Double"));
    }
    Ok(value.to_string())
}

/// `REAL`: as [`double`], for an f32.
pub(super) fn real(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if let Some(special) = special(trimmed) {
        return Ok(special.into());
    }
    let value: f32 = trimmed
        .parse()
        .map_err(|_| invalid_digit(text, first_odd(text), "Float"))?;
    if !value.is_finite() {
        return Err(format!("Overflow, Value '{text}', Type: Float"));
    }
    Ok(value.to_string())
}

/// Where a float's text first holds something no float has, for the error's `Pos`.
fn first_odd(text: &str) -> usize {
    text.bytes()
        .position(|b| !(b.is_ascii_digit() || b" +-.eE".contains(&b)))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_signed_digits_in_range() {
        assert_eq!(integer("42", Width::Integer).unwrap(), "42");
        assert_eq!(integer(" -007 ", Width::Integer).unwrap(), "-7");
        assert_eq!(integer("+0", Width::Short).unwrap(), "0");
        assert_eq!(integer("-0", Width::Short).unwrap(), "0");
        assert_eq!(integer("32767", Width::Short).unwrap(), "32767");
        assert_eq!(integer("-32768", Width::Short).unwrap(), "-32768");
        assert_eq!(
            integer("-9223372036854775808", Width::Long).unwrap(),
            "-9223372036854775808"
        );
        assert_eq!(
            integer("000000000000000000000000001", Width::Long).unwrap(),
            "1"
        );
    }

    #[test]
    fn integers_out_of_range_or_not_digits_fail() {
        assert_eq!(
            integer("32768", Width::Short).unwrap_err(),
            "Overflow, Value '32768', Type: Short"
        );
        assert!(integer("2147483648", Width::Integer).is_err());
        assert!(integer("9223372036854775808", Width::Long).is_err());
        assert!(integer(&"9".repeat(40), Width::Long).is_err());
        assert_eq!(
            integer("x", Width::Integer).unwrap_err(),
            "Invalid digit, Value 'x', Pos 0, Type: Integer"
        );
        assert_eq!(
            integer("12a", Width::Long).unwrap_err(),
            "Invalid digit, Value '12a', Pos 2, Type: Long"
        );
        assert!(integer("1.0", Width::Integer).is_err());
        assert!(integer("", Width::Integer).is_err());
        assert!(integer("-", Width::Integer).is_err());
        assert!(integer("1 2", Width::Integer).is_err());
    }

    #[test]
    fn numerics_print_exactly_scale_places_rounding_half_away_from_zero() {
        assert_eq!(numeric("1.5", 10, 2).unwrap(), "1.50");
        assert_eq!(numeric("0.125", 10, 2).unwrap(), "0.13");
        assert_eq!(numeric("-0.125", 10, 2).unwrap(), "-0.13");
        assert_eq!(numeric("0.124", 10, 2).unwrap(), "0.12");
        assert_eq!(numeric("-0.001", 10, 2).unwrap(), "0.00");
        assert_eq!(numeric(" 42 ", 10, 2).unwrap(), "42.00");
        assert_eq!(numeric(".5", 10, 0).unwrap(), "1");
        assert_eq!(numeric("2.", 10, 1).unwrap(), "2.0");
        assert_eq!(numeric("007.10", 5, 3).unwrap(), "7.100");
        assert_eq!(
            numeric("123456789012345678", 18, 0).unwrap(),
            "123456789012345678"
        );
        let widest = "9".repeat(38);
        assert_eq!(numeric(&widest, 38, 0).unwrap(), widest);
        assert_eq!(
            numeric("0.12345678901234567890123456789012345678", 38, 38).unwrap(),
            "0.12345678901234567890123456789012345678"
        );
    }

    #[test]
    fn numerics_with_too_many_integer_digits_or_odd_characters_fail() {
        assert_eq!(
            numeric("1234.5", 5, 2).unwrap_err(),
            "Numeric data overflow (result precision), Value '1234.5', Type: Decimal(5,2)"
        );
        // Rounding up can carry into one digit too many.
        assert!(numeric("999.995", 5, 2).is_err());
        assert_eq!(numeric("999.994", 5, 2).unwrap(), "999.99");
        assert_eq!(
            numeric("1.2.3", 10, 2).unwrap_err(),
            "Invalid digit, Value '1.2.3', Pos 3, Type: Decimal(10,2)"
        );
        assert!(numeric("1e5", 10, 2).is_err());
        assert!(numeric(".", 10, 2).is_err());
        assert!(numeric("abc", 10, 2).is_err());
    }

    #[test]
    fn floats_print_the_shortest_round_trip_text() {
        assert_eq!(double("1.5").unwrap(), "1.5");
        assert_eq!(double("0.1").unwrap(), "0.1");
        assert_eq!(double("100.000").unwrap(), "100");
        assert_eq!(double(" 1e3 ").unwrap(), "1000");
        assert_eq!(double("-2.50").unwrap(), "-2.5");
        assert_eq!(double("nan").unwrap(), "NaN");
        assert_eq!(double("Infinity").unwrap(), "Infinity");
        assert_eq!(double("-inf").unwrap(), "-Infinity");
        assert_eq!(real("0.1").unwrap(), "0.1");
        assert_eq!(real("16777217").unwrap(), "16777216");
        assert_eq!(real("-Infinity").unwrap(), "-Infinity");
    }

    #[test]
    fn floats_that_are_not_numbers_or_too_large_fail() {
        assert_eq!(
            double("12x").unwrap_err(),
            "Invalid digit, Value '12x', Pos 2, Type: Double"
        );
        assert!(double("").is_err());
        assert!(double("1e400").unwrap_err().starts_with("Overflow"));
        assert!(real("1e40").unwrap_err().starts_with("Overflow"));
        assert!(real("one").is_err());
    }
}
