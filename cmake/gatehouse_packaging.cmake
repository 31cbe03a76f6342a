# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# The installed layout (FHS, freedesktop) and the packages CPack makes of it:
# a Debian package and a tarball. `packaging/dev.sh package` builds both;
# tests/packaging/ checks the .deb.
include(GNUInstallDirs)

# The desktop's name for the console: the desktop entry, the icon in the
# theme and the AppStream component are all named by it, and the program
# tells Wayland the same id (ui/application_icon.cpp).
set(GATEHOUSE_APP_ID dev.gatehouse.Gatehouse)

install(TARGETS gatehouse RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/${GATEHOUSE_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/${GATEHOUSE_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/gatehouse.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${GATEHOUSE_APP_ID}.svg)
# share/doc/gatehouse: Debian's machine-readable copyright (and the changelog
# below), the licence text itself (the tarball goes to systems without
# /usr/share/common-licenses), the configuration reference and the example
# configurations.
install(FILES
          ${PROJECT_SOURCE_DIR}/packaging/linux/copyright
          ${PROJECT_SOURCE_DIR}/LICENSE
          ${PROJECT_SOURCE_DIR}/README.md
          ${PROJECT_SOURCE_DIR}/resources/CONFIG_FORMAT.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The manual page and the changelog, gzipped as Debian wants them (-n:
# reproducibly). Made when configuring, so that installing needs nothing built
# but the program; editing either source re-runs CMake.
configure_file(${PROJECT_SOURCE_DIR}/packaging/linux/gatehouse.1.in
               ${PROJECT_BINARY_DIR}/packaging/gatehouse.1 @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECT_SOURCE_DIR}/packaging/linux/changelog)
foreach(file ${PROJECT_BINARY_DIR}/packaging/gatehouse.1 ${PROJECT_SOURCE_DIR}/packaging/linux/changelog)
  get_filename_component(name ${file} NAME)
  execute_process(COMMAND gzip -9nc ${file}
                  OUTPUT_FILE ${PROJECT_BINARY_DIR}/packaging/${name}.gz
                  COMMAND_ERROR_IS_FATAL ANY)
endforeach()
install(FILES ${PROJECT_BINARY_DIR}/packaging/gatehouse.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_BINARY_DIR}/packaging/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES
          ${PROJECT_SOURCE_DIR}/resources/gateway.example.yaml
          ${PROJECT_SOURCE_DIR}/resources/gateway.example.json
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

set(GATEHOUSE_PACKAGE_MAINTAINER "Gatehouse contributors <maintainers@gatehouse.dev>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB TGZ)
set(CPACK_PACKAGE_NAME gatehouse)
set(CPACK_PACKAGE_VENDOR "Gatehouse contributors")
set(CPACK_PACKAGE_CONTACT "${GATEHOUSE_PACKAGE_MAINTAINER}")
# The version is project()'s; the summary its DESCRIPTION; the homepage its
# HOMEPAGE_URL (CPack's defaults).
set(CPACK_PACKAGE_DESCRIPTION
    "Gatehouse is an API management console with an embedded, high-performance
API gateway. One program routes, authenticates, rate-limits, caches and
forwards API calls, records every call, and shows live traffic analytics.

The console keeps an API catalog (teams, versions, lifecycle, subscriptions,
approvals, API keys) in SQLite or PostgreSQL and compiles it into the
gateway's configuration. The gateway also runs headless from a declarative
YAML or JSON file.")
set(CPACK_SYSTEM_NAME linux-${CMAKE_SYSTEM_PROCESSOR})
set(CPACK_STRIP_FILES ON)
# Only what is installed, never a build tree, in `package_source`.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Libraries the binary links come from dpkg-shlibdeps (package dpkg-dev).
# What Qt loads as plugins at run time it cannot see: the SQL drivers for
# the catalog, the SVG plugins that draw the window icon, and Qt's own
# translations (dialog buttons in German and Chinese). The X11 platform
# plugin is part of libqt6gui6 on Debian 12, which shlibdeps finds; the
# Wayland one is optional (Qt falls back to XWayland).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")

include(CPack)
