using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;
using static GanGen.Generators.Validation.Declared;

namespace GanGen.Generators.Validation;

/// <summary>Resolves a network's optimizer: the declared one with its values checked, else the loss's literature default.</summary>
internal static class OptimizerValidator
{
    public static OptimizerSpec Resolve(NetworkDeclaration network, LossKind loss, ValidationContext context)
    {
        if (network.Optimizers.Count > 1)
            context.Report(DiagnosticDescriptors.DuplicateOptimizer, network.Optimizers[1].Location, Capitalize(RoleName(network.Role)), network.Name);
        if (network.Optimizers.Count == 0) return Defaults.For(Defaults.Optimizer(loss), loss);

        var declared = network.Optimizers[0];
        var kind = declared.Kind switch { "RMSprop" => OptimizerKind.RMSprop, "Sgd" => OptimizerKind.Sgd, _ => OptimizerKind.Adam };
        var defaults = Defaults.For(kind, loss);
        string owner = $"{declared.Kind} on '{network.Name}':";
        double learningRate = defaults.LearningRate;
        if (Find(declared.Arguments, "LearningRate") is { } lr)
        {
            if (!(lr.Value > 0) || double.IsInfinity(lr.Value))
                context.Report(DiagnosticDescriptors.BadLearningRate, lr.Location, $"{declared.Kind} on '{network.Name}'", Number(lr.Value));
            else learningRate = lr.Value;
        }
        double beta1 = Beta(declared, "Beta1", defaults.Beta1, context, network.Name);
        double beta2 = Beta(declared, "Beta2", defaults.Beta2, context, network.Name);
        double epsilon = context.Check(Find(declared.Arguments, "Epsilon"), owner + " Epsilon", defaults.Epsilon, v => v > 0, "positive");
        double decay = context.Check(Find(declared.Arguments, "WeightDecay"), owner + " WeightDecay", 0, v => v >= 0 && !double.IsInfinity(v), "zero or positive");
        double alpha = context.Check(Find(declared.Arguments, "Alpha"), owner + " Alpha", defaults.Alpha, v => v >= 0 && v < 1, "in [0, 1)");
        double momentum = context.Check(Find(declared.Arguments, "Momentum"), owner + " Momentum", 0, v => v >= 0 && v < 1, "in [0, 1)");
        return new OptimizerSpec(kind, learningRate, beta1, beta2, epsilon, decay, alpha, momentum);
    }

    private static double Beta(OptimizerDeclaration declared, string name, double fallback, ValidationContext context, string network)
    {
        if (Find(declared.Arguments, name) is not { } beta) return fallback;
        if (beta.Value >= 0 && beta.Value < 1) return beta.Value;
        context.Report(DiagnosticDescriptors.BadBeta, beta.Location, $"{name} of {declared.Kind} on '{network}'", Number(beta.Value));
        return fallback;
    }
}
