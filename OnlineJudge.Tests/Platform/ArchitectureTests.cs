using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data;
using OnlineJudge.Web.Controllers;

namespace OnlineJudge.Tests.Platform;

/// <summary>ARCHITECTURE.md: controllers stay thin and never see the data layer's entities, context or repositories.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Web = typeof(ApiControllerBase).Assembly;
    private static readonly Assembly DataAssembly = typeof(OnlineJudgeDbContext).Assembly;

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
