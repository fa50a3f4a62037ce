#ifndef KILN_CLIBGIT2_SHIM_H
#define KILN_CLIBGIT2_SHIM_H
#include <git2.h>

/// `git_libgit2_opts` is variadic, which Swift cannot call; these wrap the options Kiln sets.
static inline int kiln_git_disable_owner_validation(void) {
  return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
}

static inline int kiln_git_set_search_path_empty(int level) {
  return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "");
}

static inline int kiln_git_enable_caching(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}

/// The configuration search path of `level` (empty when cleared); the caller frees `out`.
static inline int kiln_git_get_search_path(int level, git_buf *out) {
  return git_libgit2_opts(GIT_OPT_GET_SEARCH_PATH, level, out);
}

/// Whether libgit2 checks that a repository belongs to the current user (1) or not (0).
static inline int kiln_git_get_owner_validation(int *enabled) {
  return git_libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, enabled);
}
#endif
