//! The JSON-object form of the generated types, written once here for all of them.
//!
//! A serde derive expands, per struct, into a field enum, its key visitor, a map visitor with a
//! local per field, and a sequence visitor; over the spec's four hundred types that expansion
//! was most of the compile time of a crate invoking `civis_api!`. Generated types instead
//! implement [`DecodeFields`], one match arm per field, and their `Deserialize` and `Serialize`
//! impls call [`deserialize`] and [`FieldWriter`], which hold everything else.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A generated struct that decodes from a JSON object one field at a time.
///
/// Every field is an `Option`, so decoding starts from `Default` (all `None`) and a key that is
/// absent leaves its field `None`.
pub trait DecodeFields: Default {
    /// Decodes the value of `key` from `map` into its field; `Ok(false)` when no field has that
    /// key, and the value is then skipped by the caller.
    fn decode_field<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error>;
}

/// Decodes a `T` from a JSON object; `name` is the type's name for the error of a value that is
/// not an object. Unknown keys are skipped; a repeated key keeps its last value.
pub fn deserialize<'de, T: DecodeFields, D: Deserializer<'de>>(
    deserializer: D,
    name: &'static str,
) -> Result<T, D::Error> {
    deserializer.deserialize_struct(
        name,
        &[],
        ObjectVisitor {
            name,
            marker: PhantomData,
        },
    )
}

struct ObjectVisitor<T> {
    name: &'static str,
    marker: PhantomData<fn() -> T>,
}

impl<'de, T: DecodeFields> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a JSON object ({})", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut value = T::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if !value.decode_field(key.as_str(), &mut map)? {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(value)
    }
}

/// An object key, borrowed from the input where the deserializer allows (`from_slice`, which
/// every response goes through, lends keys without escapes), so that decoding a key allocates
/// nothing there.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(key))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(key.to_owned()))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(key))
    }
}

/// Writes a generated struct as a JSON object, leaving out the fields that are `None`.
pub struct FieldWriter<M> {
    map: M,
}

impl<M: SerializeMap> FieldWriter<M> {
    /// Starts the object.
    pub fn new<S: Serializer<SerializeMap = M>>(serializer: S) -> Result<Self, S::Error> {
        Ok(Self {
            map: serializer.serialize_map(None)?,
        })
    }

    /// Writes `key` with the field's value, or nothing when it is `None`.
    pub fn field<T: Serialize>(&mut self, key: &str, value: &Option<T>) -> Result<(), M::Error> {
        match value {
            Some(value) => self.map.serialize_entry(key, value),
            None => Ok(()),
        }
    }

    /// Ends the object.
    pub fn end(self) -> Result<M::Ok, M::Error> {
        self.map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the macro generates for a type with two fields, written out by hand.
    #[derive(Debug, Default, PartialEq)]
    struct Table {
        id: Option<i64>,
        row_count: Option<i64>,
    }

    impl DecodeFields for Table {
        fn decode_field<'de, A: MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "rowCount" => self.row_count = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }

    impl<'de> de::Deserialize<'de> for Table {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize(deserializer, "Table")
        }
    }

    impl Serialize for Table {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut writer = FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("row_count", &self.row_count)?;
            writer.end()
        }
    }

    #[test]
    fn decodes_known_keys_skips_unknown_and_leaves_absent_ones_none() {
        let table: Table =
            serde_json::from_str(r#"{"rowCount": 7, "extra": {"a": [1]}, "id": null}"#).unwrap();
        assert_eq!(
            table,
            Table {
                id: None,
                row_count: Some(7)
            }
        );
    }

    #[test]
    fn decodes_keys_the_input_cannot_lend() {
        // An escaped key is unescaped into a buffer, so it reaches `visit_str`; a reader
        // never lends.
        let escaped: Table = serde_json::from_str(r#"{"row\u0043ount": 3}"#).unwrap();
        assert_eq!(escaped.row_count, Some(3));
        let long_key = format!(r#"{{"{}": 1, "id": 2}}"#, "k".repeat(100));
        let from_reader: Table = serde_json::from_reader(long_key.as_bytes()).unwrap();
        assert_eq!(from_reader.id, Some(2));
    }

    #[test]
    fn a_value_that_is_not_an_object_names_the_type() {
        let err = serde_json::from_str::<Table>("[1, 2]").unwrap_err();
        assert!(err.to_string().contains("a JSON object (Table)"), "{err}");
        let err = serde_json::from_str::<Table>(r#"{"id": "seven"}"#).unwrap_err();
        assert!(err.to_string().contains("expected i64"), "{err}");
    }

    #[test]
    fn writes_snake_case_keys_and_leaves_out_none() {
        let table = Table {
            id: None,
            row_count: Some(7),
        };
        assert_eq!(serde_json::to_string(&table).unwrap(), r#"{"row_count":7}"#);
    }
}
