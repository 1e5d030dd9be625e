// Shared helpers for the tests that open sdsim's outputs in real programs: running a command,
// headless LibreOffice conversions into a private profile, reading the flat OpenDocument
// spreadsheet (.fods, plain XML) it writes (every sheet, repeated cells and rows expanded),
// rendering PDF pages with pdftoppm, and reading PPM and PNG images (for "is a chart drawn").
#pragma once

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "testing.h"

namespace sdsim::testing {

inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command (RunShell); returns its exit code and appends the command and its output
// to *log. The command runs in a subshell, so its own redirections (2>file) keep their meaning.
inline int RunCommand(const std::string& cmd, std::string* log) {
  std::string out;
  const int code = RunShell("(" + cmd + ")", &out);
  *log += cmd + "\n" + out + "\nexit code " + std::to_string(code) + "\n";
  return code;
}

inline bool Installed(const char* program) {
  return std::system((std::string("command -v ") + program + " >/dev/null 2>&1").c_str()) == 0;
}

// Converts `input` with headless LibreOffice to `format` ("fods", "pdf") in `out_dir`, with a
// private profile and HOME under `work` (the test neither depends on nor writes to the user's).
// `infilter`: import filter options ("" for the default). Returns the output path ("" on
// failure, soffice's output in *log).
inline std::string Soffice(const std::string& work, const std::string& input,
                           const std::string& format, const std::string& out_dir,
                           const std::string& infilter, std::string* log) {
  const std::string cmd =
      "HOME=" + ShellQuote(work + "/soffice-home") + " timeout -k 5 180 soffice --headless " +
      "--norestore --nolockcheck " +
      ShellQuote("-env:UserInstallation=file://" + work + "/soffice-profile") + " " +
      (infilter.empty() ? "" : ShellQuote("--infilter=" + infilter) + " ") + "--convert-to " +
      format + " --outdir " + ShellQuote(out_dir) + " " + ShellQuote(input);
  RunCommand(cmd, log);
  const std::string out =
      out_dir + "/" + std::filesystem::path(input).stem().string() + "." + format;
  return std::filesystem::exists(out) ? out : "";
}

// One spreadsheet cell from the .fods: office:value-type ("" for an empty cell), office:value
// (for numbers) and the cell's text.
struct Cell {
  std::string type, value, text;
};
using Sheet = std::vector<std::vector<Cell>>;

// Attribute `name` of the start tag `tag` ("" if absent).
inline std::string Attr(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const size_t p = tag.find(key);
  if (p == std::string_view::npos) return "";
  const size_t b = p + key.size();
  return std::string(tag.substr(b, tag.find('"', b) - b));
}

inline std::string XmlUnescape(std::string_view s) {
  static const std::pair<const char*, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool done = false;
    for (const auto& [entity, ch] : kEntities)
      if (s.compare(i, std::strlen(entity), entity) == 0) {
        out += ch;
        i += std::strlen(entity) - 1;
        done = true;
        break;
      }
    if (!done) out += s[i];
  }
  return out;
}

// The text of a cell body: the contents of its <text:p> elements, other tags dropped.
inline std::string CellText(std::string_view body) {
  std::string out;
  size_t p = 0;
  while ((p = body.find("<text:p", p)) != std::string_view::npos) {
    const size_t open_end = body.find('>', p);
    if (body[open_end - 1] == '/') {  // <text:p/>
      p = open_end;
      continue;
    }
    const size_t close = body.find("</text:p>", open_end);
    std::string_view inner = body.substr(open_end + 1, close - open_end - 1);
    std::string plain;
    bool in_tag = false;
    for (char c : inner) {
      if (c == '<')
        in_tag = true;
      else if (c == '>')
        in_tag = false;
      else if (!in_tag)
        plain += c;
    }
    if (!out.empty()) out += '\n';
    out += XmlUnescape(plain);
    p = close;
  }
  return out;
}

inline int Repeat(std::string_view tag, const char* attr) {
  const std::string r = Attr(tag, attr);
  return r.empty() ? 1 : std::stoi(r);
}

// The table of a flat OpenDocument spreadsheet that starts at `table` (the position of its
// <table:table tag), repeated cells and rows expanded (a run of empty rows is kept once).
inline Sheet ParseFodsTable(const std::string& xml, size_t table) {
  Sheet sheet;
  const size_t table_end = xml.find("</table:table>", table);
  if (table == std::string::npos || table_end == std::string::npos) return sheet;
  size_t p = table;
  while ((p = xml.find("<table:table-row", p)) < table_end) {
    const size_t tag_end = xml.find('>', p);
    const std::string_view row_tag(xml.data() + p, tag_end - p);
    size_t row_end = tag_end + 1;
    std::vector<Cell> row;
    if (xml[tag_end - 1] != '/') {
      row_end = xml.find("</table:table-row>", tag_end);
      size_t c = tag_end;
      // Cells covered by a merged cell count as empty cells (they keep the columns in place).
      auto next_cell = [&](size_t from) {
        return std::min(xml.find("<table:table-cell", from),
                        xml.find("<table:covered-table-cell", from));
      };
      while ((c = next_cell(c)) < row_end) {
        const size_t cell_tag_end = xml.find('>', c);
        const std::string_view cell_tag(xml.data() + c, cell_tag_end - c);
        Cell cell{Attr(cell_tag, "office:value-type"), Attr(cell_tag, "office:value"), ""};
        c = cell_tag_end + 1;
        if (xml[cell_tag_end - 1] != '/') {
          const bool covered = cell_tag.rfind("<table:covered", 0) == 0;
          const size_t body_end = xml.find(
              covered ? "</table:covered-table-cell>" : "</table:table-cell>", cell_tag_end);
          cell.text =
              CellText(std::string_view(xml).substr(cell_tag_end + 1, body_end - cell_tag_end - 1));
          c = body_end;
        }
        row.insert(row.end(), Repeat(cell_tag, "table:number-columns-repeated"), cell);
      }
    }
    bool empty = true;
    for (const Cell& cell : row) empty &= cell.type.empty() && cell.text.empty();
    sheet.insert(sheet.end(), empty ? 1 : Repeat(row_tag, "table:number-rows-repeated"), row);
    p = row_end;
  }
  while (!sheet.empty()) {  // drop trailing empty rows
    bool empty = true;
    for (const Cell& cell : sheet.back()) empty &= cell.type.empty() && cell.text.empty();
    if (!empty) break;
    sheet.pop_back();
  }
  return sheet;
}

// The document without its embedded objects (charts carry tables of their own data); the
// number of objects removed goes to *objects.
inline std::string WithoutObjects(const std::string& xml, int* objects = nullptr) {
  std::string out;
  size_t p = 0;
  int n = 0;
  for (size_t b; (b = xml.find("<draw:object", p)) != std::string::npos; ++n) {
    const size_t e = xml.find("</draw:object>", b);
    if (e == std::string::npos) break;
    out.append(xml, p, b - p);
    p = e + std::strlen("</draw:object>");
  }
  out.append(xml, p, std::string::npos);
  if (objects) *objects = n;
  return out;
}

// The first table of a flat OpenDocument spreadsheet.
inline Sheet ParseFods(const std::string& fods) {
  const std::string xml = WithoutObjects(fods);
  return ParseFodsTable(xml, xml.find("<table:table "));
}

// Every sheet (name, table) of a flat OpenDocument spreadsheet, in order.
inline std::vector<std::pair<std::string, Sheet>> ParseFodsSheets(const std::string& fods) {
  const std::string xml = WithoutObjects(fods);
  std::vector<std::pair<std::string, Sheet>> sheets;
  for (size_t p = xml.find("<table:table "); p != std::string::npos;
       p = xml.find("<table:table ", p + 1)) {
    const std::string_view tag(xml.data() + p, xml.find('>', p) - p);
    sheets.push_back({XmlUnescape(Attr(tag, "table:name")), ParseFodsTable(xml, p)});
  }
  return sheets;
}

// An RGB image, 8 bits per channel, rows top to bottom.
struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
  // Pixels whose channels differ by more than `spread` (coloured, not grey, black or white).
  long Coloured(int spread = 60) const {
    long n = 0;
    for (size_t i = 0; i + 2 < rgb.size(); i += 3) {
      const int r = rgb[i], g = rgb[i + 1], b = rgb[i + 2];
      n += std::max({r, g, b}) - std::min({r, g, b}) > spread;
    }
    return n;
  }
  long NonWhite() const {
    long n = 0;
    for (size_t i = 0; i + 2 < rgb.size(); i += 3) n += rgb[i] + rgb[i + 1] + rgb[i + 2] < 720;
    return n;
  }
};

// A binary PPM (P6, maxval 255), as pdftoppm writes it.
inline Image ReadPpm(const std::string& bytes) {
  Image img;
  int maxval = 0, consumed = 0;
  if (std::sscanf(bytes.c_str(), "P6 %d %d %d%n", &img.width, &img.height, &maxval, &consumed) !=
          3 ||
      maxval != 255)
    return {};
  const size_t start = consumed + 1, size = static_cast<size_t>(img.width) * img.height * 3;
  if (bytes.size() < start + size) return {};
  img.rgb.assign(bytes.begin() + start, bytes.begin() + start + size);
  return img;
}

// A PNG of 8-bit RGB or RGBA (what Chromium writes), non-interlaced.
inline Image ReadPng(const std::string& bytes) {
  if (bytes.size() < 8 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {};
  auto be32 = [&](size_t p) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(bytes[p])) << 24) |
           (static_cast<unsigned char>(bytes[p + 1]) << 16) |
           (static_cast<unsigned char>(bytes[p + 2]) << 8) |
           static_cast<unsigned char>(bytes[p + 3]);
  };
  Image img;
  int channels = 0;
  std::string idat;
  for (size_t p = 8; p + 8 <= bytes.size();) {
    const uint32_t len = be32(p);
    const std::string type = bytes.substr(p + 4, 4);
    if (type == "IHDR") {
      img.width = static_cast<int>(be32(p + 8));
      img.height = static_cast<int>(be32(p + 12));
      const int depth = bytes[p + 16], color = bytes[p + 17], interlace = bytes[p + 20];
      if (depth != 8 || interlace != 0 || (color != 2 && color != 6)) return {};
      channels = color == 2 ? 3 : 4;
    } else if (type == "IDAT") {
      idat += bytes.substr(p + 8, len);
    }
    p += 12 + len;
  }
  const size_t stride = static_cast<size_t>(img.width) * channels;
  std::vector<unsigned char> raw((stride + 1) * img.height);
  uLongf raw_size = raw.size();
  if (channels == 0 || uncompress(raw.data(), &raw_size,
                                  reinterpret_cast<const Bytef*>(idat.data()), idat.size()) != Z_OK)
    return {};
  std::vector<unsigned char> pixels(stride * img.height);
  for (int y = 0; y < img.height; ++y) {  // undo the per-row filters (PNG spec, section 9)
    const unsigned char filter = raw[y * (stride + 1)];
    const unsigned char* in = &raw[y * (stride + 1) + 1];
    unsigned char* out = &pixels[y * stride];
    const unsigned char* up = y > 0 ? &pixels[(y - 1) * stride] : nullptr;
    for (size_t x = 0; x < stride; ++x) {
      const int a = x >= static_cast<size_t>(channels) ? out[x - channels] : 0;
      const int b = up ? up[x] : 0;
      const int c = up && x >= static_cast<size_t>(channels) ? up[x - channels] : 0;
      int pred = 0;
      if (filter == 1) pred = a;
      if (filter == 2) pred = b;
      if (filter == 3) pred = (a + b) / 2;
      if (filter == 4) {
        const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = static_cast<unsigned char>(in[x] + pred);
    }
  }
  img.rgb.reserve(static_cast<size_t>(img.width) * img.height * 3);
  for (size_t i = 0; i < pixels.size(); i += channels)
    img.rgb.insert(img.rgb.end(), pixels.begin() + i, pixels.begin() + i + 3);
  return img;
}

// Where tests keep what they made for a person to look at (a screenshot): beside the binaries.
inline std::string ArtefactDir() {
  const std::string dir =
      (std::filesystem::path(SDSIM_BINARY).parent_path() / "test-artefacts").string();
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace sdsim::testing
