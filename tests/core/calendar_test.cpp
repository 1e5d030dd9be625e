// Unit tests for core/calendar: civil-date arithmetic, date parsing and reporting periods.
#include "core/calendar.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace sdsim {
namespace {

// Month lengths written out independently of DaysInMonth, for the day-by-day walk below.
int ReferenceMonthLength(int year, int month) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month != 2) return kDays[month - 1];
  const bool leap = (year % 400 == 0) || (year % 4 == 0 && year % 100 != 0);
  return leap ? 29 : 28;
}

std::vector<double> Bounds(const Calendar& cal) {
  std::vector<double> out;
  for (const Period& p : cal.periods()) out.push_back(p.begin);
  if (!cal.periods().empty()) out.push_back(cal.periods().back().end);
  return out;
}

std::vector<std::string> Labels(const Calendar& cal) {
  std::vector<std::string> out;
  for (const Period& p : cal.periods()) out.push_back(p.label);
  return out;
}

TEST_CASE("DaysFromCivil known values", "[unit][calendar]") {
  CHECK(DaysFromCivil(Date{1970, 1, 1}) == 0);
  CHECK(DaysFromCivil(Date{1970, 1, 2}) == 1);
  CHECK(DaysFromCivil(Date{1969, 12, 31}) == -1);
  CHECK(DaysFromCivil(Date{2000, 3, 1}) == 11017);
  CHECK(DaysFromCivil(Date{2000, 2, 29}) == 11016);
  CHECK(DaysFromCivil(Date{2025, 1, 1}) == 20089);
  CHECK(DaysFromCivil(Date{1900, 1, 1}) == -25567);
  CHECK(DaysFromCivil(Date{2100, 12, 31}) == 47846);
  CHECK(CivilFromDays(0) == Date{1970, 1, 1});
  CHECK(CivilFromDays(11017) == Date{2000, 3, 1});
  CHECK(CivilFromDays(-1) == Date{1969, 12, 31});
}

TEST_CASE("DaysFromCivil and CivilFromDays round-trip every day of 1900..2100",
          "[unit][calendar]") {
  // Walk the calendar day by day with an independent month-length table; every date must map to
  // consecutive day numbers and back.
  Date d{1900, 1, 1};
  int64_t expected = DaysFromCivil(d);
  REQUIRE(expected == -25567);
  int mismatches = 0;
  while (d.year <= 2100) {
    if (DaysFromCivil(d) != expected) ++mismatches;
    if (!(CivilFromDays(expected) == d)) ++mismatches;
    ++expected;
    if (++d.day > ReferenceMonthLength(d.year, d.month)) {
      d.day = 1;
      if (++d.month > 12) {
        d.month = 1;
        ++d.year;
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(expected == 47847);  // one past 2100-12-31
}

TEST_CASE("IsLeapYear and DaysInMonth", "[unit][calendar]") {
  CHECK_FALSE(IsLeapYear(1900));
  CHECK(IsLeapYear(2000));
  CHECK(IsLeapYear(2028));
  CHECK(IsLeapYear(2024));
  CHECK_FALSE(IsLeapYear(2025));
  CHECK_FALSE(IsLeapYear(2100));
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(2025, 2) == 28);
  CHECK(DaysInMonth(1900, 2) == 28);
  CHECK(DaysInMonth(2025, 4) == 30);
  CHECK(DaysInMonth(2025, 12) == 31);
}

TEST_CASE("ParseDate accepts valid dates and rejects everything else", "[unit][calendar]") {
  Date d{1, 1, 1};
  REQUIRE(ParseDate("2025-01-01", &d));
  CHECK(d == Date{2025, 1, 1});
  REQUIRE(ParseDate("2024-02-29", &d));
  CHECK(d == Date{2024, 2, 29});
  REQUIRE(ParseDate("2028-12-31", &d));
  CHECK(d == Date{2028, 12, 31});

  const Date sentinel{1999, 9, 9};
  for (const char* bad : {"2025-02-29", "2025-13-01", "2025-1-1", "20250101", "2024-02-30",
                          "2025-00-10", "2025-01-00", "2025-04-31", "2025-01-01 ", " 2025-01-01",
                          "2025/01/01", "2025-0a-01", "", "1900-02-29"}) {
    INFO("input: '" << bad << "'");
    d = sentinel;
    CHECK_FALSE(ParseDate(bad, &d));
    CHECK(d == sentinel);  // untouched on failure
  }
}

TEST_CASE("FormatDate pads and round-trips through ParseDate", "[unit][calendar]") {
  CHECK(FormatDate(Date{2025, 3, 7}) == "2025-03-07");
  CHECK(FormatDate(Date{2028, 12, 31}) == "2028-12-31");
  for (int64_t day = DaysFromCivil(Date{2020, 1, 1}); day < DaysFromCivil(Date{2030, 1, 1});
       day += 13) {
    const Date d = CivilFromDays(day);
    Date back;
    REQUIRE(ParseDate(FormatDate(d), &back));
    CHECK(back == d);
  }
}

TEST_CASE("ParsePeriodKind and PeriodKindName", "[unit][calendar]") {
  PeriodKind k = PeriodKind::kMonth;
  REQUIRE(ParsePeriodKind("year", &k));
  CHECK(k == PeriodKind::kYear);
  REQUIRE(ParsePeriodKind("half", &k));
  CHECK(k == PeriodKind::kHalf);
  REQUIRE(ParsePeriodKind("month", &k));
  CHECK(k == PeriodKind::kMonth);
  CHECK_FALSE(ParsePeriodKind("quarter", &k));
  CHECK_FALSE(ParsePeriodKind("Year", &k));
  CHECK(std::string(PeriodKindName(PeriodKind::kYear)) == "year");
  CHECK(std::string(PeriodKindName(PeriodKind::kHalf)) == "half");
  CHECK(std::string(PeriodKindName(PeriodKind::kMonth)) == "month");
}

TEST_CASE("Calendar with yearly periods over 2025..2028", "[unit][calendar]") {
  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kYear);
  CHECK(cal.horizon() == 1461);
  REQUIRE(cal.num_periods() == 4);
  CHECK(Bounds(cal) == std::vector<double>{0, 365, 730, 1095, 1461});
  CHECK(Labels(cal) == std::vector<std::string>{"2025", "2026", "2027", "2028"});
  for (int i = 0; i < 4; ++i) CHECK(cal.periods()[i].year == 2025 + i);

  CHECK(cal.PeriodOf(0) == 0);
  CHECK(cal.PeriodOf(364.999) == 0);
  CHECK(cal.PeriodOf(365) == 1);
  CHECK(cal.PeriodOf(729.5) == 1);
  CHECK(cal.PeriodOf(730) == 2);
  CHECK(cal.PeriodOf(1095) == 3);
  CHECK(cal.PeriodOf(1460.999) == 3);
}

TEST_CASE("Calendar with half-year periods", "[unit][calendar]") {
  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kHalf);
  REQUIRE(cal.num_periods() == 8);
  CHECK(Labels(cal) == std::vector<std::string>{"2025-H1", "2025-H2", "2026-H1", "2026-H2",
                                                "2027-H1", "2027-H2", "2028-H1", "2028-H2"});
  CHECK(cal.periods()[0].begin == 0);
  CHECK(cal.periods()[0].end == 181);  // Jan..Jun 2025
  CHECK(cal.periods()[1].end == 365);
  CHECK(cal.periods()[6].end - cal.periods()[6].begin == 182);  // 2028-H1 has 29 Feb
  CHECK(cal.periods()[7].end == 1461);
  CHECK(cal.periods()[7].year == 2028);
  CHECK(cal.PeriodOf(180.5) == 0);
  CHECK(cal.PeriodOf(181) == 1);
}

TEST_CASE("Calendar with monthly periods", "[unit][calendar]") {
  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kMonth);
  REQUIRE(cal.num_periods() == 48);
  CHECK(cal.periods()[0].label == "2025-01");
  CHECK(cal.periods()[47].label == "2028-12");
  const Period& feb2028 = cal.periods()[37];
  CHECK(feb2028.label == "2028-02");
  CHECK(feb2028.end - feb2028.begin == 29);
  const Period& feb2025 = cal.periods()[1];
  CHECK(feb2025.label == "2025-02");
  CHECK(feb2025.end - feb2025.begin == 28);
  // Periods are contiguous and each day maps to the period that contains it.
  for (int i = 0; i < cal.num_periods(); ++i) {
    const Period& p = cal.periods()[i];
    if (i > 0) CHECK(p.begin == cal.periods()[i - 1].end);
    CHECK(cal.PeriodOf(p.begin) == i);
    CHECK(cal.PeriodOf(p.end - 1e-6) == i);
    CHECK(cal.DateOf(p.begin).day == 1);
  }
}

TEST_CASE("Calendar whose horizon starts mid-year", "[unit][calendar]") {
  const Calendar cal(Date{2025, 7, 1}, Date{2026, 6, 30}, PeriodKind::kYear);
  CHECK(cal.horizon() == 365);
  REQUIRE(cal.num_periods() == 2);
  CHECK(cal.periods()[0].label == "2025");
  CHECK(cal.periods()[0].begin == 0);
  CHECK(cal.periods()[0].end == 184);
  CHECK(cal.periods()[1].label == "2026");
  CHECK(cal.periods()[1].end - cal.periods()[1].begin == 181);
  CHECK(cal.YearStarts() == std::vector<double>{0, 184, 365});

  const Calendar halves(Date{2025, 7, 1}, Date{2026, 6, 30}, PeriodKind::kHalf);
  CHECK(Labels(halves) == std::vector<std::string>{"2025-H2", "2026-H1"});
  CHECK(Bounds(halves) == std::vector<double>{0, 184, 365});
}

TEST_CASE("Calendar with a horizon starting and ending mid-month", "[unit][calendar]") {
  const Calendar cal(Date{2025, 3, 15}, Date{2025, 5, 10}, PeriodKind::kMonth);
  CHECK(cal.horizon() == 57);  // 17 days of March, 30 of April, 10 of May
  CHECK(Labels(cal) == std::vector<std::string>{"2025-03", "2025-04", "2025-05"});
  CHECK(Bounds(cal) == std::vector<double>{0, 17, 47, 57});
  CHECK(cal.MonthStarts() == std::vector<double>{0, 17, 47, 57});
  CHECK(cal.YearStarts() == std::vector<double>{0, 57});

  const Calendar one_day(Date{2025, 6, 1}, Date{2025, 6, 1}, PeriodKind::kYear);
  CHECK(one_day.horizon() == 1);
  CHECK(Bounds(one_day) == std::vector<double>{0, 1});
}

TEST_CASE("Calendar DayOf and DateOf", "[unit][calendar]") {
  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kYear);
  CHECK(cal.DayOf(Date{2025, 1, 1}) == 0);
  CHECK(cal.DayOf(Date{2026, 1, 1}) == 365);
  CHECK(cal.DayOf(Date{2028, 3, 1}) == 1155);  // 3*365 + 31 + 29
  CHECK(cal.DayOf(Date{2024, 12, 31}) == -1);
  CHECK(cal.DayOf(Date{2029, 1, 1}) == 1461);
  CHECK(cal.DateOf(0) == Date{2025, 1, 1});
  CHECK(cal.DateOf(0.999) == Date{2025, 1, 1});
  CHECK(cal.DateOf(365.7) == Date{2026, 1, 1});
  CHECK(cal.DateOf(1154.2) == Date{2028, 2, 29});
  CHECK(cal.DateOf(-0.5) == Date{2024, 12, 31});
  CHECK(cal.DateOf(1460.5) == Date{2028, 12, 31});
  for (double day = -30; day < 1500; day += 7) CHECK(cal.DayOf(cal.DateOf(day)) == day);
}

TEST_CASE("Calendar MonthStarts and YearStarts", "[unit][calendar]") {
  const Calendar one_year(Date{2025, 1, 1}, Date{2025, 12, 31}, PeriodKind::kYear);
  CHECK(one_year.MonthStarts() ==
        std::vector<double>{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365});
  CHECK(one_year.YearStarts() == std::vector<double>{0, 365});

  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kYear);
  CHECK(cal.YearStarts() == std::vector<double>{0, 365, 730, 1095, 1461});
  const std::vector<double> months = cal.MonthStarts();
  REQUIRE(months.size() == 49);
  CHECK(months.front() == 0);
  CHECK(months.back() == 1461);
  for (size_t i = 0; i + 1 < months.size(); ++i) {
    CHECK(cal.DateOf(months[i]).day == 1);
    CHECK(months[i] < months[i + 1]);
  }
  CHECK(months[38] - months[37] == 29);  // February 2028
}

}  // namespace
}  // namespace sdsim

namespace sdsim {
namespace {

TEST_CASE("Birthdays on known birth dates: the 18th birthday ends jeugdhulp on that day",
          "[unit][calendar]") {
  CHECK(BirthdayDate(Date{2007, 6, 15}, 18) == Date{2025, 6, 15});
  // Born on 29 February: the birthday falls on 1 March in a year without 29 February.
  CHECK(BirthdayDate(Date{2008, 2, 29}, 18) == Date{2026, 3, 1});
  CHECK(BirthdayDate(Date{2008, 2, 29}, 20) == Date{2028, 2, 29});
  CHECK(BirthdayDate(Date{2025, 3, 10}, -17) == Date{2008, 3, 10});
  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kYear);
  // As simulation days: born 2007-06-15 (a negative day), 18 on day 165 (2025-06-15).
  const double birth = cal.DayOf(Date{2007, 6, 15});
  CHECK(cal.Birthday(birth, 18) == cal.DayOf(Date{2025, 6, 15}));
  CHECK(cal.Birthday(birth, 18) == 165);
  CHECK(cal.Birthday(cal.DayOf(Date{2008, 2, 29}), 18) == cal.DayOf(Date{2026, 3, 1}));
}

TEST_CASE("Fast date conversions agree with the general algorithms", "[unit][calendar]") {
  // Every day from 1000 BC to AD 12000, and the edges of the fast range.
  int mismatches = 0;
  auto check = [&](int64_t day) {
    const Date d = CivilFromDaysGeneral(day);
    if (!(CivilFromDays(day) == d) || DaysFromCivil(d) != day) ++mismatches;
  };
  for (int64_t day = -1100000; day < 3700000; ++day) check(day);
  for (int64_t day : {-12000001, -12000000, -11999999, 299999999, 300000000, 300000001}) check(day);
  // Every month and day number 1..31 (invalid dates too: both count on linearly).
  for (int year : {-32001, -32000, -4713, -1, 0, 1, 1582, 1900, 2000, 2024, 2100, 999999, 1000001})
    for (int month = 1; month <= 12; ++month)
      for (int day = 1; day <= 31; ++day)
        if (DaysFromCivil(Date{year, month, day}) != DaysFromCivilGeneral(Date{year, month, day}))
          ++mismatches;
  CHECK(mismatches == 0);
}

TEST_CASE("AgeAt: the mean-year fast path matches the date comparison", "[unit][calendar][slow]") {
  // Births on every day of 1880..2040 (29 February included) at every 31st day of the next 110
  // years, and births in 2000..2030 at every day. Tagged [slow]: 130 million dates take 8 s in
  // Release and over a minute under the sanitizers, where plain arithmetic has nothing to find.
  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kYear);
  int mismatches = 0;
  auto check = [&](Date first, Date last, int step) {
    for (double birth = cal.DayOf(first); birth < cal.DayOf(last); ++birth) {
      const Date b = cal.DateOf(birth);
      for (double t = birth; t < birth + 110 * 366; t += step) {
        const Date d = cal.DateOf(t);
        const int age =
            d.year - b.year - (d.month < b.month || (d.month == b.month && d.day < b.day));
        if (cal.AgeAt(birth, t + 0.5) != age) ++mismatches;
      }
    }
  };
  check(Date{1880, 1, 1}, Date{2040, 1, 1}, 31);
  check(Date{2000, 1, 1}, Date{2030, 1, 1}, 1);
  CHECK(mismatches == 0);
  // 29 February: 18 on 1 March 2026 (no 29 February), 20 on 29 February 2028.
  const double leap = cal.DayOf(Date{2008, 2, 29});
  CHECK(cal.AgeAt(leap, cal.DayOf(Date{2026, 2, 28})) == 17);
  CHECK(cal.AgeAt(leap, cal.DayOf(Date{2026, 3, 1})) == 18);
  CHECK(cal.AgeAt(leap, cal.DayOf(Date{2028, 2, 28})) == 19);
  CHECK(cal.AgeAt(leap, cal.DayOf(Date{2028, 2, 29})) == 20);
}

}  // namespace
}  // namespace sdsim
