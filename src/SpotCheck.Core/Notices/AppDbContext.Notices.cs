using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Notices;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<IssuedNotice> IssuedNotices => Set<IssuedNotice>();
    public DbSet<NoticeSettings> NoticeSettings => Set<NoticeSettings>();
}
