//! The working calendar: local dates and times (no time zones: everything is local time,
//! to the minute), working days and daily hours, public holidays and make-up working days
//! (调休), and exact arithmetic in working minutes.
//!
//! - A [`DateTime`] is a count of minutes since 0001-01-01 00:00, so comparing and
//!   subtracting are integer operations; weekdays come from the day number by a formula.
//! - A minute is working time when its day is a working day and its time of day is in
//!   `[day_start, day_end)`. A day is a working day when it is a make-up working day
//!   (`extra_workdays`), or when its weekday is a working weekday and it is not a holiday. A
//!   date that is both a holiday and a make-up working day is a holiday.
//! - [`Calendar::add_working_minutes`] first moves a start outside working time to the next
//!   working minute (so adding 0 to a non-working instant gives the next working start).
//!   A positive amount that runs out exactly at the close of a day ends *at the close*
//!   (`18:00`), not at the next opening: the two are the same working instant, and adding
//!   more from there continues at the next opening. Additions compose:
//!   `add(add(t, a), b) == add(t, a + b)`.
//! - [`Calendar::working_minutes_between`] counts the working minutes in `[a, b)`; it is the
//!   inverse: `working_minutes_between(t, add(t, m)) == m`.
//!
//! Every loop is bounded: a calendar with no working day at all (or none left before year
//! 9999) gives [`CalendarError::NoWorkingTime`] instead of hanging.

use std::fmt;

/// Minutes in a day.
pub const DAY: i64 = 24 * 60;

/// The last representable day number (9999-12-31).
const MAX_DAY: i64 = 3_652_058;

/// A calendar date, years 1 to 9999. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// All digits, and their value.
fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Date {
    /// The date, if it exists (years 1 to 9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Strictly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = digits(&s[0..4])?;
        Date::new(
            i32::try_from(y).ok()?,
            digits(&s[5..7])?,
            digits(&s[8..10])?,
        )
    }

    /// Days since 0001-01-01 (day 0), by the proleptic Gregorian calendar.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil, shifted so that 0001-01-01 is 0.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 306
    }

    /// The date of a day number (see [`Date::day_number`]); `None` outside years 1–9999.
    pub fn from_day_number(n: i64) -> Option<Date> {
        if !(0..=MAX_DAY).contains(&n) {
            return None;
        }
        let z = n + 306;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Some(Date {
            year: i32::try_from(y).ok()?,
            month: u32::try_from(m).ok()?,
            day: u32::try_from(d).ok()?,
        })
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u8 {
        weekday_of(self.day_number())
    }
}

/// ISO weekday of a day number (0001-01-01 was a Monday).
fn weekday_of(day: i64) -> u8 {
    (day.rem_euclid(7) + 1) as u8
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A local date and time to the minute: minutes since 0001-01-01 00:00.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime(pub i64);

impl DateTime {
    /// `date` at `minute` minutes after midnight (`minute` < 1440).
    pub fn new(date: Date, minute: u32) -> Option<DateTime> {
        (minute < 1440).then(|| DateTime(date.day_number() * DAY + i64::from(minute)))
    }

    /// Strictly `YYYY-MM-DDTHH:MM` (a space instead of the `T` is accepted too).
    pub fn parse(s: &str) -> Option<DateTime> {
        if s.len() != 16 || !s.is_char_boundary(10) || !s.is_char_boundary(11) {
            return None;
        }
        if !matches!(s.as_bytes()[10], b'T' | b' ') {
            return None;
        }
        let date = Date::parse(&s[..10])?;
        let minute = parse_hhmm(&s[11..])?;
        DateTime::new(date, minute)
    }

    pub fn date(self) -> Date {
        Date::from_day_number(self.day()).unwrap_or(Date {
            year: 1,
            month: 1,
            day: 1,
        })
    }

    /// The day number (see [`Date::day_number`]).
    pub fn day(self) -> i64 {
        self.0.div_euclid(DAY)
    }

    /// Minutes after midnight.
    pub fn minute_of_day(self) -> u32 {
        self.0.rem_euclid(DAY) as u32
    }

    /// Calendar minutes from `self` to `later` (negative when `later` is earlier).
    pub fn minutes_until(self, later: DateTime) -> i64 {
        later.0 - self.0
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.minute_of_day();
        write!(f, "{}T{:02}:{:02}", self.date(), m / 60, m % 60)
    }
}

/// Minutes after midnight of an `HH:MM` time (`00:00` to `23:59`).
pub fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m) = (digits(h)?, digits(m)?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Why calendar arithmetic has no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarError {
    /// No working minute at or after the instant: no working weekday and no make-up working
    /// day ahead, or an empty working day.
    NoWorkingTime,
    /// The result would be after 9999-12-31.
    OutOfRange,
}

impl CalendarError {
    pub fn code(self) -> &'static str {
        match self {
            CalendarError::NoWorkingTime => "no_working_time",
            CalendarError::OutOfRange => "out_of_range",
        }
    }
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::NoWorkingTime => {
                write!(
                    f,
                    "the working calendar has no working time from this point on"
                )
            }
            CalendarError::OutOfRange => write!(f, "the result is after the year 9999"),
        }
    }
}

impl std::error::Error for CalendarError {}

/// A working calendar, ready for arithmetic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// ISO weekdays that are working days (1 = Monday … 7 = Sunday); others are ignored.
    pub weekdays: Vec<u8>,
    /// Minutes after midnight when work starts.
    pub day_start: u32,
    /// Minutes after midnight when work ends (exclusive; `1440` is midnight).
    pub day_end: u32,
    /// Public holidays: not working days, whatever their weekday.
    pub holidays: Vec<Date>,
    /// Make-up working days (调休): working days, whatever their weekday.
    pub extra_workdays: Vec<Date>,
}

impl Default for Calendar {
    /// Monday to Friday, 09:00–18:00, no holidays.
    fn default() -> Self {
        Calendar {
            weekdays: vec![1, 2, 3, 4, 5],
            day_start: 9 * 60,
            day_end: 18 * 60,
            holidays: Vec::new(),
            extra_workdays: Vec::new(),
        }
    }
}

/// A [`Calendar`] ready for repeated arithmetic: its day lists as sorted day numbers
/// ([`Calendar::compile`]). The methods of [`Calendar`] compile it on every call; code that
/// does many calls (a batch of timelines) compiles once and uses these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledCalendar {
    weekday: [bool; 8],
    start: i64,
    end: i64,
    holidays: Vec<i64>,
    extra: Vec<i64>,
}

impl CompiledCalendar {
    fn working_day(&self, day: i64) -> bool {
        if self.holidays.binary_search(&day).is_ok() {
            return false;
        }
        self.extra.binary_search(&day).is_ok() || self.weekday[usize::from(weekday_of(day))]
    }

    fn hours(&self) -> i64 {
        (self.end - self.start).max(0)
    }

    /// The first working day at or after `day`, within the calendar's range.
    fn next_working_day(&self, day: i64) -> Result<i64, CalendarError> {
        if self.hours() == 0 {
            return Err(CalendarError::NoWorkingTime);
        }
        // With a working weekday, one of them within 7 × (holidays + 1) days is no holiday.
        if self.weekday.iter().any(|w| *w) {
            let limit = 7 * (self.holidays.len() as i64 + 1) + 1;
            for d in day..=(day + limit).min(MAX_DAY) {
                if self.working_day(d) {
                    return Ok(d);
                }
            }
        }
        // Otherwise only the make-up working days are left.
        let i = self.extra.partition_point(|d| *d < day);
        self.extra[i..]
            .iter()
            .copied()
            .find(|d| self.holidays.binary_search(d).is_err() && *d <= MAX_DAY)
            .ok_or(if day > MAX_DAY {
                CalendarError::OutOfRange
            } else {
                CalendarError::NoWorkingTime
            })
    }
}

impl Calendar {
    /// The calendar ready for repeated arithmetic.
    pub fn compile(&self) -> CompiledCalendar {
        let mut weekday = [false; 8];
        for w in &self.weekdays {
            if (1..=7).contains(w) {
                weekday[usize::from(*w)] = true;
            }
        }
        let mut holidays: Vec<i64> = self.holidays.iter().map(|d| d.day_number()).collect();
        holidays.sort_unstable();
        holidays.dedup();
        let mut extra: Vec<i64> = self.extra_workdays.iter().map(|d| d.day_number()).collect();
        extra.sort_unstable();
        extra.dedup();
        CompiledCalendar {
            weekday,
            start: i64::from(self.day_start.min(1440)),
            end: i64::from(self.day_end.min(1440)),
            holidays,
            extra,
        }
    }

    /// True when `date` is a working day (see the module documentation).
    pub fn is_working_day(&self, date: Date) -> bool {
        self.compile().working_day(date.day_number())
    }

    /// True when the minute starting at `t` is working time.
    pub fn is_working_time(&self, t: DateTime) -> bool {
        self.compile().is_working_time(t)
    }

    /// The first working minute at or after `t`.
    pub fn next_working_start(&self, t: DateTime) -> Result<DateTime, CalendarError> {
        self.compile().next_working_start(t)
    }

    /// The instant `minutes` working minutes after `start` (module documentation).
    pub fn add_working_minutes(
        &self,
        start: DateTime,
        minutes: u64,
    ) -> Result<DateTime, CalendarError> {
        self.compile().add_working_minutes(start, minutes)
    }

    /// Working minutes in `[a, b)`; 0 when `b` is not after `a`.
    pub fn working_minutes_between(&self, a: DateTime, b: DateTime) -> u64 {
        self.compile().working_minutes_between(a, b)
    }
}

impl CompiledCalendar {
    /// True when the minute starting at `t` is working time.
    pub fn is_working_time(&self, t: DateTime) -> bool {
        let m = i64::from(t.minute_of_day());
        self.working_day(t.day()) && m >= self.start && m < self.end
    }

    /// The first working minute at or after `t`.
    pub fn next_working_start(&self, t: DateTime) -> Result<DateTime, CalendarError> {
        let day = t.day();
        let m = i64::from(t.minute_of_day());
        if self.hours() > 0 && self.working_day(day) && m < self.end {
            return Ok(DateTime(day * DAY + m.max(self.start)));
        }
        let next = self.next_working_day(day + 1)?;
        Ok(DateTime(next * DAY + self.start))
    }

    /// The instant `minutes` working minutes after `start` (module documentation).
    pub fn add_working_minutes(
        &self,
        start: DateTime,
        minutes: u64,
    ) -> Result<DateTime, CalendarError> {
        let mut t = self.next_working_start(start)?;
        let mut left = i64::try_from(minutes).map_err(|_| CalendarError::OutOfRange)?;
        loop {
            let day = t.day();
            let available = day * DAY + self.end - t.0;
            if left <= available {
                return Ok(DateTime(t.0 + left));
            }
            left -= available;
            // A day at a time keeps the loop obviously bounded by the calendar's range.
            let next = self.next_working_day(day + 1)?;
            t = DateTime(next * DAY + self.start);
        }
    }

    /// Working minutes in `[a, b)`; 0 when `b` is not after `a`.
    pub fn working_minutes_between(&self, a: DateTime, b: DateTime) -> u64 {
        if b <= a {
            return 0;
        }
        let mut total: i64 = 0;
        for day in a.day()..=b.day() {
            if !self.working_day(day) {
                continue;
            }
            let open = (day * DAY + self.start).max(a.0);
            let close = (day * DAY + self.end).min(b.0);
            if close > open {
                total += close - open;
            }
        }
        total as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> DateTime {
        DateTime::parse(s).expect("valid")
    }

    #[test]
    fn day_numbers_round_trip_and_weekdays() {
        for n in [0, 1, 58, 59, 365, 730_000, 738_000, MAX_DAY] {
            let d = Date::from_day_number(n).expect("valid");
            assert_eq!(d.day_number(), n, "{d}");
        }
        assert_eq!(Date::new(1, 1, 1).expect("valid").day_number(), 0);
        assert_eq!(Date::new(1, 1, 1).expect("valid").weekday(), 1);
        assert_eq!(Date::parse("2024-02-29").expect("valid").weekday(), 4);
        assert_eq!(Date::parse("2025-10-01").expect("valid").weekday(), 3);
        assert_eq!(Date::parse("1970-01-01").expect("valid").weekday(), 4);
        assert!(Date::parse("2025-02-29").is_none());
        assert_eq!(dt("2025-12-31T23:59").to_string(), "2025-12-31T23:59");
        assert!(DateTime::parse("2025-12-31T24:00").is_none());
    }

    #[test]
    fn no_working_days_is_an_error() {
        let cal = Calendar {
            weekdays: vec![],
            ..Calendar::default()
        };
        assert_eq!(
            cal.add_working_minutes(dt("2025-01-01T10:00"), 10),
            Err(CalendarError::NoWorkingTime)
        );
    }
}
