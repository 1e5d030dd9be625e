// Calendar arithmetic (Howard Hinnant's days_from_civil algorithms) and reporting periods.
#include "core/calendar.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sdsim {

int DaysInMonth(int y, int m) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && IsLeapYear(y)) ? 29 : kDays[m - 1];
}

int64_t DaysFromCivilGeneral(const Date& date) {
  int64_t y = date.year;
  const int m = date.month, d = date.day;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDaysGeneral(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

bool ParseDate(std::string_view s, Date* date) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const int from[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (int k = 0; k < len[i]; ++k) {
      const char c = s[from[i] + k];
      if (c < '0' || c > '9') return false;
      v[i] = v[i] * 10 + (c - '0');
    }
  }
  if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > DaysInMonth(v[0], v[1])) return false;
  *date = Date{v[0], v[1], v[2]};
  return true;
}

std::string FormatDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

bool ParsePeriodKind(std::string_view text, PeriodKind* kind) {
  if (text == "year")
    *kind = PeriodKind::kYear;
  else if (text == "half")
    *kind = PeriodKind::kHalf;
  else if (text == "month")
    *kind = PeriodKind::kMonth;
  else
    return false;
  return true;
}

const char* PeriodKindName(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kYear:
      return "year";
    case PeriodKind::kHalf:
      return "half";
    case PeriodKind::kMonth:
      return "month";
  }
  return "?";
}

Calendar::Calendar(Date start, Date last, PeriodKind kind)
    : start_(start), last_(last), kind_(kind), epoch_(DaysFromCivil(start)) {
  horizon_ = static_cast<double>(DaysFromCivil(last) - epoch_ + 1);
  if (horizon_ < 1) horizon_ = 1;
  // Walk month by month; close a period at each year/half/month boundary.
  Date cursor{start.year, start.month, 1};
  double begin = 0;
  while (true) {
    Date next =
        cursor.month == 12 ? Date{cursor.year + 1, 1, 1} : Date{cursor.year, cursor.month + 1, 1};
    const double next_day = DayOf(next);
    const bool boundary = kind == PeriodKind::kMonth || next.month == 1 ||
                          (kind == PeriodKind::kHalf && next.month == 7);
    if (boundary || next_day >= horizon_) {
      Period p;
      p.begin = begin;
      p.end = std::min(next_day, horizon_);
      p.year = cursor.year;
      char buf[16];
      if (kind == PeriodKind::kYear)
        std::snprintf(buf, sizeof buf, "%04d", cursor.year);
      else if (kind == PeriodKind::kHalf)
        std::snprintf(buf, sizeof buf, "%04d-H%d", cursor.year, cursor.month <= 6 ? 1 : 2);
      else
        std::snprintf(buf, sizeof buf, "%04d-%02d", cursor.year, cursor.month);
      p.label = buf;
      periods_.push_back(p);
      begin = p.end;
      if (next_day >= horizon_) break;
    }
    cursor = next;
  }
  period_of_day_.resize(static_cast<size_t>(horizon_));
  for (size_t i = 0; i < periods_.size(); ++i)
    for (auto d = static_cast<size_t>(periods_[i].begin); d < static_cast<size_t>(periods_[i].end);
         ++d)
      period_of_day_[d] = static_cast<uint16_t>(i);
}

int Calendar::AgeByDates(double birth, double t) const {
  const Date b = DateOf(birth), d = DateOf(t);
  return d.year - b.year - (d.month < b.month || (d.month == b.month && d.day < b.day));
}

std::vector<double> Calendar::MonthStarts() const {
  std::vector<double> out{0};
  Date cursor{start_.year, start_.month, 1};
  while (true) {
    cursor =
        cursor.month == 12 ? Date{cursor.year + 1, 1, 1} : Date{cursor.year, cursor.month + 1, 1};
    const double d = DayOf(cursor);
    if (d >= horizon_) break;
    out.push_back(d);
  }
  out.push_back(horizon_);
  return out;
}

std::vector<double> Calendar::YearStarts() const {
  std::vector<double> out{0};
  for (int y = start_.year + 1;; ++y) {
    const double d = DayOf(Date{y, 1, 1});
    if (d >= horizon_) break;
    out.push_back(d);
  }
  out.push_back(horizon_);
  return out;
}

}  // namespace sdsim
