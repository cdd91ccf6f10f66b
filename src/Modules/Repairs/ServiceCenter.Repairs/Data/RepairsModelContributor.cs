using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Data;

internal sealed class RepairsModelContributor : IModelContributor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Contribute(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<RepairOrder>(b =>
        {
            b.ToTable("repairs_orders");
            Versioned(b);
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.Barcode).HasMaxLength(40);
            b.Property(x => x.AcceptedByName).HasMaxLength(256);
            b.Property(x => x.ClientName).HasMaxLength(300);
            b.Property(x => x.ClientPhone).HasMaxLength(20);
            b.Property(x => x.DeviceName).HasMaxLength(300);
            b.Property(x => x.SerialNumber).HasMaxLength(100);
            b.Property(x => x.Imei).HasMaxLength(20);
            b.Property(x => x.Defect).HasMaxLength(4000);
            b.Property(x => x.Condition).HasMaxLength(4000);
            b.Property(x => x.Kit).HasMaxLength(1000);
            b.Property(x => x.PasscodeCipher).HasMaxLength(2000);
            b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.WarrantyKind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.WarrantyReason).HasMaxLength(500);
            b.Property(x => x.WarrantyRule).HasMaxLength(500);
            b.Property(x => x.WarrantySourceNumber).HasMaxLength(40);
            b.HasIndex(x => x.SerialId);
            b.Property(x => x.Approval).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.Stage).HasMaxLength(40);
            b.Property(x => x.FixDescription).HasMaxLength(4000);
            b.Property(x => x.LoanerOverrideReason).HasMaxLength(1000);
            b.Property(x => x.NewSerialNumber).HasMaxLength(100);
            b.Property(x => x.SearchText).HasMaxLength(1000);
            b.Property(x => x.Checklist).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<ChecklistMark>>(v, Json) ?? new List<ChecklistMark>(),
                new ValueComparer<List<ChecklistMark>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, m) => HashCode.Combine(h, m.GetHashCode())), v => v.ToList()));
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.Barcode).IsUnique();
            b.HasIndex(x => x.IntakeId);
            b.HasIndex(x => x.CounterpartyId);
            b.HasIndex(x => x.SerialNumber);
            b.HasIndex(x => x.Imei);
            // The list's default order and its common filters (docs/benchmarks.md).
            b.HasIndex(x => new { x.AcceptedAt, x.Id }).IsDescending(true, false);
            b.HasIndex(x => new { x.BranchId, x.Stage, x.AcceptedAt }).IsDescending(false, false, true);
            // Open orders only: the overdue filter, "open only" and the dashboard's counts read this
            // small index instead of the whole history (1M orders: 1.2 s → 32 ms, docs/benchmarks.md).
            var open = b.HasIndex(x => new { x.AcceptedAt, x.Id }, "ix_repairs_orders_open").IsDescending(true, false)
                .HasFilter("stage NOT IN ('Issued', 'Cancelled')");
            if (provider == DatabaseProvider.Postgres)
            {
                open.IncludeProperties(x => new { x.Stage, x.StageDeadline, x.LegalDeadline, x.PromisedOn });
            }
            b.HasIndex(x => new { x.Stage, x.AcceptedAt }).IsDescending(false, true);
            b.HasIndex(x => new { x.TechnicianId, x.Stage });
            if (provider == DatabaseProvider.Postgres)
            {
                b.HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            }
        });

        modelBuilder.Entity<RepairStageChange>(b =>
        {
            b.ToTable("repairs_stage_changes");
            Keyed(b);
            b.Property(x => x.From).HasMaxLength(40);
            b.Property(x => x.To).HasMaxLength(40);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.HasIndex(x => new { x.RepairId, x.At });
            b.HasOne<RepairOrder>().WithMany().HasForeignKey(x => x.RepairId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<RepairTask>(b =>
        {
            b.ToTable("repairs_tasks");
            Versioned(b);
            b.Property(x => x.Title).HasMaxLength(300);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.PlannedHours).HasPrecision(7, 2);
            b.Property(x => x.SpentHours).HasPrecision(7, 2);
            b.HasIndex(x => x.RepairId);
            b.HasIndex(x => new { x.AssigneeId, x.Status });
            b.HasIndex(x => new { x.BranchId, x.Status });
            b.HasOne<RepairOrder>().WithMany().HasForeignKey(x => x.RepairId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<RepairLine>(b =>
        {
            b.ToTable("repairs_lines");
            Versioned(b);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.Name).HasMaxLength(300);
            b.Property(x => x.SerialNumber).HasMaxLength(100);
            b.Property(x => x.WarrantyNote).HasMaxLength(300);
            b.HasIndex(x => x.RepairId);
            b.HasOne<RepairOrder>().WithMany().HasForeignKey(x => x.RepairId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<RepairApproval>(b =>
        {
            b.ToTable("repairs_approvals");
            Keyed(b);
            b.Property(x => x.Method).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.HasIndex(x => x.RepairId);
            b.HasOne<RepairOrder>().WithMany().HasForeignKey(x => x.RepairId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<RepairPhoto>(b =>
        {
            b.ToTable("repairs_photos");
            Keyed(b);
            b.Property(x => x.Stage).HasMaxLength(40);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.HasIndex(x => x.RepairId);
            b.HasOne<RepairOrder>().WithMany().HasForeignKey(x => x.RepairId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<DeviceCategory>(b =>
        {
            b.ToTable("repairs_device_categories");
            Versioned(b);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Checklist).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<string>>(v, Json) ?? new List<string>(),
                new ValueComparer<List<string>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
        });

        ContributeLoaners(modelBuilder);
        ContributeThirdParty(modelBuilder);
        ContributeDeliveries(modelBuilder);

        modelBuilder.Entity<RepairStage>(b =>
        {
            b.ToTable("repairs_stages");
            Versioned(b);
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Ignore(x => x.IsBuiltIn);
            b.HasIndex(x => new { x.BranchId, x.Code }).IsUnique();
            b.HasData(DefaultStages());
        });

        modelBuilder.Entity<StageEdge>(b =>
        {
            b.ToTable("repairs_stage_edges");
            Keyed(b);
            b.Property(x => x.From).HasMaxLength(40);
            b.Property(x => x.To).HasMaxLength(40);
            b.HasIndex(x => new { x.BranchId, x.From, x.To }).IsUnique();
            b.HasData(StageGraph.DefaultEdges.Select(e => StageEdge.Create(null, e.From, e.To, e.IsBack, FixedId($"edge:{e.From}>{e.To}"))));
        });
    }

    /// <summary>The loaner fund (issue 6): units, loans, history, condition photos.</summary>
    private static void ContributeLoaners(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LoanerUnit>(b =>
        {
            b.ToTable("repairs_loaner_units");
            Versioned(b);
            b.Property(x => x.ItemName).HasMaxLength(300);
            b.Property(x => x.SerialNumber).HasMaxLength(100);
            b.Property(x => x.SerialKey).HasMaxLength(100);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Note).HasMaxLength(1000);
            b.HasIndex(x => new { x.ItemId, x.SerialKey }).IsUnique();
            b.HasIndex(x => x.SerialKey);
            b.HasIndex(x => new { x.State, x.BranchId });
        });

        modelBuilder.Entity<LoanerIssue>(b =>
        {
            b.ToTable("repairs_loaner_issues");
            Versioned(b);
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.RepairNumber).HasMaxLength(40);
            b.Property(x => x.ClientName).HasMaxLength(300);
            b.Property(x => x.IssuedByName).HasMaxLength(256);
            b.Property(x => x.ReturnedByName).HasMaxLength(256);
            b.Property(x => x.IssueCondition).HasMaxLength(2000);
            b.Property(x => x.IssueKit).HasMaxLength(1000);
            b.Property(x => x.ReturnCondition).HasMaxLength(2000);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.RepairId);
            b.HasIndex(x => x.UnitId);

            // One open loan per unit and per order: the database's last word when two desks issue the same unit at once.
            b.HasIndex(x => x.UnitId, "ux_repairs_loaner_issues_unit_out").HasDatabaseName("ux_repairs_loaner_issues_unit_out").IsUnique().HasFilter("returned_at IS NULL");
            b.HasIndex(x => x.RepairId, "ux_repairs_loaner_issues_repair_out").HasDatabaseName("ux_repairs_loaner_issues_repair_out").IsUnique().HasFilter("returned_at IS NULL");
            b.HasIndex(x => new { x.ExpectedReturnOn, x.Id }, "ix_repairs_loaner_issues_out").HasDatabaseName("ix_repairs_loaner_issues_out").HasFilter("returned_at IS NULL");
            b.HasOne<LoanerUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<RepairOrder>().WithMany().HasForeignKey(x => x.RepairId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<LoanerEvent>(b =>
        {
            b.ToTable("repairs_loaner_events");
            Keyed(b);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.DocumentNumber).HasMaxLength(40);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.HasIndex(x => new { x.UnitId, x.At });
            b.HasOne<LoanerUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<LoanerPhoto>(b =>
        {
            b.ToTable("repairs_loaner_photos");
            Keyed(b);
            b.Property(x => x.Moment).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.HasIndex(x => x.IssueId);
            b.HasOne<LoanerIssue>().WithMany().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>Third-party service centres (issue 6): transfers (waybills) and their devices.</summary>
    private static void ContributeThirdParty(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ThirdPartyTransfer>(b =>
        {
            b.ToTable("repairs_third_party_transfers");
            Versioned(b);
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.CounterpartyName).HasMaxLength(300);
            b.Property(x => x.SentByName).HasMaxLength(256);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => new { x.CounterpartyId, x.SentAt });
            b.HasIndex(x => new { x.SentAt, x.Id }, "ix_repairs_third_party_transfers_open").HasDatabaseName("ix_repairs_third_party_transfers_open").HasFilter("is_closed = FALSE");
        });

        modelBuilder.Entity<ThirdPartyLine>(b =>
        {
            b.ToTable("repairs_third_party_lines");
            Versioned(b);
            b.Property(x => x.RepairNumber).HasMaxLength(40);
            b.Property(x => x.DeviceName).HasMaxLength(300);
            b.Property(x => x.SerialNumber).HasMaxLength(100);
            b.Property(x => x.StageBefore).HasMaxLength(40);
            b.Property(x => x.ReturnedByName).HasMaxLength(256);
            b.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.NewSerialNumber).HasMaxLength(100);
            b.Property(x => x.TheirDocument).HasMaxLength(200);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.HasIndex(x => x.TransferId);
            b.HasIndex(x => x.RepairId);

            // A device is at one third party at a time.
            b.HasIndex(x => x.RepairId, "ux_repairs_third_party_lines_repair_out").HasDatabaseName("ux_repairs_third_party_lines_repair_out").IsUnique().HasFilter("returned_at IS NULL");
            b.HasOne<ThirdPartyTransfer>().WithMany().HasForeignKey(x => x.TransferId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<RepairOrder>().WithMany().HasForeignKey(x => x.RepairId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>Courier tasks (issue 6): pickups and deliveries with their status history.</summary>
    private static void ContributeDeliveries(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Delivery>(b =>
        {
            b.ToTable("repairs_deliveries");
            Versioned(b);
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.ClientName).HasMaxLength(300);
            b.Property(x => x.ClientPhone).HasMaxLength(20);
            b.Property(x => x.RepairNumber).HasMaxLength(40);
            b.Property(x => x.Address).HasMaxLength(500);
            b.Property(x => x.CourierName).HasMaxLength(300);
            b.Property(x => x.FailReason).HasMaxLength(1000);
            b.Property(x => x.DeviceDescription).HasMaxLength(300);
            b.Property(x => x.Defect).HasMaxLength(4000);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => new { x.WindowFrom, x.CourierId });
            b.HasIndex(x => new { x.CourierId, x.WindowFrom });
            b.HasIndex(x => x.RepairId);
        });

        modelBuilder.Entity<DeliveryStatusChange>(b =>
        {
            b.ToTable("repairs_delivery_status_changes");
            Keyed(b);
            b.Property(x => x.From).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.To).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.HasIndex(x => new { x.DeliveryId, x.At });
            b.HasOne<Delivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>Default time limits of the built-in stages, hours; administrators change them per stage.</summary>
    private static IEnumerable<RepairStage> DefaultStages()
    {
        int?[] limits = [24, 48, 72, 336, 72, 720, null, null, null, null];
        return StageCodes.BuiltIn.Select((code, i) => RepairStage.BuiltIn(FixedId($"stage:{code}"), code, (i + 1) * 10, limits[i]));
    }

    /// <summary>Seed rows need ids that stay the same from one model build to the next.</summary>
    private static Guid FixedId(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    private static void Versioned<T>(EntityTypeBuilder<T> b)
        where T : VersionedEntity
    {
        Keyed(b);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    private static void Keyed<T>(EntityTypeBuilder<T> b)
        where T : Entity
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}
