//! The fields of whole records, split in place: the forms an export writes (plain fields,
//! quoted fields with delimiters, line breaks and `""` inside) read without copying, one
//! comparison per byte outside quotes and `memchr` inside them.
//!
//! The csv crate's parser copies every byte through its state machine; on the decoders' chunks
//! that was the largest cost of an Arrow read (BENCHMARKS.md, issue 34). Anything this
//! splitter does not read exactly as the csv crate does (a carriage return, a quote inside an
//! unquoted field, text after a closing quote, an empty line, an unclosed quote) makes it stop
//! with [`Split::Unusual`] before the records are used, and the caller reads the chunk with the
//! csv crate instead: the two always agree on what a text holds (a test compares them on every
//! short text of the characters that matter).

use std::ops::Range;

/// How a text was split.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Split {
    /// Every record was handed to the callback.
    Done,
    /// The text has a form left to the csv crate; records may have been handed out before it
    /// was found, so the caller starts the text again with the csv crate.
    Unusual,
}

/// A record's fields, borrowed from the text (or, for a quoted field with `""`, from a buffer
/// holding it unescaped).
pub(crate) struct Record<'r> {
    text: &'r str,
    unescaped: &'r str,
    fields: &'r [Field],
}

#[derive(Debug, Clone)]
enum Field {
    InText(Range<usize>),
    Unescaped(Range<usize>),
}

impl<'r> Record<'r> {
    /// How many fields the record holds.
    pub(crate) fn len(&self) -> usize {
        self.fields.len()
    }

    /// The fields in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'r str> + '_ {
        self.fields.iter().map(|field| match field {
            Field::InText(range) => &self.text[range.clone()],
            Field::Unescaped(range) => &self.unescaped[range.clone()],
        })
    }
}

/// Bytes that end a run of plain field bytes: the delimiter, the line feed, and the two this
/// splitter leaves to the csv crate outside quotes (`"`, `\r`).
fn stops(delimiter: u8) -> [bool; 256] {
    let mut table = [false; 256];
    for byte in [delimiter, b'\n', b'"', b'\r'] {
        table[usize::from(byte)] = true;
    }
    table
}

/// Hands each record of `text` (whole records, as a chunk holds them, the last line break
/// optional) to `record`, or stops at the first form left to the csv crate. An error of
/// `record` ends the split.
pub(crate) fn split_records<E>(
    text: &str,
    delimiter: u8,
    mut record: impl FnMut(&Record<'_>) -> Result<(), E>,
) -> Result<Split, E> {
    if matches!(delimiter, b'"' | b'\n' | b'\r') || !delimiter.is_ascii() {
        return Ok(Split::Unusual);
    }
    let bytes = text.as_bytes();
    let stop = stops(delimiter);
    let mut fields: Vec<Field> = Vec::new();
    let mut unescaped = String::new();
    let mut at = 0;
    while at < bytes.len() {
        // The csv crate skips an empty line.
        if bytes[at] == b'\n' {
            return Ok(Split::Unusual);
        }
        fields.clear();
        unescaped.clear();
        loop {
            if bytes.get(at) == Some(&b'"') {
                let Some(end) = quoted(text, at + 1, &mut fields, &mut unescaped) else {
                    return Ok(Split::Unusual);
                };
                at = end;
            } else {
                let start = at;
                while at < bytes.len() && !stop[usize::from(bytes[at])] {
                    at += 1;
                }
                fields.push(Field::InText(start..at));
            }
            match bytes.get(at) {
                None => break,
                Some(b'\n') => {
                    at += 1;
                    break;
                }
                Some(&byte) if byte == delimiter => at += 1,
                // A quote or a carriage return in a plain field, or text after a closing quote.
                Some(_) => return Ok(Split::Unusual),
            }
        }
        record(&Record {
            text,
            unescaped: &unescaped,
            fields: &fields,
        })?;
    }
    Ok(Split::Done)
}

/// The quoted field whose text starts at `start` (after its opening quote) pushed to `fields`
/// (unescaped into `unescaped` when it holds `""`); where it ends after its closing quote, or
/// `None` when it is never closed.
fn quoted(
    text: &str,
    start: usize,
    fields: &mut Vec<Field>,
    unescaped: &mut String,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = start;
    let mut escaped = false;
    let kept = unescaped.len();
    loop {
        let quote = from + memchr::memchr(b'"', &bytes[from..])?;
        if bytes.get(quote + 1) == Some(&b'"') {
            // `""`: one quote kept, the field goes on.
            unescaped.push_str(&text[from..=quote]);
            escaped = true;
            from = quote + 2;
            continue;
        }
        if escaped {
            unescaped.push_str(&text[from..quote]);
            fields.push(Field::Unescaped(kept..unescaped.len()));
        } else {
            fields.push(Field::InText(start..quote));
        }
        return Some(quote + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records as the csv crate reads them (`None` when it fails), as the decoders read.
    fn csv_records(text: &str) -> Option<Vec<Vec<String>>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|record| record.ok().map(|r| r.iter().map(str::to_string).collect()))
            .collect()
    }

    fn split(text: &str) -> (Split, Vec<Vec<String>>) {
        let mut records = Vec::new();
        let split = split_records(text, b',', |record| {
            records.push(record.iter().map(str::to_string).collect::<Vec<_>>());
            Ok::<_, ()>(())
        })
        .expect("no error from the callback");
        (split, records)
    }

    #[test]
    fn an_exports_forms_split_without_the_csv_crate_as_it_reads_them() {
        let text =
            "id,name,note\n1,\"Customer 1, \"\"VIP\"\"\",\"multi\nline\"\n2,,\n3,é,\"\"\n4,last,x";
        let (outcome, records) = split(text);
        assert_eq!(outcome, Split::Done);
        assert_eq!(Some(records.clone()), csv_records(text));
        assert_eq!(records[1][1], "Customer 1, \"VIP\"");
        assert_eq!(records[1][2], "multi\nline");
        assert_eq!(records[2], ["2", "", ""]);
        assert_eq!(records[4], ["4", "last", "x"]);
    }

    #[test]
    fn forms_left_to_the_csv_crate_stop_the_split() {
        for text in [
            "a,b\r\nc,d\r\n",
            "a,b\"c\n",
            "\"a\"b,c\n",
            "a,b\n\nc,d\n",
            "a,\"b\n",
        ] {
            assert_eq!(split(text).0, Split::Unusual, "{text:?}");
        }
    }

    /// Every text of up to 7 characters of `a,"\n\ré`: where the splitter reads one, it reads
    /// what the csv crate reads.
    #[test]
    fn where_the_splitter_reads_a_text_it_agrees_with_the_csv_crate() {
        let texts = crate::data::every_text::every_text(&['a', ',', '"', '\n', '\r', 'é'], 7);
        let mut read = 0;
        for text in &texts {
            let (outcome, records) = split(text);
            if outcome == Split::Done {
                read += 1;
                assert_eq!(Some(records), csv_records(text), "{text:?}");
            }
        }
        // Most texts of these characters hold a form left to the csv crate; enough do not.
        assert!(
            read > 10_000,
            "only {read} of {} texts were split",
            texts.len()
        );
    }
}
