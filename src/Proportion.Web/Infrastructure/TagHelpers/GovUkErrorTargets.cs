using Microsoft.AspNetCore.Mvc.ModelBinding;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// Works out which element an error summary link should point at for a ModelState key. The summary is
/// rendered before the fields, so it cannot ask them; it follows the key through the page model's
/// metadata instead and applies the same id rules the field tag helpers use.
/// </summary>
public static class GovUkErrorTargets
{
    private static readonly string[] DatePartNames = ["Day", "Month", "Year"];

    /// <summary>
    /// Where the error summary should link for a ModelState key, and where the field sits in the model:
    /// property declaration order (then collection index) at each level, which is the order the form asks
    /// its questions when the input model is written in that order. ModelState itself is sorted by key.
    /// </summary>
    /// <returns>A null id when the key is not a field (empty, unknown, or a whole object).</returns>
    public static (string? Id, IReadOnlyList<int> Position) Resolve(string key, ModelMetadata root)
    {
        if (string.IsNullOrEmpty(key))
        {
            return (null, []);
        }

        var unknown = (default(string), (IReadOnlyList<int>)[int.MaxValue]);
        var position = new List<int>();
        ModelMetadata? current = root;
        ModelMetadata? parent = null;
        string? lastProperty = null;
        var parentKeyLength = 0;
        var keyLength = 0;
        foreach (var (segment, isIndex, end) in Segments(key))
        {
            if (current is null)
            {
                return unknown;
            }
            parent = current;
            parentKeyLength = keyLength;
            keyLength = end;
            if (isIndex)
            {
                current = current.ElementMetadata;
                lastProperty = null;
                position.Add(int.TryParse(segment, out var index) ? index : 0);
            }
            else
            {
                var (property, order) = FindProperty(parent, segment);
                current = property;
                lastProperty = segment;
                position.Add(order);
            }
        }
        if (current is null)
        {
            return unknown;
        }

        if (current.ModelType == typeof(DateParts))
        {
            return (GovUkIds.DatePart(GovUkIds.ForName(key), "day"), position);
        }
        if (parent?.ModelType == typeof(DateParts) && lastProperty is not null && DatePartNames.Contains(lastProperty, StringComparer.OrdinalIgnoreCase))
        {
            return (GovUkIds.DatePart(GovUkIds.ForName(key[..parentKeyLength]), lastProperty.ToLowerInvariant()), position);
        }
        return (IsField(current) ? GovUkIds.ForName(key) : null, position);
    }

    /// <summary>Orders positions element by element; a shorter prefix (a general error) comes first.</summary>
    public static int ComparePositions(IReadOnlyList<int> x, IReadOnlyList<int> y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }
        return x.Count.CompareTo(y.Count);
    }

    // A simple value is an input, select or radios; a collection of simple values is checkboxes.
    private static bool IsField(ModelMetadata metadata) =>
        !metadata.IsComplexType
        || (metadata.IsEnumerableType && metadata.ElementMetadata is { IsComplexType: false });

    private static (ModelMetadata? Property, int Order) FindProperty(ModelMetadata container, string name)
    {
        var order = 0;
        foreach (var property in container.Properties)
        {
            // Model binding honours [BindProperty(Name = ...)] and [FromForm(Name = ...)], and is case-insensitive.
            if (string.Equals(property.BinderModelName ?? property.PropertyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return (property, order);
            }
            order++;
        }
        return (null, int.MaxValue);
    }

    /// <summary>"Input.Items[0].Name" → Input, [0], Items... each with the length of the key up to its end.</summary>
    private static IEnumerable<(string Segment, bool IsIndex, int End)> Segments(string key)
    {
        var start = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i < key.Length && key[i] != '.' && key[i] != '[')
            {
                continue;
            }
            if (i > start)
            {
                yield return (key[start..i], false, i);
            }
            if (i < key.Length && key[i] == '[')
            {
                var close = key.IndexOf(']', i);
                if (close < 0)
                {
                    yield break;
                }
                yield return (key[(i + 1)..close], true, close + 1);
                i = close;
                if (i + 1 < key.Length && key[i + 1] == '.')
                {
                    i++;
                }
            }
            start = i + 1;
        }
    }
}
