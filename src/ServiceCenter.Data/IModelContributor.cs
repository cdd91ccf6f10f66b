using Microsoft.EntityFrameworkCore;

namespace ServiceCenter.Data;

/// <summary>
/// A module's share of the model: its entity configurations. The context knows no module;
/// each module registers one contributor and <see cref="AppDbContext"/> applies them all.
/// </summary>
public interface IModelContributor
{
    void Contribute(ModelBuilder modelBuilder);
}
