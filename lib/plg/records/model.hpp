#pragma once

// plg's records as plain value types, one header per kind.

#include "plg/records/community.hpp"
#include "plg/records/goal.hpp"
#include "plg/records/meeting.hpp"
#include "plg/records/reflection.hpp"
