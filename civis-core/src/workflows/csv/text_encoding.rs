//! Exports in another text encoding than UTF-8 (civis-python's `encoding` of `read_civis` and
//! `read_civis_sql`), decoded into UTF-8 as they stream, before the CSV is parsed.

use std::io::Read;

use encoding_rs::Encoding;
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::data::error::Error;

/// The encoding `label` names: a WHATWG label (`latin1`, `windows-1252`, `utf-16le`,
/// `shift_jis`, ...) or a Python codec name (`latin-1`, `latin_1`, `cp1252`, `utf_16_le`), any
/// case. An unknown label is a usage error.
pub(crate) fn encoding_for(label: &str) -> Result<&'static Encoding, Error> {
    let lower = label.trim().to_ascii_lowercase().replace('_', "-");
    let python = match lower.as_str() {
        "latin-1" | "iso-8859-1" | "l1" => "latin1",
        "utf-16-le" => "utf-16le",
        "utf-16-be" => "utf-16be",
        "utf8" | "utf-8-sig" => "utf-8",
        other => other,
    };
    let found = [label, lower.as_str(), python]
        .into_iter()
        .find_map(|candidate| Encoding::for_label(candidate.as_bytes()));
    found.ok_or_else(|| {
            Error::Usage(format!(
                "unknown text encoding {label:?}: use a WHATWG label or Python codec name such as \"utf-8\", \"latin-1\", \"windows-1252\" or \"utf-16\""
            ))
        })
}

/// `stream` as UTF-8: unchanged when it is UTF-8 already, else decoded from `encoding` (a
/// byte-order mark, when there is one, overrides it, as Python's `utf-16` reads one). Bytes
/// that are not valid in the encoding become U+FFFD.
pub(crate) fn to_utf8(
    stream: Box<dyn Read + Send>,
    encoding: &'static Encoding,
) -> Box<dyn Read + Send> {
    if encoding == encoding_rs::UTF_8 {
        return stream;
    }
    Box::new(
        DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding))
            .bom_override(true)
            .build(stream),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_and_whatwg_names_find_the_same_encodings() {
        for label in ["latin-1", "LATIN_1", "latin1", "iso-8859-1", "cp1252"] {
            assert_eq!(
                encoding_for(label).unwrap(),
                encoding_rs::WINDOWS_1252,
                "{label}"
            );
        }
        assert_eq!(encoding_for("utf_16_le").unwrap(), encoding_rs::UTF_16LE);
        assert_eq!(encoding_for("UTF8").unwrap(), encoding_rs::UTF_8);
        assert_eq!(encoding_for("shift_jis").unwrap(), encoding_rs::SHIFT_JIS);
        assert!(matches!(encoding_for("klingon"), Err(Error::Usage(_))));
    }

    #[test]
    fn latin_1_and_utf_16_bytes_read_as_utf_8() {
        let read = |bytes: Vec<u8>, label: &str| {
            let mut text = String::new();
            to_utf8(
                Box::new(std::io::Cursor::new(bytes)),
                encoding_for(label).unwrap(),
            )
            .read_to_string(&mut text)
            .unwrap();
            text
        };
        assert_eq!(
            read(b"caf\xe9,Z\xfcrich\n".to_vec(), "latin-1"),
            "café,Zürich\n"
        );
        let utf16: Vec<u8> = [0xfeff_u16]
            .into_iter()
            .chain("naïve,1\n".encode_utf16())
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(read(utf16, "utf-16"), "naïve,1\n");
    }
}
