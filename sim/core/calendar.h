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

// floor(x) as an integer (x finite). Not std::floor: converting its result to an integer makes
// GCC call the library floor instead of inlining it.
inline int64_t FloorToInt(double x) {
  const auto i = static_cast<int64_t>(x);
  return i - (static_cast<double>(i) > x);
}

inline bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int year, int month);
// Days since 1970-01-01 (proleptic Gregorian); negative before. Inline: the simulation converts
// dates on every birthday and age it computes.
int64_t DaysFromCivilGeneral(const Date& date);
Date CivilFromDaysGeneral(int64_t days);
// Neri & Schneider (2022), "Euclidean affine functions and their application to calendar
// algorithms": 32-bit multiplications and shifts only, exact for years -32800..+1,000,000; the
// general (Hinnant) algorithms above cover everything else.
inline int64_t DaysFromCivil(const Date& date) {
  if (date.year < -32000 || date.year > 1000000) return DaysFromCivilGeneral(date);
  constexpr uint32_t kShift = 82, kK = 719468 + 146097 * kShift, kL = 400 * kShift;
  const uint32_t j = date.month <= 2;
  const uint32_t y = static_cast<uint32_t>(date.year) + kL - j;
  const uint32_t m = j ? date.month + 12 : date.month;
  const uint32_t c = y / 100;
  const uint32_t y_star = 1461 * y / 4 - c + c / 4;
  const uint32_t m_star = (979 * m - 2919) / 32;
  return static_cast<int32_t>(y_star + m_star + static_cast<uint32_t>(date.day - 1) - kK);
}
inline Date CivilFromDays(int64_t days) {
  if (days < -12000000 || days > 300000000) return CivilFromDaysGeneral(days);
  constexpr uint32_t kShift = 82, kK = 719468 + 146097 * kShift, kL = 400 * kShift;
  const uint32_t n = static_cast<uint32_t>(days) + kK;
  const uint32_t n1 = 4 * n + 3;
  const uint32_t c = n1 / 146097;
  const uint32_t nc = n1 % 146097 / 4;
  const uint64_t p2 = uint64_t{2939745} * (4 * nc + 3);
  const uint32_t z = static_cast<uint32_t>(p2 >> 32);
  const uint32_t ny = static_cast<uint32_t>(p2) / 2939745 / 4;
  const uint32_t n3 = 2141 * ny + 197913;
  const uint32_t m = n3 >> 16;
  const uint32_t d = (n3 & 0xffff) / 2141;
  const uint32_t j = ny >= 306;
  return Date{static_cast<int>(100 * c + z - kL + j), static_cast<int>(j ? m - 12 : m),
              static_cast<int>(d + 1)};
}
// Parses "YYYY-MM-DD"; returns false for anything else, including dates that do not exist
// (2025-02-29).
bool ParseDate(std::string_view text, Date* date);
std::string FormatDate(const Date& date);
// The date on which someone born on `birth` turns `age` (whole years; negative goes back). A 29
// February birthday falls on 1 March in years without one (as Dutch law counts it).
inline Date BirthdayDate(const Date& birth, int age) {
  Date d{birth.year + age, birth.month, birth.day};
  if (d.month == 2 && d.day == 29 && !IsLeapYear(d.year)) d = Date{d.year, 3, 1};
  return d;
}

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
  double DayOf(const Date& date) const { return static_cast<double>(DaysFromCivil(date) - epoch_); }
  Date DateOf(double day) const { return CivilFromDays(epoch_ + FloorToInt(day)); }
  // Simulation day on which someone born on day `birth` turns `age` (see BirthdayDate).
  double Birthday(double birth, int age) const { return DayOf(BirthdayDate(DateOf(birth), age)); }
  // Age in whole calendar years on day t of someone born on day `birth`.
  int AgeAt(double birth, double t) const {
    // Fast path: away from a birthday the mean Gregorian year (146097 days in 400 years) gives
    // the age; within about 2 days of one (0.6% of a year), compare the dates.
    const int64_t days = FloorToInt(t) - FloorToInt(birth);
    if (days >= 0) {
      const int64_t x = days * 400, years = x / 146097, rest = x % 146097;
      if (rest > 877 && rest < 146097 - 877) return static_cast<int>(years);
    }
    return AgeByDates(birth, t);
  }
  // The same, always by comparing the dates (the slow path of AgeAt).
  int AgeByDates(double birth, double t) const;
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
