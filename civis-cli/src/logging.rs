//! What the program logs on stderr: civis-python's `CIVIS_LOG_LEVEL` (`DEBUG`, `INFO`,
//! `WARNING`, `ERROR`, `CRITICAL`, or a number as Python's levels), warnings by default, as
//! Python shows them without configuration. Lines read `LEVEL:target:message`, as Python's
//! `logging.basicConfig` writes them.
//!
//! The HTTP library's own debug and trace records (targets `ureq`, `ureq_proto`) are never
//! written, whatever the level: its trace dumps each request's bytes, the `Authorization`
//! header with the API key among them. The program logs no request's headers at any level.

use log::{Level, LevelFilter, Log, Metadata, Record};

struct Stderr;

impl Log for Stderr {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= log::max_level() && !is_wire_dump(metadata)
    }

    fn log(&self, record: &Record<'_>) {
        if self.enabled(record.metadata()) {
            let level = match record.level() {
                Level::Error => "ERROR",
                Level::Warn => "WARNING",
                Level::Info => "INFO",
                Level::Debug => "DEBUG",
                Level::Trace => "TRACE",
            };
            eprintln!("{level}:{}:{}", record.target(), record.args());
        }
    }

    fn flush(&self) {}
}

/// Whether `metadata` is of a debug or trace record of the HTTP library, which can hold a
/// request's headers (its trace is a dump of the bytes sent).
fn is_wire_dump(metadata: &Metadata<'_>) -> bool {
    let target = metadata.target();
    let http_library = target == "ureq"
        || target == "ureq_proto"
        || target.starts_with("ureq::")
        || target.starts_with("ureq_proto::");
    http_library && metadata.level() >= Level::Debug
}

static LOGGER: Stderr = Stderr;

/// Installs the logger at the level `CIVIS_LOG_LEVEL` names (an unknown name: warnings, with a
/// note).
pub fn init() {
    let given = std::env::var("CIVIS_LOG_LEVEL").unwrap_or_default();
    let level = match level(&given) {
        Some(level) => level,
        None => {
            eprintln!(
                "civis: CIVIS_LOG_LEVEL={given:?} is not a level (DEBUG, INFO, WARNING, ERROR, CRITICAL); logging warnings"
            );
            LevelFilter::Warn
        }
    };
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(level);
    }
}

/// The filter of a Python level name or number; empty is the default, warnings.
fn level(name: &str) -> Option<LevelFilter> {
    let name = name.trim();
    if let Ok(number) = name.parse::<u32>() {
        return Some(match number {
            0..=9 => LevelFilter::Trace,
            10..=19 => LevelFilter::Debug,
            20..=29 => LevelFilter::Info,
            30..=39 => LevelFilter::Warn,
            40..=49 => LevelFilter::Error,
            _ => LevelFilter::Off,
        });
    }
    Some(match name.to_ascii_uppercase().as_str() {
        "" | "WARNING" | "WARN" => LevelFilter::Warn,
        "DEBUG" => LevelFilter::Debug,
        "INFO" => LevelFilter::Info,
        "ERROR" => LevelFilter::Error,
        "CRITICAL" | "FATAL" => LevelFilter::Error,
        "NOTSET" => LevelFilter::Trace,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_level_names_and_numbers() {
        assert_eq!(level(""), Some(LevelFilter::Warn));
        assert_eq!(level("debug"), Some(LevelFilter::Debug));
        assert_eq!(level("INFO"), Some(LevelFilter::Info));
        assert_eq!(level("40"), Some(LevelFilter::Error));
        assert_eq!(level("loud"), None);
    }

    #[test]
    fn the_http_librarys_debug_and_trace_are_never_written() {
        let at = |target: &str, level: Level| {
            is_wire_dump(&Metadata::builder().target(target).level(level).build())
        };
        assert!(at("ureq_proto::util", Level::Trace));
        assert!(at("ureq::unversioned::transport::tcp", Level::Debug));
        assert!(!at("ureq", Level::Warn));
        assert!(!at("civis_core::transport::retry", Level::Trace));
        assert!(!at("ureqish", Level::Trace));
    }
}
