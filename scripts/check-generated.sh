#!/usr/bin/env bash
# Regenerates proto/ and generated/ from the current protocol and fails on any
# difference from what is committed: generated code is never edited by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir="${PROTOCOL_DIR:-../shared/protocol/versions/v6.6.0}"
if [ ! -f "$source_dir/seto.piqi" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "check-generated: $source_dir/seto.piqi not found; CI must have the protocol sources beside the clone" >&2
    exit 1
  fi
  echo "check-generated: skipped: $source_dir/seto.piqi not found (only a development checkout has ../shared)"
  exit 0
fi
npm run --silent generate -- "$source_dir"
changes=$(git status --porcelain -- proto generated)
if [ -n "$changes" ]; then
  echo "check-generated: proto/ or generated/ differ from what 'npm run generate -- $source_dir' produces:" >&2
  echo "$changes" >&2
  git --no-pager diff --stat -- proto generated >&2 || true
  echo "Run 'npm run generate -- $source_dir' and commit the result; never edit generated code by hand." >&2
  exit 1
fi
echo "check-generated: proto/ and generated/ are fresh"
