using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;

namespace ServiceCenter.Repairs.Data;

internal sealed class RepairsModelContributor : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
    }
}
