using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Calendar;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
}
