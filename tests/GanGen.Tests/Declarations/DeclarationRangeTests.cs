using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace GanGen.Tests.Declarations;

/// <summary>
/// The ranges the declaration language states once, on its attributes' arguments: [Accepts] (GAN105 outside it) and
/// [Usually] (GAN113 outside it). Each must be a real interval, a usual range must lie inside what is accepted, and
/// every default an attribute gives itself must be accepted — else a declaration that states nothing is an error.
/// </summary>
public class DeclarationRangeTests
{
    private static readonly Type[] DeclarationAttributes = typeof(AcceptsAttribute).Assembly.GetExportedTypes()
        .Where(t => typeof(Attribute).IsAssignableFrom(t) && !t.IsAbstract).ToArray();

    private static IEnumerable<(PropertyInfo Property, AcceptsAttribute Accepts)> Accepted() =>
        from type in DeclarationAttributes
        from property in type.GetProperties()
        let accepts = property.GetCustomAttribute<AcceptsAttribute>()
        where accepts is not null
        select (property, accepts);

    [Fact]
    public void Every_accepted_range_is_an_interval_that_describes_itself()
    {
        var accepted = Accepted().ToList();
        Assert.True(accepted.Count >= 30, $"only {accepted.Count} arguments carry [Accepts]");
        foreach (var (property, accepts) in accepted)
        {
            string name = $"{property.DeclaringType!.Name}.{property.Name}";
            Assert.True(accepts.Minimum <= accepts.Maximum, $"{name}: [Accepts({accepts.Minimum}, {accepts.Maximum})] is empty");
            Assert.False(string.IsNullOrWhiteSpace(accepts.Describe()), $"{name}: [Accepts] describes nothing");
        }
    }

    [Fact]
    public void Every_usual_range_lies_inside_the_accepted_one_and_says_why()
    {
        var usual = (from type in DeclarationAttributes
                     from property in type.GetProperties()
                     let usually = property.GetCustomAttribute<UsuallyAttribute>()
                     where usually is not null
                     select (property, usually)).ToList();
        Assert.True(usual.Count >= 10, $"only {usual.Count} arguments carry [Usually]");
        foreach (var (property, usually) in usual)
        {
            string name = $"{property.DeclaringType!.Name}.{property.Name}";
            var accepts = property.GetCustomAttribute<AcceptsAttribute>();
            Assert.True(accepts is not null, $"{name} has a usual range but no accepted one");
            // Containment of the intervals; an open accepted end may coincide with the usual range's end.
            Assert.True(usually.Minimum >= accepts!.Minimum && usually.Maximum <= accepts.Maximum,
                $"{name}: usually {usually.Describe()}, outside what it accepts ({accepts.Describe()})");
            Assert.False(string.IsNullOrWhiteSpace(usually.Reason), $"{name}: [Usually] gives no reason for GAN113 to show");
        }
    }

    [Fact]
    public void Every_default_an_attribute_gives_itself_is_accepted()
    {
        int checkedDefaults = 0;
        foreach (var (property, accepts) in Accepted())
        {
            var type = property.DeclaringType!;
            if (type.GetConstructor(Type.EmptyTypes) is not { } constructor) continue;
            object? value = property.GetValue(constructor.Invoke(null));
            if (value is null) continue;
            double number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            // 0 conventionally means "not set: the compiler applies the literature's default" for optional arguments.
            if (number == 0 && !accepts.Allows(0)) continue;
            Assert.True(accepts.Allows(number), $"{type.Name}.{property.Name} defaults to {number}, outside what it accepts ({accepts.Describe()})");
            checkedDefaults++;
        }
        Assert.True(checkedDefaults >= 10, $"only {checkedDefaults} defaults checked");
    }

    [Fact]
    public void Every_regulariser_is_a_sealed_class_attribute_used_once()
    {
        var regularizers = DeclarationAttributes.Where(t => typeof(RegularizerAttribute).IsAssignableFrom(t)).ToList();
        Assert.True(regularizers.Count >= 12, $"only {regularizers.Count} regularisers");
        foreach (var type in regularizers)
        {
            var usage = type.GetCustomAttribute<AttributeUsageAttribute>();
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            Assert.True(usage is { ValidOn: AttributeTargets.Class, AllowMultiple: false }, $"{type.Name} must be a class attribute declared once");
        }
    }
}
