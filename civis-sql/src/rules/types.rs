//! Type names: [`Ty::parse`] reads every spelling Redshift and the Civis API give,
//! [`Ty::sql_name`] prints a type as Redshift does, [`Ty::sql_type`] maps it onto the run-time
//! [`SqlType`]; and the categories the conversion rules speak of.
//!
//! Names and aliases: "Data types", <https://docs.aws.amazon.com/redshift/latest/dg/c_Supported_data_types.html>.
//! Defaults: "Numeric types" (`numeric` is `numeric(18,0)`),
//! <https://docs.aws.amazon.com/redshift/latest/dg/r_Numeric_types201.html>; "Character types"
//! (`text` is `varchar(256)`, `bpchar` `char(256)`, `nvarchar` without a length
//! `varchar(256)`, `char` without a length `char(1)`),
//! <https://docs.aws.amazon.com/redshift/latest/dg/r_Character_types.html>.

use super::Ty;
use crate::SqlType;

/// Redshift's largest decimal precision ("Numeric types").
pub(crate) const MAX_PRECISION: u8 = 38;

/// The longest `varchar`, in bytes ("Character types").
pub(crate) const MAX_VARCHAR: u32 = 65_535;

/// The longest `char`, in bytes ("Character types").
const MAX_CHAR: u32 = 4_096;

/// The type categories of "Type compatibility and conversion": types of one category convert
/// implicitly into each other, types of different categories do not (set operations "don't
/// allow implicit conversion between different categories of data types").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Category {
    /// smallint, integer, bigint, numeric, real, double precision.
    Numeric,
    /// char, varchar.
    Text,
    /// date, timestamp, timestamptz.
    DateTime,
    /// time, timetz.
    Time,
    /// interval.
    Interval,
    /// boolean.
    Boolean,
    /// The untyped NULL, which converts into any type.
    Null,
    /// super, geometry, varbyte...: each its own.
    Other,
}

impl Ty {
    /// A type name as SQL writes it (`numeric(12,2)`, `character varying(256)`, `int8`,
    /// `timestamp without time zone`), as a pin's `sqlType` or a cast's target gives it.
    /// `None` for text that is no type name.
    ///
    /// ```
    /// use civis_sql::rules::Ty;
    /// assert_eq!(Ty::parse("NUMERIC(12, 2)"), Some(Ty::Numeric { precision: 12, scale: 2 }));
    /// assert_eq!(Ty::parse("text"), Some(Ty::Varchar(Some(256))));
    /// assert_eq!(Ty::parse("timestamp with time zone"), Some(Ty::TimestampTz));
    /// assert_eq!(Ty::parse("no such type"), None);
    /// ```
    pub fn parse(type_name: &str) -> Option<Ty> {
        let lower = type_name.trim().to_ascii_lowercase();
        let (name, params) = match lower.split_once('(') {
            Some((name, rest)) => {
                let (inside, after) = rest.split_once(')')?;
                // `timestamp(6) with time zone`: the words after the parameters still count.
                let name = format!("{} {}", name.trim(), after.trim());
                (name, Some(inside.trim().to_string()))
            }
            None => (lower.clone(), None),
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        let params = params.as_deref();
        let ty = match words.as_slice() {
            ["smallint"] | ["int2"] => no_params(params, Ty::SmallInt)?,
            ["integer"] | ["int"] | ["int4"] => no_params(params, Ty::Integer)?,
            ["bigint"] | ["int8"] => no_params(params, Ty::BigInt)?,
            ["numeric"] | ["decimal"] => numeric(params)?,
            ["real"] | ["float4"] => no_params(params, Ty::Real)?,
            ["double", "precision"] | ["float8"] => no_params(params, Ty::Double)?,
            // `float(p)`: as in PostgreSQL, up to 24 binary digits is a real.
            ["float"] => match params {
                None => Ty::Double,
                Some(p) => match p.parse::<u8>().ok()? {
                    1..=24 => Ty::Real,
                    25..=53 => Ty::Double,
                    _ => return None,
                },
            },
            ["boolean"] | ["bool"] => no_params(params, Ty::Boolean)?,
            ["char"] | ["character"] | ["nchar"] => Ty::Char(Some(length(params, 1, MAX_CHAR)?)),
            ["bpchar"] => Ty::Char(Some(length(params, 256, MAX_CHAR)?)),
            ["varchar"] | ["character", "varying"] => match params {
                None => Ty::Varchar(None),
                Some(_) => Ty::Varchar(Some(length(params, 256, MAX_VARCHAR)?)),
            },
            ["nvarchar"] => Ty::Varchar(Some(length(params, 256, MAX_VARCHAR)?)),
            ["text"] => no_params(params, Ty::Varchar(Some(256)))?,
            ["date"] => no_params(params, Ty::Date)?,
            ["time"] | ["time", "without", "time", "zone"] => Ty::Time,
            ["timetz"] | ["time", "with", "time", "zone"] => Ty::TimeTz,
            ["timestamp"] | ["timestamp", "without", "time", "zone"] => Ty::Timestamp,
            ["timestamptz"] | ["timestamp", "with", "time", "zone"] => Ty::TimestampTz,
            ["interval", ..] => Ty::Interval,
            ["super"] => Ty::Other("super".into()),
            ["geometry"] => Ty::Other("geometry".into()),
            ["geography"] => Ty::Other("geography".into()),
            ["hllsketch"] => Ty::Other("hllsketch".into()),
            ["varbyte"] | ["varbinary"] | ["binary", "varying"] => Ty::Other("varbyte".into()),
            _ => return None,
        };
        Some(ty)
    }

    /// The run-time type this becomes: the table of [`SqlType`]; text for characters, times,
    /// intervals, the untyped NULL and the other types.
    pub fn sql_type(&self) -> SqlType {
        match self {
            Ty::SmallInt => SqlType::SmallInt,
            Ty::Integer => SqlType::Integer,
            Ty::BigInt => SqlType::BigInt,
            Ty::Numeric { precision, scale } => SqlType::Numeric {
                precision: *precision,
                scale: *scale,
            },
            Ty::Real => SqlType::Real,
            Ty::Double => SqlType::Double,
            Ty::Boolean => SqlType::Boolean,
            Ty::Date => SqlType::Date,
            Ty::Timestamp => SqlType::Timestamp,
            Ty::TimestampTz => SqlType::TimestampTz,
            Ty::Char(_)
            | Ty::Varchar(_)
            | Ty::Time
            | Ty::TimeTz
            | Ty::Interval
            | Ty::Null
            | Ty::Other(_) => SqlType::Text,
        }
    }

    /// Its SQL name, as Redshift prints it (`numeric(12,2)`, `character varying(256)`).
    pub fn sql_name(&self) -> String {
        match self {
            Ty::SmallInt => "smallint".into(),
            Ty::Integer => "integer".into(),
            Ty::BigInt => "bigint".into(),
            Ty::Numeric { precision, scale } => format!("numeric({precision},{scale})"),
            Ty::Real => "real".into(),
            Ty::Double => "double precision".into(),
            Ty::Boolean => "boolean".into(),
            Ty::Char(Some(n)) => format!("character({n})"),
            Ty::Char(None) => "character".into(),
            Ty::Varchar(Some(n)) => format!("character varying({n})"),
            Ty::Varchar(None) => "character varying".into(),
            Ty::Date => "date".into(),
            Ty::Time => "time without time zone".into(),
            Ty::TimeTz => "time with time zone".into(),
            Ty::Timestamp => "timestamp without time zone".into(),
            Ty::TimestampTz => "timestamp with time zone".into(),
            Ty::Interval => "interval".into(),
            Ty::Null => "unknown".into(),
            Ty::Other(name) => name.clone(),
        }
    }

    /// Its category in "Type compatibility and conversion".
    pub(crate) fn category(&self) -> Category {
        match self {
            Ty::SmallInt
            | Ty::Integer
            | Ty::BigInt
            | Ty::Numeric { .. }
            | Ty::Real
            | Ty::Double => Category::Numeric,
            Ty::Char(_) | Ty::Varchar(_) => Category::Text,
            Ty::Date | Ty::Timestamp | Ty::TimestampTz => Category::DateTime,
            Ty::Time | Ty::TimeTz => Category::Time,
            Ty::Interval => Category::Interval,
            Ty::Boolean => Category::Boolean,
            Ty::Null => Category::Null,
            Ty::Other(_) => Category::Other,
        }
    }

    /// `smallint`, `integer` or `bigint`.
    pub(crate) fn is_integer(&self) -> bool {
        matches!(self, Ty::SmallInt | Ty::Integer | Ty::BigInt)
    }

    /// `real` or `double precision`.
    pub(crate) fn is_float(&self) -> bool {
        matches!(self, Ty::Real | Ty::Double)
    }

    /// Any number.
    pub(crate) fn is_number(&self) -> bool {
        self.category() == Category::Numeric
    }

    /// `char` or `varchar`.
    pub(crate) fn is_text(&self) -> bool {
        self.category() == Category::Text
    }

    /// A text type's length, when known.
    pub(crate) fn text_length(&self) -> Option<u32> {
        match self {
            Ty::Char(n) | Ty::Varchar(n) => *n,
            _ => None,
        }
    }
}

/// `ty`, when the name has no parameters.
fn no_params(params: Option<&str>, ty: Ty) -> Option<Ty> {
    params.is_none().then_some(ty)
}

/// `numeric[(p[,s])]`: precision 1 to 38 (default 18), scale 0 to the precision (default 0).
fn numeric(params: Option<&str>) -> Option<Ty> {
    let (precision, scale) = match params {
        None => (18, 0),
        Some(p) => {
            let mut parts = p.split(',').map(str::trim);
            let precision = parts.next()?.parse::<u8>().ok()?;
            let scale = match parts.next() {
                Some(s) => s.parse::<u8>().ok()?,
                None => 0,
            };
            if parts.next().is_some() {
                return None;
            }
            (precision, scale)
        }
    };
    ((1..=MAX_PRECISION).contains(&precision) && scale <= precision)
        .then_some(Ty::Numeric { precision, scale })
}

/// A text length: `default` without parameters, `max` the largest.
fn length(params: Option<&str>, default: u32, max: u32) -> Option<u32> {
    match params {
        None => Some(default),
        Some("max") => Some(max),
        Some(p) => p.parse::<u32>().ok().filter(|n| (1..=max).contains(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_redshift_and_the_api_parses() {
        let num = |precision, scale| Ty::Numeric { precision, scale };
        let cases = [
            ("integer", Ty::Integer),
            ("INT", Ty::Integer),
            ("int4", Ty::Integer),
            ("int2", Ty::SmallInt),
            ("smallint", Ty::SmallInt),
            ("int8", Ty::BigInt),
            ("BigInt", Ty::BigInt),
            ("numeric(12,2)", num(12, 2)),
            ("numeric( 12 , 2 )", num(12, 2)),
            ("decimal", num(18, 0)),
            ("numeric", num(18, 0)),
            ("decimal(5)", num(5, 0)),
            ("real", Ty::Real),
            ("float4", Ty::Real),
            ("float8", Ty::Double),
            ("float", Ty::Double),
            ("float(10)", Ty::Real),
            ("double precision", Ty::Double),
            ("DOUBLE  PRECISION", Ty::Double),
            ("boolean", Ty::Boolean),
            ("bool", Ty::Boolean),
            ("char(10)", Ty::Char(Some(10))),
            ("character(10)", Ty::Char(Some(10))),
            ("char", Ty::Char(Some(1))),
            ("nchar(3)", Ty::Char(Some(3))),
            ("bpchar", Ty::Char(Some(256))),
            ("varchar(256)", Ty::Varchar(Some(256))),
            ("varchar(max)", Ty::Varchar(Some(65_535))),
            ("character varying(256)", Ty::Varchar(Some(256))),
            ("character varying", Ty::Varchar(None)),
            ("varchar", Ty::Varchar(None)),
            ("text", Ty::Varchar(Some(256))),
            ("nvarchar", Ty::Varchar(Some(256))),
            ("nvarchar(20)", Ty::Varchar(Some(20))),
            ("date", Ty::Date),
            ("time", Ty::Time),
            ("time without time zone", Ty::Time),
            ("timetz", Ty::TimeTz),
            ("time with time zone", Ty::TimeTz),
            ("timestamp", Ty::Timestamp),
            ("timestamp without time zone", Ty::Timestamp),
            ("timestamptz", Ty::TimestampTz),
            ("timestamp with time zone", Ty::TimestampTz),
            ("TIMESTAMP(6) WITH TIME ZONE", Ty::TimestampTz),
            ("interval", Ty::Interval),
            ("interval day to second", Ty::Interval),
            ("super", Ty::Other("super".into())),
            ("geometry", Ty::Other("geometry".into())),
            ("geography", Ty::Other("geography".into())),
            ("HLLSKETCH", Ty::Other("hllsketch".into())),
            ("varbyte", Ty::Other("varbyte".into())),
            ("varbyte(64000)", Ty::Other("varbyte".into())),
        ];
        for (name, expected) in cases {
            assert_eq!(Ty::parse(name), Some(expected), "{name}");
        }
    }

    #[test]
    fn what_is_no_type_or_out_of_range_is_none() {
        for name in [
            "",
            "integr",
            "numeric(39,2)",
            "numeric(5,6)",
            "numeric(0)",
            "numeric(a,b)",
            "numeric(1,2,3)",
            "varchar(0)",
            "varchar(70000)",
            "char(5000)",
            "int(4)",
            "numeric(12,2",
            "float(60)",
        ] {
            assert_eq!(Ty::parse(name), None, "{name}");
        }
    }

    #[test]
    fn names_print_as_redshift_prints_them_and_parse_back() {
        let cases = [
            (
                Ty::Numeric {
                    precision: 12,
                    scale: 2,
                },
                "numeric(12,2)",
            ),
            (Ty::Varchar(Some(256)), "character varying(256)"),
            (Ty::Varchar(None), "character varying"),
            (Ty::Char(Some(3)), "character(3)"),
            (Ty::Integer, "integer"),
            (Ty::SmallInt, "smallint"),
            (Ty::BigInt, "bigint"),
            (Ty::Real, "real"),
            (Ty::Double, "double precision"),
            (Ty::Boolean, "boolean"),
            (Ty::Date, "date"),
            (Ty::Time, "time without time zone"),
            (Ty::TimeTz, "time with time zone"),
            (Ty::Timestamp, "timestamp without time zone"),
            (Ty::TimestampTz, "timestamp with time zone"),
            (Ty::Interval, "interval"),
            (Ty::Other("super".into()), "super"),
        ];
        for (ty, name) in cases {
            assert_eq!(ty.sql_name(), name);
            assert_eq!(Ty::parse(name), Some(ty), "{name}");
        }
        assert_eq!(Ty::Null.sql_name(), "unknown");
    }

    #[test]
    fn sql_types_follow_civis_cores_table() {
        assert_eq!(Ty::SmallInt.sql_type(), SqlType::SmallInt);
        assert_eq!(Ty::Integer.sql_type(), SqlType::Integer);
        assert_eq!(Ty::BigInt.sql_type(), SqlType::BigInt);
        assert_eq!(
            Ty::Numeric {
                precision: 12,
                scale: 2
            }
            .sql_type(),
            SqlType::Numeric {
                precision: 12,
                scale: 2
            }
        );
        assert_eq!(Ty::Real.sql_type(), SqlType::Real);
        assert_eq!(Ty::Double.sql_type(), SqlType::Double);
        assert_eq!(Ty::Boolean.sql_type(), SqlType::Boolean);
        assert_eq!(Ty::Date.sql_type(), SqlType::Date);
        assert_eq!(Ty::Timestamp.sql_type(), SqlType::Timestamp);
        assert_eq!(Ty::TimestampTz.sql_type(), SqlType::TimestampTz);
        for text in [
            Ty::Varchar(Some(3)),
            Ty::Char(None),
            Ty::Time,
            Ty::TimeTz,
            Ty::Interval,
            Ty::Null,
            Ty::Other("super".into()),
        ] {
            assert_eq!(text.sql_type(), SqlType::Text, "{text:?}");
        }
        // The name civis-core reads back gives the same run-time type.
        for ty in [
            Ty::Numeric {
                precision: 38,
                scale: 10,
            },
            Ty::Timestamp,
            Ty::TimestampTz,
            Ty::Double,
            Ty::Varchar(Some(12)),
        ] {
            assert_eq!(SqlType::parse(&ty.sql_name()), ty.sql_type(), "{ty:?}");
        }
    }
}
