using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Data;

/// <summary>The serial import's table (WAR-04): one row per uploaded file and its background run.</summary>
internal sealed class ImportModelContributor : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<SerialImport>(b =>
        {
            b.ToTable("warranty_serial_imports");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.FileName).HasMaxLength(260);
            b.Property(x => x.Format).HasMaxLength(10);
            b.Property(x => x.Encoding).HasMaxLength(20);
            b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.MappingJson).HasMaxLength(2000);
            b.Property(x => x.Culture).HasMaxLength(20);
            b.Property(x => x.FailureCode).HasMaxLength(100);
            b.Property(x => x.CreatedByName).HasMaxLength(256);
            b.Ignore(x => x.IsFinished);

            // The worker looks for queued and running imports; the page lists the newest.
            b.HasIndex(x => x.State);
            b.HasIndex(x => x.CreatedAt);
        });
    }
}
