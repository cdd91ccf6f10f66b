using Microsoft.EntityFrameworkCore;

namespace ServiceCenter.Data;

/// <summary>
/// A module's share of the model: its entity configurations. The context knows no module;
/// each module registers one contributor and <see cref="AppDbContext"/> applies them all.
/// </summary>
public interface IModelContributor
{
    /// <param name="provider">The database the model is built for: indexes may differ (a trigram
    /// index on PostgreSQL, none on SQLite); each provider has its own migration set.</param>
    void Contribute(ModelBuilder modelBuilder, DatabaseProvider provider);
}
