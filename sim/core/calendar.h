// Calendar: civil dates, the simulation clock (days since the scenario's start date) and the
// reporting periods (calendar years, half-years or months) that results are booked to.
//
// Simulation time is a double: days since 00:00 on the start date. Day d covers [d, d+1).
// Leap years are real: 2028 has 366 days. A Calendar is immutable after construction and may be
// shared by any number of threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sdsim {

struct Date {
  int year = 2025;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const Date&, const Date&) = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// Days since 1970-01-01 (proleptic Gregorian); negative before.
int64_t DaysFromCivil(const Date& date);
Date CivilFromDays(int64_t days);
// Parses "YYYY-MM-DD"; returns false for anything else, including dates that do not exist
// (2025-02-29).
bool ParseDate(std::string_view text, Date* date);
std::string FormatDate(const Date& date);
// The date on which someone born on `birth` turns `age` (whole years; negative goes back). A 29
// February birthday falls on 1 March in years without one (as Dutch law counts it).
Date BirthdayDate(const Date& birth, int age);

enum class PeriodKind { kYear, kHalf, kMonth };
bool ParsePeriodKind(std::string_view text, PeriodKind* kind);
const char* PeriodKindName(PeriodKind kind);

// One reporting period [begin, end) in simulation days.
struct Period {
  double begin = 0;
  double end = 0;
  int year = 0;
  std::string label;  // "2025", "2025-H1" or "2025-03"
};

class Calendar {
 public:
  // `last` is the last simulated day, inclusive (2028-12-31 ends the horizon at 2029-01-01 00:00).
  // Requires last >= start.
  Calendar(Date start, Date last, PeriodKind periods);

  const Date& start() const { return start_; }
  const Date& last() const { return last_; }
  PeriodKind period_kind() const { return kind_; }
  // Length of the horizon in days (1461 for 2025-01-01..2028-12-31).
  double horizon() const { return horizon_; }
  const std::vector<Period>& periods() const { return periods_; }
  int num_periods() const { return static_cast<int>(periods_.size()); }

  // Simulation day on which `date` begins (may be negative or beyond the horizon).
  double DayOf(const Date& date) const;
  Date DateOf(double day) const;
  // Simulation day on which someone born on day `birth` turns `age` (see BirthdayDate).
  double Birthday(double birth, int age) const { return DayOf(BirthdayDate(DateOf(birth), age)); }
  // Period containing time t; requires 0 <= t < horizon().
  int PeriodOf(double t) const { return period_of_day_[static_cast<size_t>(t)]; }
  // Start days of each calendar month / year overlapping the horizon, plus horizon() at the end.
  std::vector<double> MonthStarts() const;
  std::vector<double> YearStarts() const;

 private:
  Date start_, last_;
  PeriodKind kind_;
  int64_t epoch_;  // DaysFromCivil(start_)
  double horizon_;
  std::vector<Period> periods_;
  std::vector<uint16_t> period_of_day_;
};

}  // namespace sdsim
