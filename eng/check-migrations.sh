#!/usr/bin/env bash
# Fails when the model has changes that no migration captures, for either provider.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  ConnectionStrings__Postgres="Host=localhost;Database=design" Database__MigrateOnStartup=false \
  dotnet ef migrations has-pending-model-changes --no-build \
    --project "src/ServiceCenter.Data.$provider" \
    --startup-project src/ServiceCenter.Web \
    --context AppDbContext \
    -- --Database:Provider=$provider
done
