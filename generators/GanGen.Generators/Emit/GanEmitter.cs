using System.Text;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Emits one file per GAN: the trainer partial (the resolved declaration, constructor and the declared loss as
/// straight-line code) and both networks nested in it.
/// </summary>
internal static class GanEmitter
{
    private const string Tensor = "global::TorchSharp.torch.Tensor";
    private const string Losses = "global::GanGen.Runtime.Training.GanLosses";

    public static string HintName(GanSpec gan) => HintName(gan.Namespace, gan.Containers, gan.Name);

    /// <summary>Namespace.Containers.Name.g.cs: one file per GAN, whether generated in full or recovered.</summary>
    public static string HintName(string? ns, EquatableArray<ContainingType> containers, string name)
    {
        var hint = new StringBuilder();
        if (ns is not null) hint.Append(ns).Append('.');
        foreach (var container in containers) hint.Append(container.Name).Append('.');
        hint.Append(name).Append(".g.cs");
        return hint.ToString();
    }

    public static string Emit(GanSpec gan)
    {
        var writer = new SourceWriter();
        writer.Line(Generated.Header.TrimEnd('\n'));
        if (gan.Namespace is not null) writer.Open($"namespace {gan.Namespace}");
        foreach (var container in gan.Containers) writer.Open($"partial {container.Keyword} {container.Name}");

        string generator = gan.Generator.Name, discriminator = gan.Discriminator.Name;
        writer.Line($"/// <summary>");
        writer.Line($"/// GAN trainer: {gan.Loss} loss, {gan.CriticSteps} discriminator update(s) per generator update, {(gan.Order == OrderKind.DiscriminatorFirst ? "discriminator" : "generator")} first;");
        writer.Line($"/// samples of shape {Literals.Shape(gan.DataShape)} from a latent of {gan.LatentSize} ({gan.Latent}).");
        writer.Line($"/// </summary>");
        writer.Line(Generated.Attribute);
        writer.Open($"partial class {gan.Name} : {KnownNames.TrainerBase}<{gan.Name}.{generator}, {gan.Name}.{discriminator}>");

        writer.Line("/// <summary>The declaration as resolved at compile time, literature defaults applied.</summary>");
        writer.Line("public static readonly global::GanGen.Runtime.Training.GanTrainerConfig Declaration = new(");
        writer.Line($"    Name: \"{gan.Name}\",");
        writer.Line($"    Loss: global::GanGen.GanLoss.{gan.Loss},");
        writer.Line($"    CriticSteps: {Literals.Int(gan.CriticSteps)},");
        writer.Line($"    Order: global::GanGen.TrainingOrder.{gan.Order},");
        writer.Line($"    LatentSize: {Literals.Int(gan.LatentSize)},");
        writer.Line($"    Latent: global::GanGen.LatentDistribution.{gan.Latent},");
        writer.Line($"    DataShape: {Literals.LongArray(gan.DataShape)},");
        writer.Line($"    Generator: {Optimizer(gan.Generator.Optimizer)},");
        // Optional trailing arguments only when they differ from their defaults, so most declarations stay short.
        var optional = new System.Collections.Generic.List<string>();
        if (gan.GeneratorAverage > 0) optional.Add($"GeneratorAverage: {Literals.Double(gan.GeneratorAverage)}");
        if (gan.Pack != 1) optional.Add($"Pack: {Literals.Int(gan.Pack)}");
        writer.Line($"    Discriminator: {Optimizer(gan.Discriminator.Optimizer)}{(optional.Count == 0 ? ");" : ",")}");
        for (int i = 0; i < optional.Count; i++) writer.Line($"    {optional[i]}{(i == optional.Count - 1 ? ");" : ",")}");
        writer.Line();
        writer.Line("private readonly global::GanGen.Runtime.Training.GanLossConstants _lossConstants =");
        writer.Line($"    new(realLabel: {Literals.Double(gan.RealLabel)}, gradientPenalty: {Literals.Double(gan.GradientPenalty)}, weightClip: {Literals.Double(gan.WeightClip)});");
        writer.Line();
        writer.Line("/// <summary>Builds both networks on <paramref name=\"device\"/> (CPU when null), seeded with <paramref name=\"seed\"/>.</summary>");
        writer.Line("/// <param name=\"device\">Where to train; any TorchSharp backend the application references.</param>");
        writer.Line("/// <param name=\"seed\">Seed for initialisation, noise and dropout.</param>");
        writer.Line("/// <param name=\"fixedNoiseCount\">Size of the fixed noise batch behind <c>SampleFixed()</c>.</param>");
        writer.Line($"public {gan.Name}(global::TorchSharp.torch.Device? device = null, long seed = 0, int fixedNoiseCount = 64)");
        writer.Line($"    : base(Declaration, static () => new {generator}(), static () => new {discriminator}(), device, seed, fixedNoiseCount)");
        writer.Line("{");
        writer.Line("}");
        writer.Line();

        EmitDiscriminatorLoss(writer, gan);
        writer.Line();
        EmitGeneratorLoss(writer, gan);
        if (gan.Loss == LossKind.Wasserstein)
        {
            writer.Line();
            writer.Line("/// <summary>WGAN weight clipping: every critic parameter into [−c, c], one op over the flat buffer.</summary>");
            writer.Open("protected override void AfterDiscriminatorUpdate()");
            writer.Line("base.DiscriminatorParameters.Values.clamp_(_lossConstants.ClipLow, _lossConstants.ClipHigh);");
            writer.Close();
        }
        writer.Line();
        writer.Line("/// <summary>Both networks' layer tables, as inferred at compile time.</summary>");
        writer.Line($"public static string Summary() => {generator}.Summary() + \"\\n\" + {discriminator}.Summary();");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Open("protected override void Dispose(bool disposing)");
        writer.Line("base.Dispose(disposing);");
        writer.Line("if (disposing) _lossConstants.Dispose();");
        writer.Close();

        writer.Line();
        NetworkEmitter.Emit(writer, gan.Generator, gan);
        writer.Line();
        NetworkEmitter.Emit(writer, gan.Discriminator, gan);
        writer.Close();

        foreach (var _ in gan.Containers) writer.Close();
        if (gan.Namespace is not null) writer.Close();
        return writer.ToString();
    }

    private static void EmitDiscriminatorLoss(SourceWriter writer, GanSpec gan)
    {
        writer.Line($"/// <inheritdoc />");
        writer.Open($"protected override {Tensor} DiscriminatorLoss({Tensor} real, {Tensor} fake, out {Tensor} realScores, out {Tensor} fakeScores)");
        if (gan.Discriminator.SamplesIndependent)
        {
            writer.Line($"// {gan.Discriminator.Name} has no batch-statistics layer, so real and fake samples share one forward pass.");
            writer.Line("base.ScoreInOnePass(real, fake, out realScores, out fakeScores);");
        }
        else
        {
            writer.Line($"// Separate passes: {gan.Discriminator.Name}'s batch statistics must see real and fake batches apart.");
            writer.Line("realScores = base.Discriminator.forward(real);");
            writer.Line("fakeScores = base.Discriminator.forward(fake);");
        }
        switch (gan.Loss)
        {
            case LossKind.Minimax:
            case LossKind.NonSaturating:
                writer.Line($"return {Losses}.BceDiscriminator(realScores, fakeScores, _lossConstants);");
                break;
            case LossKind.Wasserstein:
                writer.Line($"return {Losses}.WassersteinCritic(realScores, fakeScores);");
                break;
            case LossKind.WassersteinGP:
                writer.Line($"var critic = {Losses}.WassersteinCritic(realScores, fakeScores);");
                writer.Line($"using var penalty = {Losses}.GradientPenalty(base.Discriminator, real, fake, PenaltyEpsilon(real), _lossConstants);");
                writer.Line("return critic.add_(penalty, _lossConstants.One);");
                break;
            case LossKind.Hinge:
                writer.Line($"return {Losses}.HingeDiscriminator(realScores, fakeScores, _lossConstants);");
                break;
            case LossKind.LeastSquares:
                writer.Line($"return {Losses}.LeastSquaresDiscriminator(realScores, fakeScores, _lossConstants);");
                break;
        }
        writer.Close();
    }

    private static void EmitGeneratorLoss(SourceWriter writer, GanSpec gan)
    {
        string call = gan.Loss switch
        {
            LossKind.Minimax => $"{Losses}.MinimaxGenerator(fakeScores)",
            LossKind.NonSaturating => $"{Losses}.NonSaturatingGenerator(fakeScores)",
            LossKind.LeastSquares => $"{Losses}.LeastSquaresGenerator(fakeScores, _lossConstants)",
            _ => $"{Losses}.WassersteinGenerator(fakeScores)",
        };
        writer.Line($"/// <inheritdoc />");
        writer.Open($"protected override {Tensor} GeneratorLoss({Tensor} fake)");
        writer.Line("using var fakeScores = base.Discriminator.forward(fake);");
        writer.Line($"return {call};");
        writer.Close();
    }

    private static string Optimizer(OptimizerSpec optimizer) =>
        "new global::GanGen.Runtime.Optimization.OptimizerSettings(" +
        $"global::GanGen.Runtime.Optimization.OptimizerKind.{optimizer.Kind}, " +
        $"LearningRate: {Literals.Double(optimizer.LearningRate)}, Beta1: {Literals.Double(optimizer.Beta1)}, Beta2: {Literals.Double(optimizer.Beta2)}, " +
        $"Epsilon: {Literals.Double(optimizer.Epsilon)}, WeightDecay: {Literals.Double(optimizer.WeightDecay)}, " +
        $"Alpha: {Literals.Double(optimizer.Alpha)}, Momentum: {Literals.Double(optimizer.Momentum)})";
}
