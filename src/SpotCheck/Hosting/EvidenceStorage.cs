using SpotCheck.Core.Evidence;

namespace SpotCheck.Hosting;

/// <summary>Evidence files live under &lt;DataDir&gt;/evidence, outside wwwroot; only the authorised handlers serve them.</summary>
public static class EvidenceStorage
{
    public static EvidenceStore For(Storage storage) => new(Path.Combine(storage.DataDir, "evidence"));

    public static EvidenceStore Evidence(this IServiceProvider services) => For(services.GetRequiredService<Storage>());
}
