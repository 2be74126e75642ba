using System.Collections.Generic;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Language;
using GanGen.Generators.Model;
using static GanGen.Generators.Validation.Declared;

namespace GanGen.Generators.Validation;

/// <summary>Resolves a network's optimizer: the declared one with its values checked, unset values from the literature defaults.</summary>
internal static class OptimizerValidator
{
    public static OptimizerSpec Resolve(NetworkDeclaration network, OptimizerDefaults defaults, ValidationContext context)
    {
        if (network.Optimizers.Count > 1)
            context.Report(DiagnosticDescriptors.DuplicateOptimizer, network.Optimizers[1].Attribute.Location, Capitalize(RoleName(network.Role)), network.Name);
        var kind = network.Optimizers.Count == 0 ? defaults.Kind : network.Optimizers[0].Kind;
        var rules = Attributes.RulesOf(Attributes.OptimizerAttribute(kind));
        var declared = network.Optimizers.Count == 0 ? EquatableArray<ArgumentDeclaration>.Empty : network.Optimizers[0].Attribute.Arguments;
        var arguments = Arguments.Resolve(rules, declared, $"{kind} {{0}} on '{network.Name}'", context);

        var values = new List<SpecArgument>();
        foreach (var rule in rules)
        {
            double value = arguments.IsDeclared(rule.Name) ? arguments[rule.Name] : defaults.Value(kind, rule.Name);
            // The generated declaration states the numbers it trains with: a lazily regularised discriminator's corrected ones.
            if (network.Role == NetworkRole.Discriminator) value = defaults.CorrectedForLazyPenalty(kind, rule.Name, value);
            values.Add(new SpecArgument(rule.Name, value));
        }
        return new OptimizerSpec(kind, new EquatableArray<SpecArgument>(values.ToArray()));
    }
}
