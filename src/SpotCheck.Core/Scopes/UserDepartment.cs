using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Officers;

namespace SpotCheck.Core.Scopes;

/// <summary>A person's membership of a department: they act for it and read its subordinates.</summary>
public sealed class UserDepartment
{
    UserDepartment() { }

    public UserDepartment(string userId, int departmentId)
    {
        UserId = userId;
        DepartmentId = departmentId;
    }

    public string UserId { get; private set; } = "";
    public int DepartmentId { get; private set; }
}

sealed class UserDepartmentConfiguration : IEntityTypeConfiguration<UserDepartment>
{
    public void Configure(EntityTypeBuilder<UserDepartment> b)
    {
        b.HasKey(m => new { m.UserId, m.DepartmentId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.DepartmentId);
    }
}
