using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// Keeps the data-protection key ring in the database so every app instance behind a load balancer
/// can read every cookie (design.md: the web tier is stateless). The EF package for this is not in
/// the package registry here, and this is the whole of what it does.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System;
        return db.DataProtectionKeys.Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System;
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
