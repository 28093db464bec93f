//! Decoding that forgives the API's known departures from its own spec, for every generated
//! type at once (no per-field attributes, so no generated code):
//!
//! - a number, boolean, object or list where the spec says string reads as its JSON text
//!   (`fileId: 87` into a string field, a JSON value's `value` documented as a string);
//! - a whole float where the spec says integer reads as that integer (`90.0`);
//! - a numeric string where the spec says integer reads as the number;
//! - a single object where the spec says list reads as a list of one (`GET /search`).
//!
//! [`Lenient`] wraps any serde `Deserializer` and passes the rules down to every nested value.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// A deserializer that applies the rules above to everything it decodes.
pub struct Lenient<D>(pub D);

macro_rules! forward_wrapped {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(Wrap(visitor))
        }
    )*};
}

macro_rules! as_integer {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.deserialize_any(AsInteger(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Lenient<D> {
    type Error = D::Error;

    forward_wrapped!(
        deserialize_any,
        deserialize_bool,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_map
    );
    as_integer!(
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128
    );

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(AsString(visitor))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(AsString(visitor))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(AsSeq(visitor))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_unit_struct(name, Wrap(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_newtype_struct(name, Wrap(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, Wrap(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_struct(name, fields, Wrap(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_identifier(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_ignored_any(visitor)
    }
}

/// `visit_unit` passed on, and list items passed through [`Lenient`]: what every visitor here
/// does with them unless it reads lists differently.
macro_rules! unit_and_seq_through_lenient {
    ($de:lifetime) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.0.visit_unit()
        }

        fn visit_seq<A: SeqAccess<$de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            self.0.visit_seq(LenientSeq(seq))
        }
    };
}

/// Passes nested values (option contents, list items, map values) through [`Lenient`].
struct Wrap<V>(V);

macro_rules! forward_visits {
    ($($method:ident($ty:ty)),*) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
            self.0.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    forward_visits!(
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_i128(i128),
        visit_u128(u128),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>)
    );

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(Lenient(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(Lenient(deserializer))
    }

    unit_and_seq_through_lenient!('de);

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(LenientMap(map))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(data)
    }
}

struct LenientSeed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for LenientSeed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(Lenient(deserializer))
    }
}

struct LenientSeq<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for LenientSeq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(LenientSeed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

struct LenientMap<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for LenientMap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(seed)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(LenientSeed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A string wanted: scalars become their text, objects and lists their JSON text.
struct AsString<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for AsString<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    forward_visits!(
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String)
    );

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        self.0.visit_string(value.to_string())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        self.0.visit_string(value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        self.0.visit_string(value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        self.0.visit_string(Value::from(value).to_string())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let json: Value =
            serde::Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        self.0.visit_string(json.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let json: Value =
            serde::Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))?;
        self.0.visit_string(json.to_string())
    }
}

/// An integer wanted: whole floats and numeric strings become the integer.
struct AsInteger<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for AsInteger<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    forward_visits!(
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_i128(i128),
        visit_u128(u128)
    );

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        // i64::MAX as f64 rounds up to 2^63, so the upper bound is exclusive.
        if value.fract() == 0.0 && value >= i64::MIN as f64 && value < i64::MAX as f64 {
            self.0.visit_i64(value as i64)
        } else {
            self.0.visit_f64(value)
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        match value.trim().parse::<i64>() {
            Ok(number) => self.0.visit_i64(number),
            Err(_) => self.0.visit_str(value),
        }
    }

    unit_and_seq_through_lenient!('de);

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(LenientMap(map))
    }
}

/// A list wanted: a single object reads as a list holding it.
struct AsSeq<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for AsSeq<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    forward_visits!(
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_f64(f64),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String)
    );

    unit_and_seq_through_lenient!('de);

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(OneItem(Some(map)))
    }
}

/// A list of the one object that `map` reads.
struct OneItem<A>(Option<A>);

impl<'de, A: MapAccess<'de>> SeqAccess<'de> for OneItem<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        match self.0.take() {
            Some(map) => seed
                .deserialize(Lenient(de::value::MapAccessDeserializer::new(map)))
                .map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(usize::from(self.0.is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Item {
        file_id: Option<String>,
        max_disk: Option<i64>,
        rows: Option<Vec<Vec<String>>>,
        value: Option<String>,
        children: Option<Vec<Item>>,
        extra: Option<Value>,
    }

    fn lenient<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, serde_json::Error> {
        T::deserialize(Lenient(&mut serde_json::Deserializer::from_str(json)))
    }

    #[test]
    fn departures_from_the_spec_decode() {
        let item: Item = lenient(
            r#"{"fileId": 87, "maxDisk": 90.0, "rows": [[1, true, "x"]], "value": {"a": [1]},
                "children": {"fileId": "5", "maxDisk": "12"}, "extra": {"keep": 1.5}}"#,
        )
        .unwrap();
        assert_eq!(item.file_id.as_deref(), Some("87"));
        assert_eq!(item.max_disk, Some(90));
        assert_eq!(
            item.rows,
            Some(vec![vec!["1".to_string(), "true".into(), "x".into()]])
        );
        assert_eq!(item.value.as_deref(), Some(r#"{"a":[1]}"#));
        let child = &item.children.as_ref().unwrap()[0];
        assert_eq!(
            (child.file_id.as_deref(), child.max_disk),
            (Some("5"), Some(12))
        );
        assert_eq!(item.extra, Some(serde_json::json!({"keep": 1.5})));
    }

    #[test]
    fn real_mismatches_still_fail() {
        assert!(lenient::<Item>(r#"{"maxDisk": 90.5}"#).is_err());
        assert!(lenient::<Item>(r#"{"maxDisk": "ninety"}"#).is_err());
        assert!(lenient::<Item>(r#"{"children": 3}"#).is_err());
    }
}
