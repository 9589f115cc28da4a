# Sourced by the deploy scripts that build before they run (not run on its own).
#
# maven_build TAG LOG ARGS...: runs ./mvnw -B ARGS... from the repository root ($ROOT) with its whole
# output in LOG, and prints a line as Maven starts each module, a count of the files it downloads and
# its errors, so a first build (minutes, most of it downloading) shows where it is. Fails as Maven does.
maven_build() {
  local tag=$1 log=$2
  shift 2
  mkdir -p "$(dirname "$log")"
  printf '[%s] ./mvnw %s (whole output in %s)\n' "$tag" "$*" "$log"
  (cd "$ROOT" && ./mvnw -B "$@") 2>&1 | tee "$log" | awk -v tag="$tag" '
    /^\[INFO\] Building / && !/^\[INFO\] Building (jar|war|zip|tar):/ {
      sub(/^\[INFO\] Building /, ""); gsub(/  +/, " "); printf "[%s]   %s\n", tag, $0; fflush(); next }
    /^\[INFO\] .*Quarkus augmentation completed/ { sub(/^\[INFO\] (\[[^]]*\] )?/, ""); printf "[%s]     %s\n", tag, $0; fflush(); next }
    /^\[INFO\] Downloaded from / { if (++downloads % 100 == 0) { printf "[%s]     %d files downloaded\n", tag, downloads; fflush() } next }
    /^\[ERROR\] *(To see|Re-run|For more|\[Help 1\]|$)/ { next }
    /^\[ERROR\]/ { print; fflush() }
    /^\[INFO\] BUILD (SUCCESS|FAILURE)/ { sub(/^\[INFO\] /, ""); printf "[%s]   %s\n", tag, $0; fflush() }'
}

# stale JAR PATH...: whether JAR is missing or older than a file under one of the PATHs (outside target/).
stale() {
  local jar=$1
  shift
  [[ ! -f $jar || -n $(find "$@" -path '*/target' -prune -o -newer "$jar" -type f -print -quit) ]]
}
