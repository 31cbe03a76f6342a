# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
# One INTERFACE target carries the language level, warnings and Qt defines for
# every target of ours (third-party code never sees -Werror).
add_library(gatehouse_flags INTERFACE)
target_compile_features(gatehouse_flags INTERFACE cxx_std_20)
target_compile_options(gatehouse_flags INTERFACE -Wall -Wextra)
if(GATEHOUSE_WERROR)
  target_compile_options(gatehouse_flags INTERFACE -Werror)
endif()
# GCC 12's libstdc++ std::string inlining trips -Wrestrict and
# -Wstringop-overflow with impossible sizes (GCC bugs 105329, 105651); both
# are fixed in GCC 13. They stay on for every other compiler.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(gatehouse_flags INTERFACE -Wno-restrict -Wno-stringop-overflow)
endif()
# Hardening, as Debian builds its packages (dpkg-buildflags): stack
# protection and clash protection, control-flow protection on x86-64,
# checked libc calls, and a read-only relocation table resolved at start.
# Release builds only: _FORTIFY_SOURCE needs the optimiser, and the
# sanitizer presets bring checks of their own (they turn this off).
option(GATEHOUSE_HARDENING "Build with Debian's hardening flags (Release)" ON)
if(GATEHOUSE_HARDENING AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(gatehouse_flags INTERFACE
    $<$<CONFIG:Release>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2 -fstack-protector-strong
      -fstack-clash-protection>)
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
    target_compile_options(gatehouse_flags INTERFACE $<$<CONFIG:Release>:-fcf-protection>)
  endif()
  target_link_options(gatehouse_flags INTERFACE $<$<CONFIG:Release>:LINKER:-z,relro,-z,now>)
endif()
target_compile_definitions(gatehouse_flags INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_USE_QSTRINGBUILDER)

# Asio and Beast are compiled once, in gateway/asio_impl.cpp and
# gateway/beast_impl.cpp, instead of in every translation unit that uses them.
add_library(gatehouse_boost INTERFACE)
target_link_libraries(gatehouse_boost INTERFACE Boost::headers OpenSSL::SSL OpenSSL::Crypto Threads::Threads)
target_compile_definitions(gatehouse_boost INTERFACE
  BOOST_ASIO_SEPARATE_COMPILATION
  BOOST_BEAST_SEPARATE_COMPILATION
  BOOST_ASIO_NO_DEPRECATED
  BOOST_ASIO_DISABLE_BOOST_COROUTINE
  # Asio's own recycling of coroutine frames keeps two blocks of at most
  # 1020 bytes per thread: the gateway's frames are larger and several are
  # live per request, so every frame missed that cache, freed a cached block
  # and went to memalign. The global allocator (tcmalloc's per-thread
  # caches) serves them for a fraction of that.
  BOOST_ASIO_DISABLE_AWAITABLE_FRAME_RECYCLING)
# GCC 12 reports asio's coroutine frame recycling allocator (operator new for
# the frame, a matching free in asio/detail/memory.hpp) as mismatched once
# inlined; the pairing is correct (GCC bug 109224).
target_compile_options(gatehouse_boost INTERFACE
  $<$<CXX_COMPILER_ID:GNU>:-Wno-mismatched-new-delete>)
