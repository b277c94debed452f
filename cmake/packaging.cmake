# packaging.cmake — Debian packages built by CPack (`cpack -G DEB` in the
# build folder; tests/package/deb.sh builds and unpacks them):
#   kohtaanto          the command (CLI and server), libkohtaanto.so.N, the
#                      bundled catalogue, man pages, docs, systemd units
#   libkohtaanto-dev   header, libkohtaanto.so, kohtaanto.pc, the CMake
#                      package, libkohtaanto(3)
# Install components: bin and lib go to kohtaanto, dev to libkohtaanto-dev.
# Runtime dependencies come from dpkg-shlibdeps (libxapian30, libicu72,
# libvoikko1, liblmdb0, libjansson4, libmicrohttpd12, libstemmer0d, libc6,
# libstdc++6 on Debian 12), plus voikko-fi, the Finnish morphology Voikko
# loads at run time.
set(CPACK_PACKAGE_NAME kohtaanto)
set(CPACK_PACKAGE_VENDOR "Kohtaanto")
set(CPACK_PACKAGE_CONTACT "Kohtaanto maintainers <kohtaanto@localhost>")
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put it before each
# package's own first line (its synopsis).
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL bin lib dev)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
set(CPACK_COMPONENT_BIN_GROUP kohtaanto)
set(CPACK_COMPONENT_LIB_GROUP kohtaanto)
set(CPACK_COMPONENT_DEV_GROUP dev)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PROJECT_BINARY_DIR}/engine)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)

set(CPACK_DEBIAN_KOHTAANTO_PACKAGE_NAME kohtaanto)
set(CPACK_DEBIAN_KOHTAANTO_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_KOHTAANTO_PACKAGE_DEPENDS "voikko-fi")
# ldconfig through a trigger (not CPack's default postinst/postrm calling
# it); postinst reloads systemd, postrm on purge removes /var/lib/kohtaanto.
set(CPACK_DEBIAN_KOHTAANTO_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/dist/debian/triggers
  ${PROJECT_SOURCE_DIR}/dist/debian/postinst ${PROJECT_SOURCE_DIR}/dist/debian/postrm)
set(CPACK_DEBIAN_KOHTAANTO_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_KOHTAANTO_PACKAGE_RECOMMENDS "man-db")
set(CPACK_DEBIAN_KOHTAANTO_PACKAGE_SUGGESTS "nginx | caddy, xapian-tools")
set(CPACK_DEBIAN_KOHTAANTO_DESCRIPTION
  "ranks employment and social services against a counsellor's need text
Kohtaanto ranks the services of a city's employment-services catalogue
(employment, education, social, health, Kela and NGO services) against a
counsellor's free-text description of a client's situation and need,
written in Finnish, and explains each match. This package holds the
kohtaanto command (search, index, serve: an HTTP JSON API and a search
page), its library, a bundled catalogue of 259 services, and systemd
units for a hardened server that rebuilds its index when the catalogue
changes.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libkohtaanto-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_ARCHITECTURE_IS_ALL OFF)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "kohtaanto (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_DEV_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_DEV_DESCRIPTION
  "development files of libkohtaanto
The C header kohtaanto.h, the libkohtaanto.so link, the pkg-config file
kohtaanto.pc, the CMake package (find_package(kohtaanto), target
kohtaanto::kohtaanto) and the libkohtaanto(3) manual page.")

include(CPack)
