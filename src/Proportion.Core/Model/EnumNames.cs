using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Proportion.Core.Model;

/// <summary>Enum values as people read them, from their [Display(Name)]: for pages and for messages the core writes.</summary>
public static class EnumNames
{
    // Reflection is slow and lists render hundreds of names, so each name is looked up once.
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Cache.GetOrAdd(value, v => typeof(TEnum).GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name ?? v.ToString());
}
