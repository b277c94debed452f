# install-configured.cmake — at install time, writes a file whose contents
# name installed paths (kohtaanto.pc, the systemd units) for the prefix
# actually installed to: `cmake --install --prefix P`, CPack's /usr, or the
# configured one. Called by kt_install_configured() (CMakeLists.txt), which
# sets KT_IN (template), KT_DEST (folder, relative to the prefix or
# absolute) and KT_LIBDIR, KT_INCLUDEDIR, KT_BINDIR, KT_DATADIR (as
# GNUInstallDirs chose them: lib/<multiarch> on Debian). The template sees
# @prefix@ and @KT_FULL_LIBDIR@ (with ${prefix}), @KT_FULL_INCLUDEDIR@,
# @KT_ABS_BINDIR@, @KT_ABS_DATADIR@ and @PROJECT_VERSION@.
set(prefix "${CMAKE_INSTALL_PREFIX}")
foreach(v LIBDIR INCLUDEDIR BINDIR DATADIR)
  if(IS_ABSOLUTE "${KT_${v}}")
    set(KT_FULL_${v} "${KT_${v}}")
    set(KT_ABS_${v} "${KT_${v}}")
  else()
    set(KT_FULL_${v} "\${prefix}/${KT_${v}}")
    set(KT_ABS_${v} "${prefix}/${KT_${v}}")
  endif()
endforeach()
if(IS_ABSOLUTE "${KT_DEST}")
  set(dest "${KT_DEST}")
else()
  set(dest "${prefix}/${KT_DEST}")
endif()
get_filename_component(name "${KT_IN}" NAME)
string(REGEX REPLACE "\\.in$" "" name "${name}")
set(out "$ENV{DESTDIR}${dest}/${name}")
configure_file("${KT_IN}" "${out}" @ONLY)
message(STATUS "Installing: ${out}")
list(APPEND CMAKE_INSTALL_MANIFEST_FILES "${out}")
