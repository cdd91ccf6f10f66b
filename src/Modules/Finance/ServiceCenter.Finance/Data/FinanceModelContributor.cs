using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Finance.Domain;

namespace ServiceCenter.Finance.Data;

internal sealed class FinanceModelContributor : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<Payment>(b =>
        {
            b.ToTable("finance_payments");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.DocumentKind).HasMaxLength(40);
            b.Property(x => x.DocumentNumber).HasMaxLength(40);
            b.Property(x => x.Method).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.AuthorName).HasMaxLength(256);
            b.Property(x => x.CancelledByName).HasMaxLength(256);
            b.Property(x => x.Comment).HasMaxLength(500);
            b.Property(x => x.CancelReason).HasMaxLength(500);
            b.Property(x => x.SearchText).HasMaxLength(100);
            b.Ignore(x => x.Amount);
            b.Ignore(x => x.DocumentType);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.DocumentId);
            b.HasIndex(x => new { x.CounterpartyId, x.PostedAt });
            // The journal's default order (newest first) and its date filter.
            b.HasIndex(x => new { x.PostedAt, x.Id }).IsDescending(true, false);
        });

        modelBuilder.Entity<SettlementEntry>(b =>
        {
            b.ToTable("finance_settlement_entries");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.DocumentKind).HasMaxLength(40);
            b.Property(x => x.DocumentNumber).HasMaxLength(40);
            b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.Source).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.Reason).HasMaxLength(500);
            b.Ignore(x => x.Amount);
            b.HasIndex(x => new { x.DocumentId, x.Direction });
            b.HasIndex(x => new { x.CounterpartyId, x.Direction, x.At });
        });
    }
}
