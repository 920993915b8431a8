// Supervision report (监督, 二（三）6): complaints that a government department, public
// enterprise or service agency demanded an unreasonable certificate from residents — through
// the hotline 0936-6121532 or online — are classified one by one by the decision core
// (Engine::supervise: unreasonable when the demand names a no-issue item in the general case,
// or has no qualifying basis) and gathered per demanding body, ready for 通报或公开曝光 and for
// correction by the body's superior (上级主管部门及时予以纠正).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/decision.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/request.hpp"

namespace jianzheng {

/// One complaint as recorded: the demand the engine judges, plus who corrects the body.
struct ComplaintRecord {
  Complaint complaint;   ///< The reported demand.
  std::string superior;  ///< 上级主管部门 of the demanding body; may be empty.
  std::string note;      ///< Free remarks of the clerk; may be empty.
  std::string where;     ///< Its "id" when given, else where it was read: "/3" or "row 4".
};

/// Parses complaints. JSON: an array of objects, or {"complaints": [...]}, each with "date",
/// "channel", "body", "body_kind", "superior", "item" | "demanded" (the certificate's name),
/// "purpose", "bases" (basis objects or citation strings), "note". CSV: a header row with those
/// columns (or 日期, 渠道, 索要单位, 单位类型, 上级主管部门, 事项, 索要证明, 用途, 依据, 备注).
/// Throws Error naming the element or row; all-or-nothing.
std::vector<ComplaintRecord> parse_complaints_json(std::string_view text,
                                                   std::string_view origin = "<text>");
/// CSV form of the same (UTF-8 with or without BOM, or GB18030; RFC 4180 quoting). Bases are
/// "；"-separated citations; an optional basis_levels/依据层级 column gives their levels.
std::vector<ComplaintRecord> parse_complaints_csv(std::string_view text,
                                                  std::string_view origin = "<text>");
/// Reads a file: ".csv" as CSV, anything else as JSON.
std::vector<ComplaintRecord> load_complaints(const std::string& path);

/// One complaint and the engine's verdict. The verdict points into the Engine.
struct ComplaintResult {
  ComplaintRecord record;   ///< The complaint.
  Supervision verdict;      ///< reasonable / unreasonable, why, clauses.
};

/// The complaints against one demanding body.
struct BodyReport {
  std::string body;              ///< The demanding body, as reported.
  std::string superior;          ///< Its superior (the first one reported), who corrects it.
  std::size_t complaints = 0;    ///< Complaints about it.
  std::size_t unreasonable = 0;  ///< Of those, demands found unreasonable.
  std::vector<std::size_t> results;  ///< Indices into SupervisionReport::results, in order.
  /// Certificates it demanded unreasonably (names, each once, first-seen order).
  std::vector<std::string> unreasonable_items;
  /// 二（三）6: to be notified (通报/公开曝光) and corrected by its superior.
  bool notify = false;
};

/// All complaints, classified, and the per-body report.
struct SupervisionReport {
  std::vector<ComplaintResult> results;  ///< In input order.
  std::vector<BodyReport> bodies;        ///< Most unreasonable demands first, then by name.
  std::size_t unreasonable = 0;          ///< Total unreasonable demands.
};

/// Classifies every complaint with `engine` and gathers them per body. The report points
/// into the engine, which must outlive it.
SupervisionReport supervise_all(const Engine& engine, std::vector<ComplaintRecord> complaints);

/// JSON: {"total", "unreasonable", "results": [{"complaint", "verdict"}], "bodies": [...]}.
std::string to_json(const SupervisionReport& report);
/// A Markdown report for 通报: one section per body with the demands and clauses.
std::string to_markdown(const SupervisionReport& report);

}  // namespace jianzheng
