using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data;
using OnlineJudge.Web.Controllers;

namespace OnlineJudge.Tests.Platform;

/// <summary>
/// ARCHITECTURE.md: controllers stay thin and never see the data layer's entities, context or repositories; services
/// reach the database only through repositories, return no entity, and their families do not depend on each other in
/// a circle.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly Web = typeof(ApiControllerBase).Assembly;
    private static readonly Assembly DataAssembly = typeof(OnlineJudgeDbContext).Assembly;
    private static readonly Assembly ServicesAssembly = typeof(Services.DependencyInjection).Assembly;

    private static IEnumerable<Type> Controllers => Web.GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract);

    [Test]
    public void No_controller_action_returns_an_entity()
    {
        var offenders = Controllers
            .SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => Flatten(m.ReturnType).Any(IsEntity))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void No_controller_depends_on_the_db_context_or_a_repository()
    {
        var offenders = Controllers
            .SelectMany(c => c.GetConstructors().SelectMany(ctor => ctor.GetParameters()).Select(p => (c, p.ParameterType)))
            .Where(x => typeof(DbContext).IsAssignableFrom(x.ParameterType) || IsRepository(x.ParameterType))
            .Select(x => $"{x.c.Name}({x.ParameterType.Name})");
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Web_uses_no_data_layer_type_but_read_models()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offenders = new List<string>();
        foreach (var type in Web.GetTypes())
        {
            var used = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
            offenders.AddRange(used.SelectMany(Flatten).Where(t => t.Assembly == DataAssembly && !IsReadModel(t))
                .Select(t => $"{type.FullName} uses {t.FullName}"));
        }

        Assert.That(offenders.Distinct(), Is.Empty);
    }

    [Test]
    public void No_service_uses_the_db_context()
    {
        var offenders = ServicesAssembly.GetTypes()
            .Where(t => TypeReferences.All(t).Any(r => typeof(DbContext).IsAssignableFrom(r)))
            .Select(t => t.FullName);
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void No_service_returns_an_entity()
    {
        var offenders = ServicesAssembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => Flatten(m.ReturnType).Any(MappedEntities.Contains))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");
        Assert.That(offenders, Is.Empty);
    }

    /// <summary>The tables' types (a <c>DbSet</c> of the context); JSON column shapes such as <c>ProblemSample</c> are values, not entities.</summary>
    private static readonly HashSet<Type> MappedEntities = [.. typeof(OnlineJudgeDbContext).GetProperties()
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
        .Select(p => p.PropertyType.GetGenericArguments()[0])];

    [Test]
    public void Service_families_depend_on_each_other_without_cycles()
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in ServicesAssembly.GetTypes())
        {
            if (FamilyOf(type) is not { } family)
            {
                continue;
            }

            var used = edges.TryGetValue(family, out var set) ? set : edges[family] = new HashSet<string>(StringComparer.Ordinal);
            used.UnionWith(TypeReferences.All(type).Where(r => r.Assembly == ServicesAssembly).Select(FamilyOf).OfType<string>()
                .Where(f => f != family));
        }

        Assert.That(Cycles(edges), Is.Empty);
    }

    /// <summary><c>OnlineJudge.Services.Problems.X</c> → <c>Problems</c>; null for the root namespace.</summary>
    private static string? FamilyOf(Type type) =>
        type.Namespace is { } name && name.StartsWith("OnlineJudge.Services.", StringComparison.Ordinal)
            ? name["OnlineJudge.Services.".Length..].Split('.')[0]
            : null;

    /// <summary>Every cycle of the graph, each written once as "A -> B -> A".</summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> edges)
    {
        var cycles = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
        {
            var path = new Stack<string>();
            Visit(start);
            done.Add(start);

            void Visit(string node)
            {
                path.Push(node);
                foreach (var next in edges.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
                {
                    if (next == start)
                    {
                        cycles.Add(string.Join(" -> ", path.Reverse().Append(start)));
                    }
                    else if (!done.Contains(next) && !path.Contains(next))
                    {
                        Visit(next);
                    }
                }

                path.Pop();
            }
        }

        return cycles;
    }

    private static bool IsEntity(Type type) => type.Assembly == DataAssembly && type.Namespace == "OnlineJudge.Data.Entities";

    private static bool IsRepository(Type type) => type.Assembly == DataAssembly && type.Name.EndsWith("Repository", StringComparison.Ordinal);

    /// <summary>DTOs projected by repositories, paging and JSON helpers may travel up through the services.</summary>
    private static bool IsReadModel(Type type) =>
        !IsEntity(type) && !IsRepository(type) && !typeof(DbContext).IsAssignableFrom(type)
        && (type.Name.EndsWith("Dto", StringComparison.Ordinal) || type.Namespace is "OnlineJudge.Data.Paging" or "OnlineJudge.Data.Json");

    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return inner;
            }
        }
    }
}
