namespace ServiceCenter.Repairs.Domain;

/// <summary>A row that belongs to one branch: a user bound to some branches sees only theirs (DESIGN §5).</summary>
public interface IBranchOwned
{
    Guid BranchId { get; }
}
