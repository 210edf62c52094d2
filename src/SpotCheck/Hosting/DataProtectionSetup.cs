using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpotCheck.Core.Data;
using SpotCheck.Core.KeyRing;

namespace SpotCheck.Hosting;

/// <summary>
/// One key ring for all instances: stored in the database under a fixed application name, so a cookie or antiforgery
/// token issued by one instance is accepted by every other. With SpotCheck:KeyRingCertificate (a PFX file, password in
/// SpotCheck:KeyRingCertificatePassword) the keys are encrypted at rest with that certificate; every instance needs it.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "SpotCheck";

    public static void AddSpotCheckDataProtection(this IServiceCollection services, IConfiguration config)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        if (config["SpotCheck:KeyRingCertificate"] is { Length: > 0 } path)
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, config["SpotCheck:KeyRingCertificatePassword"]));
    }

    /// <summary>Data Protection calls it synchronously, rarely (start-up and key rotation), from any thread.</summary>
    sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return db.KeyRing.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.KeyRing.Add(new KeyRingEntry { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException) when (db.KeyRing.AsNoTracking().Any(k => k.FriendlyName == friendlyName))
            {
                // Another instance stored this element first (friendly names are key ids).
            }
        }
    }
}
