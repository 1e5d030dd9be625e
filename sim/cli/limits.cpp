// The shared command-line values and their one check.
#include "cli/limits.h"

#include <unistd.h>

#include <charconv>
#include <cstdio>

#include "cli/commands.h"
#include "io/utf8.h"
#include "runner/batch.h"

namespace po = boost::program_options;

namespace sdsim {
namespace {

// Digits with an optional leading '-'; false for anything else (a '+', an exponent, decimals,
// thousands separators, more than 64 bits).
bool ParseWhole(const std::string& text, bool* negative, unsigned long long* magnitude) {
  std::string_view s = text;
  *negative = !s.empty() && s[0] == '-';
  if (*negative) s.remove_prefix(1);
  if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
  const auto res = std::from_chars(s.data(), s.data() + s.size(), *magnitude);
  return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

// A whole number from 0 (or 1) to `hi`.
bool InRange(const std::string& text, unsigned long long lo, unsigned long long hi,
             unsigned long long* out) {
  bool neg = false;
  if (!ParseWhole(text, &neg, out)) return false;
  if (neg && *out != 0) return false;
  return *out >= lo && *out <= hi;
}

std::string Hex(char c) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(c));
  return buf;
}

std::string WholeRule(const std::string& flag, const std::string& range, const std::string& text) {
  std::string msg =
      flag + " must be a whole number " + range + " (got \"" + Printable(text) + "\")";
  if (text.find_first_of(".,") != std::string::npos &&
      text.find_first_of("eE") == std::string::npos)
    msg += "; write it without a thousands separator or decimals";
  return msg;
}

}  // namespace

void AddCommonOptions(po::options_description* opts, unsigned which, CommonOptions* v,
                      const std::string& replications_help) {
  auto add = opts->add_options();
  if (which & kOptReplications)
    // No po default: whether it was given matters (run --precision refuses a fixed count).
    add("replications,r",
        po::value<std::string>()->value_name("arg (=1000)")->notifier([v](const std::string& s) {
          v->replications_text = s;
          v->replications_given = true;
        }),
        (replications_help + " (default 1000; 1 to " + std::to_string(kMaxReplications) +
         "; more = narrower percentiles; 1000 is a good start, 10000 for a final report)")
            .c_str());
  if (which & kOptSeed)
    add("seed,s", po::value(&v->seed_text)->default_value("1"),
        "random seed, a whole number 0 or more; the same seed reproduces the same numbers");
  if (which & kOptThreads)
    add("threads,t", po::value(&v->threads_text)->default_value("0"),
        ("worker threads (0 = all cores, at most " + std::to_string(kMaxThreads) + ")").c_str());
  if (which & kOptOut)
    add("out,o", po::value(&v->out),
        "output folder: a new or empty folder (default: a new folder under results/)");
  if (which & kOptPeriod)
    add("period", po::value(&v->period_text)->default_value("year"),
        "reporting period: year, half or month");
  if (which & kOptCsv)
    add("csv", po::value(&v->csv_text)->default_value("intl"),
        "CSV dialect: intl (, and .) or nl (; and decimal comma, for a Dutch Excel)");
  if (which & kOptQuiet) add("quiet,q", po::bool_switch(&v->quiet), "no progress line");
}

std::string CheckReplications(const std::string& flag, const std::string& text, int* out) {
  unsigned long long m = 0;
  if (!InRange(text, 1, kMaxReplications, &m))
    return WholeRule(flag, "from 1 to " + std::to_string(kMaxReplications), text);
  *out = static_cast<int>(m);
  return "";
}

std::string CheckSeed(const std::string& flag, const std::string& text, uint64_t* out) {
  unsigned long long m = 0;
  if (!InRange(text, 0, kMaxSeed, &m))
    return WholeRule(flag, "from 0 to " + std::to_string(kMaxSeed), text);
  *out = m;
  return "";
}

std::string CheckThreads(const std::string& flag, const std::string& text, int* out) {
  unsigned long long m = 0;
  if (!InRange(text, 0, kMaxThreads, &m))
    return WholeRule(flag, "from 0 (all cores) to " + std::to_string(kMaxThreads), text);
  *out = static_cast<int>(m);
  return "";
}

std::string CheckPathText(const std::string& what, const std::string& path) {
  size_t bad = 0;
  if (!IsValidUtf8(path, &bad))
    return what + " \"" + Printable(path) + "\" is not valid UTF-8 (byte " +
           std::to_string(bad + 1) + ", shown as \\x" + Hex(path[bad]) +
           "); rename it, or retype the name in a UTF-8 terminal";
  for (char c : path)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      return what + " \"" + Printable(path) +
             "\" contains a control character (shown as \\xNN); rename it";
  return "";
}

std::string CheckPathTexts(const std::string& what, const std::vector<std::string>& files) {
  for (const std::string& f : files)
    if (std::string err = CheckPathText(what, f); !err.empty()) return err;
  return "";
}

std::string CheckText(const std::string& flag, const std::string& text) {
  size_t bad = 0;
  if (!IsValidUtf8(text, &bad))
    return flag + " \"" + Printable(text) + "\" is not valid UTF-8 (byte " +
           std::to_string(bad + 1) + ", shown as \\x" + Hex(text[bad]) +
           "); retype it in a UTF-8 terminal";
  return "";
}

std::string CheckCommonOptions(unsigned which, CommonOptions* v) {
  std::string err;
  if ((which & kOptReplications) &&
      !(err = CheckReplications("--replications", v->replications_text, &v->replications)).empty())
    return err;
  if ((which & kOptSeed) && !(err = CheckSeed("--seed", v->seed_text, &v->seed)).empty())
    return err;
  if ((which & kOptThreads) &&
      !(err = CheckThreads("--threads", v->threads_text, &v->threads)).empty())
    return err;
  if ((which & kOptPeriod) && !ParsePeriodKind(v->period_text, &v->period))
    return "--period must be year, half or month (got \"" + Printable(v->period_text) + "\")";
  if ((which & kOptCsv) && !ParseCsvDialect(v->csv_text, &v->dialect))
    return "--csv must be intl or nl (got \"" + Printable(v->csv_text) + "\")";
  if ((which & kOptOut) && !v->out.empty()) {
    if (!(err = CheckPathText("the --out folder", v->out)).empty()) return err;
  }
  return "";
}

double PhysicalMemoryBytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), size = ::sysconf(_SC_PAGE_SIZE);
  return pages > 0 && size > 0 ? static_cast<double>(pages) * static_cast<double>(size) : 0;
}

std::string CheckMemoryFits(const std::vector<const Model*>& models,
                            const std::vector<std::string>& names, int threads) {
  double per_thread = 0;
  size_t worst = 0;
  for (size_t i = 0; i < models.size(); ++i) {
    per_thread += models[i]->work.bytes;
    if (models[i]->work.bytes > models[worst]->work.bytes) worst = i;
  }
  const double machine = PhysicalMemoryBytes();
  const int n = EffectiveThreads(threads);
  if (machine <= 0 || per_thread * n <= machine) return "";
  const auto gb = [](double b) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f GB", b / 1e9);
    return std::string(buf);
  };
  const Model& m = *models[worst];
  std::string msg = "the run would need up to " + gb(per_thread * n) + " of memory (" +
                    gb(per_thread) + " per worker thread x " + std::to_string(n) +
                    " threads), more than the " + gb(machine) + " this machine has; most for " +
                    names[worst] + ": " + m.work.heaviest + " (" + m.work.heaviest_what + ")";
  const int fit = static_cast<int>(machine / per_thread);
  if (fit >= 1)
    msg += "; run with --threads " + std::to_string(fit) + " or fewer";
  else
    msg += "; check that value";
  return msg;
}

int UsageError(const char* command, const std::string& message) {
  std::fprintf(stderr, "sdsim %s: %s (see sdsim %s --help)\n", command, message.c_str(), command);
  return kExitUsage;
}

}  // namespace sdsim
