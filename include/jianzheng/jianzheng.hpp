// jianzheng (减证): decision logic for community certificates. The umbrella header: it
// includes every public C++ header and declares nothing itself. (The C ABI is the
// separate plain-C header jianzheng/jianzheng.h.)
#pragma once

#include "jianzheng/catalog.hpp"
#include "jianzheng/clause.hpp"
#include "jianzheng/date.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/finding.hpp"
#include "jianzheng/item.hpp"
#include "jianzheng/legal_basis.hpp"
#include "jianzheng/list_diff.hpp"
#include "jianzheng/name_matcher.hpp"
#include "jianzheng/purpose.hpp"
#include "jianzheng/request.hpp"
#include "jianzheng/route.hpp"
#include "jianzheng/schedule.hpp"
#include "jianzheng/service_guide.hpp"
#include "jianzheng/supervision.hpp"
#include "jianzheng/survey.hpp"
#include "jianzheng/version.hpp"
#include "jianzheng/work_calendar.hpp"
