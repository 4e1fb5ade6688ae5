#!/usr/bin/env bash
# ModelPipeline's entry point, like NUKE's build.sh: builds build/_build.csproj when its sources changed,
# then runs it with the arguments given (targets and --parameters). Downloads nothing: it needs the
# .NET 10 SDK on PATH (NuGet packages are restored from the configured feed on the first build).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$ROOT/.tmp/build-bin"
STAMP="$OUT/.stamp"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "build.sh: the .NET 10 SDK is not on PATH (install it, e.g. Debian's dotnet-sdk-10.0 package, then retry)." >&2
  exit 127
fi

stale() {
  [ -f "$STAMP" ] || return 0
  [ -n "$(find "$ROOT/build" "$ROOT/src" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" "$ROOT/global.json" \
      \( -name bin -o -name obj \) -prune -o -type f -newer "$STAMP" -print -quit 2>/dev/null)" ]
}

if stale; then
  mkdir -p "$OUT"
  if ! dotnet build "$ROOT/build/_build.csproj" -c Release -o "$OUT" -nologo -clp:ErrorsOnly -v:q >"$OUT/build.log" 2>&1; then
    cat "$OUT/build.log" >&2
    echo "build.sh: compiling build/_build.csproj failed (log: $OUT/build.log)" >&2
    exit 1
  fi
  touch "$STAMP"
fi

cd "$ROOT"
exec dotnet "$OUT/_build.dll" "$@"
