// The library's version, from CMake's project(VERSION): the one version source.
#pragma once

namespace jianzheng {

/// The version as "MAJOR.MINOR.PATCH", e.g. "0.1.0".
const char* version() noexcept;
/// The major version: the JSON contracts are stable within one.
int version_major() noexcept;
/// The minor version.
int version_minor() noexcept;
/// The patch version.
int version_patch() noexcept;

}  // namespace jianzheng
