//! Failures the command line reports, each with the exit status it ends with.

use std::fmt;
use std::io;

/// Exit status: the command line was wrong (unknown flag, missing value).
pub const USAGE: i32 = 2;
/// Exit status: the input cannot be analysed (a binary file, an unusable configuration).
pub const BAD_INPUT: i32 = 2;
/// Exit status: reading or writing failed, or `eval` found a disagreement with score.py.
pub const FAILED: i32 = 1;

/// A message for standard error and the status to exit with.
#[derive(Debug)]
pub struct CliError {
    pub code: i32,
    pub message: String,
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            code: USAGE,
            message: message.into(),
        }
    }

    pub fn bad_input(message: impl Into<String>) -> Self {
        CliError {
            code: BAD_INPUT,
            message: message.into(),
        }
    }

    pub fn failed(message: impl Into<String>) -> Self {
        CliError {
            code: FAILED,
            message: message.into(),
        }
    }

    /// An I/O error with what was being done when it happened.
    pub fn io(doing: &str, err: &io::Error) -> Self {
        CliError::failed(format!("{doing}: {err}"))
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Whether a write failed only because the reader went away (`allegedly … | head`): not an error.
pub fn is_broken_pipe(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::BrokenPipe
}
