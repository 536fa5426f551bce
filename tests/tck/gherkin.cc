#include "gherkin.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

namespace smith::tck {
namespace {

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Replaces every `<name>` whose name is a key of `values`; other '<' stay as they are (Cypher's
// `<>`, `<-` and comparisons must survive).
std::string Substitute(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      size_t close = text.find('>', i + 1);
      if (close != std::string_view::npos) {
        auto it = values.find(std::string(text.substr(i + 1, close - i - 1)));
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

struct ExamplesBlock {
  std::vector<std::string> tags;
  int line = 0;
  std::optional<TableRow> header;
  std::vector<TableRow> rows;
};

// A scenario or outline as written, before expansion.
struct RawScenario {
  std::string name;
  int line = 0;
  bool outline = false;
  std::vector<std::string> tags;
  std::vector<Step> steps;
  std::vector<ExamplesBlock> examples;
};

enum class Section { kNone, kFeature, kBackground, kScenario, kExamples };

class FeatureParser {
 public:
  FeatureParser(std::string_view text, const std::string& path) : text_(text) {
    feature_.path = path;
  }

  Result<Feature> Parse() {
    SplitLines();
    for (line_index_ = 0; line_index_ < lines_.size(); ++line_index_) {
      SMITH_RETURN_IF_ERROR(ParseLine(Trim(lines_[line_index_])));
    }
    SMITH_RETURN_IF_ERROR(FinishScenario());
    if (section_ == Section::kNone) return Error("no Feature: found");
    return std::move(feature_);
  }

 private:
  int line_number() const { return static_cast<int>(line_index_) + 1; }

  Status Error(std::string_view what) const {
    return Status::InvalidArgument(feature_.path + ":" + std::to_string(line_number()) + ": " +
                                   std::string(what));
  }

  void SplitLines() {
    size_t start = 0;
    while (start <= text_.size()) {
      size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view line = text_.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      start = end + 1;
    }
  }

  Status ParseLine(std::string_view line) {
    if (line.empty() || line[0] == '#') return Status::OK();
    if (line[0] == '@') return ParseTags(line);
    if (StartsWith(line, "Feature:")) {
      if (section_ != Section::kNone) return Error("a second Feature:");
      section_ = Section::kFeature;
      feature_.name = std::string(Trim(line.substr(8)));
      feature_.tags = std::move(pending_tags_);
      pending_tags_.clear();
      return Status::OK();
    }
    if (section_ == Section::kNone) return Error("text before Feature:");
    if (StartsWith(line, "Background:")) {
      SMITH_RETURN_IF_ERROR(FinishScenario());
      if (has_background_ || !feature_.scenarios.empty()) {
        return Error("Background: must come once, before the scenarios");
      }
      has_background_ = true;
      section_ = Section::kBackground;
      return Status::OK();
    }
    for (std::string_view keyword : {"Scenario Outline:", "Scenario Template:"}) {
      if (StartsWith(line, keyword)) return StartScenario(line.substr(keyword.size()), true);
    }
    for (std::string_view keyword : {"Examples:", "Scenarios:"}) {
      if (StartsWith(line, keyword)) return StartExamples();
    }
    for (std::string_view keyword : {"Scenario:", "Example:"}) {
      if (StartsWith(line, keyword)) return StartScenario(line.substr(keyword.size()), false);
    }
    if (StartsWith(line, "\"\"\"") || StartsWith(line, "```")) return ParseDocString();
    if (line[0] == '|') return ParseTableRow(line);
    return ParseStepOrDescription(line);
  }

  Status ParseTags(std::string_view line) {
    std::istringstream in{std::string(line)};
    std::string token;
    while (in >> token) {
      if (token[0] == '#') break;
      if (token[0] != '@' || token.size() < 2) return Error("malformed tag '" + token + "'");
      pending_tags_.push_back(token.substr(1));
    }
    return Status::OK();
  }

  Status StartScenario(std::string_view name, bool outline) {
    SMITH_RETURN_IF_ERROR(FinishScenario());
    section_ = Section::kScenario;
    current_ = RawScenario{};
    current_->name = std::string(Trim(name));
    current_->line = line_number();
    current_->outline = outline;
    current_->tags = std::move(pending_tags_);
    pending_tags_.clear();
    return Status::OK();
  }

  Status StartExamples() {
    if (!current_ || !current_->outline) return Error("Examples: outside a Scenario Outline");
    section_ = Section::kExamples;
    ExamplesBlock block;
    block.tags = std::move(pending_tags_);
    pending_tags_.clear();
    block.line = line_number();
    current_->examples.push_back(std::move(block));
    return Status::OK();
  }

  std::vector<Step>* CurrentSteps() {
    if (section_ == Section::kBackground) return &background_;
    if (section_ == Section::kScenario) return &current_->steps;
    return nullptr;
  }

  Status ParseDocString() {
    std::vector<Step>* steps = CurrentSteps();
    if (steps == nullptr || steps->empty()) return Error("doc string without a step");
    Step& step = steps->back();
    if (step.doc_string || !step.table.empty()) return Error("a step has one argument at most");
    std::string_view opening = lines_[line_index_];
    size_t indent = opening.find_first_not_of(" \t");
    std::string_view delimiter = Trim(opening).substr(0, 3);
    std::string body;
    bool first = true;
    for (++line_index_; line_index_ < lines_.size(); ++line_index_) {
      std::string_view raw = lines_[line_index_];
      if (StartsWith(Trim(raw), delimiter)) {
        step.doc_string = std::move(body);
        return Status::OK();
      }
      size_t strip = 0;
      while (strip < indent && strip < raw.size() && (raw[strip] == ' ' || raw[strip] == '\t')) {
        ++strip;
      }
      std::string content(raw.substr(strip));
      std::string escaped =
          std::string("\\") + delimiter[0] + "\\" + delimiter[0] + "\\" + delimiter[0];
      for (size_t pos; (pos = content.find(escaped)) != std::string::npos;) {
        content.replace(pos, escaped.size(), std::string(delimiter));
      }
      if (!first) body += '\n';
      body += content;
      first = false;
    }
    return Error("unterminated doc string");
  }

  Status ParseTableRow(std::string_view line) {
    std::optional<std::vector<std::string>> cells = SplitTableRow(line);
    if (!cells) return Error("malformed table row");
    TableRow row{line_number(), std::move(*cells)};
    if (section_ == Section::kExamples) {
      ExamplesBlock& block = current_->examples.back();
      if (!block.header) {
        block.header = std::move(row);
      } else {
        if (row.cells.size() != block.header->cells.size()) {
          return Error("Examples row has " + std::to_string(row.cells.size()) +
                       " cells, the header " + std::to_string(block.header->cells.size()));
        }
        block.rows.push_back(std::move(row));
      }
      return Status::OK();
    }
    std::vector<Step>* steps = CurrentSteps();
    if (steps == nullptr || steps->empty()) return Error("table without a step");
    Step& step = steps->back();
    if (step.doc_string) return Error("a step has one argument at most");
    step.table.push_back(std::move(row));
    return Status::OK();
  }

  Status ParseStepOrDescription(std::string_view line) {
    static constexpr std::string_view kKeywords[] = {"Given", "When", "Then", "And", "But", "*"};
    std::vector<Step>* steps = CurrentSteps();
    for (std::string_view keyword : kKeywords) {
      if (StartsWith(line, keyword) && line.size() > keyword.size() &&
          (line[keyword.size()] == ' ' || line[keyword.size()] == '\t')) {
        if (steps == nullptr) return Error("step outside a scenario or background");
        Step step;
        step.keyword = std::string(keyword);
        step.text = std::string(Trim(line.substr(keyword.size())));
        step.line = line_number();
        steps->push_back(std::move(step));
        return Status::OK();
      }
    }
    // Free-form description: after Feature:, or after a scenario title before its first step.
    if (section_ == Section::kFeature || (steps != nullptr && steps->empty())) {
      return Status::OK();
    }
    return Error("unrecognised line '" + std::string(line) + "'");
  }

  Status FinishScenario() {
    if (!current_) return Status::OK();
    RawScenario raw = std::move(*current_);
    current_.reset();
    std::vector<std::string> base_tags = feature_.tags;
    base_tags.insert(base_tags.end(), raw.tags.begin(), raw.tags.end());
    if (!raw.outline) {
      Scenario scenario;
      scenario.name = std::move(raw.name);
      scenario.line = raw.line;
      scenario.tags = std::move(base_tags);
      scenario.steps = background_;
      scenario.steps.insert(scenario.steps.end(), raw.steps.begin(), raw.steps.end());
      feature_.scenarios.push_back(std::move(scenario));
      return Status::OK();
    }
    if (raw.examples.empty()) {
      return Status::InvalidArgument(feature_.path + ":" + std::to_string(raw.line) +
                                     ": Scenario Outline without Examples");
    }
    int index = 0;
    for (const ExamplesBlock& block : raw.examples) {
      if (!block.header) {
        return Status::InvalidArgument(feature_.path + ":" + std::to_string(block.line) +
                                       ": Examples without a table");
      }
      for (const TableRow& row : block.rows) {
        std::map<std::string, std::string> values;
        for (size_t i = 0; i < row.cells.size(); ++i) {
          values[block.header->cells[i]] = row.cells[i];
        }
        Scenario scenario;
        scenario.name = Substitute(raw.name, values);
        scenario.line = row.line;
        scenario.example_index = ++index;
        scenario.tags = base_tags;
        scenario.tags.insert(scenario.tags.end(), block.tags.begin(), block.tags.end());
        scenario.steps = background_;
        for (const Step& step : raw.steps) {
          Step expanded = step;
          expanded.text = Substitute(step.text, values);
          if (step.doc_string) expanded.doc_string = Substitute(*step.doc_string, values);
          for (TableRow& table_row : expanded.table) {
            for (std::string& cell : table_row.cells) cell = Substitute(cell, values);
          }
          scenario.steps.push_back(std::move(expanded));
        }
        feature_.scenarios.push_back(std::move(scenario));
      }
    }
    return Status::OK();
  }

  std::string_view text_;
  std::vector<std::string_view> lines_;
  size_t line_index_ = 0;
  Feature feature_;
  Section section_ = Section::kNone;
  std::vector<std::string> pending_tags_;
  bool has_background_ = false;
  std::vector<Step> background_;
  std::optional<RawScenario> current_;
};

}  // namespace

bool Scenario::HasTag(std::string_view tag) const {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

std::optional<std::vector<std::string>> SplitTableRow(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.front() != '|') return std::nullopt;
  std::vector<std::string> cells;
  std::string cell;
  bool open = false;  // characters seen since the last separator
  for (size_t i = 1; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      char next = line[i + 1];
      if (next == '|' || next == '\\') {
        cell += next;
        ++i;
      } else if (next == 'n') {
        cell += '\n';
        ++i;
      } else {
        cell += c;
      }
      open = true;
    } else if (c == '|') {
      cells.emplace_back(Trim(cell));
      cell.clear();
      open = false;
    } else {
      cell += c;
      open = true;
    }
  }
  if (open) return std::nullopt;
  return cells;
}

Result<Feature> ParseFeature(std::string_view text, const std::string& path) {
  return FeatureParser(text, path).Parse();
}

Result<Feature> ParseFeatureFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IOError("error reading " + path);
  return ParseFeature(buffer.str(), path);
}

}  // namespace smith::tck
