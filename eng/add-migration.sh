#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets (DESIGN §3).
# Usage: eng/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: eng/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/ServiceCenter.Web -v q -nologo
for provider in Sqlite Postgres; do
  echo "== $provider"
  # Design time needs a connection string only to build the options; nothing connects.
  ConnectionStrings__Postgres="Host=localhost;Database=design" Database__MigrateOnStartup=false \
  dotnet ef migrations add "$name" --no-build \
    --project "src/ServiceCenter.Data.$provider" \
    --startup-project src/ServiceCenter.Web \
    --context AppDbContext \
    --output-dir Migrations \
    -- --Database:Provider=$provider
done
