// jianzheng (减证): decision logic for community certificates. The umbrella header: it
// includes every public C++ header and declares nothing itself.
#pragma once

#include "jianzheng/catalog.hpp"
#include "jianzheng/clause.hpp"
#include "jianzheng/date.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/finding.hpp"
#include "jianzheng/item.hpp"
#include "jianzheng/legal_basis.hpp"
#include "jianzheng/route.hpp"
#include "jianzheng/schedule.hpp"
#include "jianzheng/version.hpp"
#include "jianzheng/work_calendar.hpp"
