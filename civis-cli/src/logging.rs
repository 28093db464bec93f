//! What the program logs on stderr: civis-python's `CIVIS_LOG_LEVEL` (`DEBUG`, `INFO`,
//! `WARNING`, `ERROR`, `CRITICAL`, or a number as Python's levels), warnings by default, as
//! Python shows them without configuration. Lines read `LEVEL:target:message`, as Python's
//! `logging.basicConfig` writes them.

use log::{Level, LevelFilter, Log, Metadata, Record};

struct Stderr;

impl Log for Stderr {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= log::max_level()
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
}
