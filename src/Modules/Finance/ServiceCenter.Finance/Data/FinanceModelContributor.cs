using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;

namespace ServiceCenter.Finance.Data;

internal sealed class FinanceModelContributor : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
    }
}
