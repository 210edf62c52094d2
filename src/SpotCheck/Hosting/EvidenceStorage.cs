using SpotCheck.Core.Evidence;

namespace SpotCheck.Hosting;

/// <summary>
/// Evidence files live under SpotCheck:EvidenceRoot (default &lt;DataDir&gt;/evidence), outside wwwroot; only the
/// authorised handlers serve them. Instances behind one load balancer point it at the same shared folder.
/// </summary>
public static class EvidenceStorage
{
    public static EvidenceStore For(Storage storage) => new(storage.EvidenceRoot);

    public static EvidenceStore Evidence(this IServiceProvider services) => For(services.GetRequiredService<Storage>());
}
