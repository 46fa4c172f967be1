//! The routing engine's codes in words, in both languages: simulator errors, trace
//! entries and lint findings. Core keeps stable codes and parameters; only the interface
//! words them.
