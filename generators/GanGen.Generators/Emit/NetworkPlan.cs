using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Emit;

/// <summary>
/// What a network's class needs besides its layers, decided once before writing: each step's site (field prefix),
/// the fields steps read, and the label modules its conditioning adds. Names are checked for clashes here.
/// </summary>
internal sealed class NetworkPlan
{
    private readonly Dictionary<StepSpec, StepSite> _sites = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _factories = new();

    private NetworkPlan(NetworkSpec network) => Network = network;

    public NetworkSpec Network { get; }

    public List<EmittedField> Fields { get; } = new();

    public List<LabelModule> LabelModules { get; } = new();

    /// <summary>Layers with [SpectralNorm]: the layer, its spectral-norm field, and whether its weight keeps outputs along dimension 1.</summary>
    public List<(LayerSpec Layer, string Field, bool SecondDimension)> SpectralLayers { get; } = new();

    public long ParameterCount { get; private set; }

    public static NetworkPlan Of(NetworkSpec network)
    {
        var plan = new NetworkPlan(network);
        bool classNorm = network.Condition.Mode == Conditioning.BatchNorm;
        var taken = new HashSet<string>();
        foreach (var layer in network.Layers)
        {
            taken.Add(Literals.Field(layer.Name));
            taken.Add(layer.Name);
        }
        foreach (var layer in network.Layers)
        {
            // "New" + the layer's name, unless another layer is called that.
            string factory = "New" + layer.Name;
            while (!taken.Add(factory)) factory += "_";
            plan._factories[layer.Name] = factory;
        }
        foreach (var layer in network.Layers)
        {
            plan.ParameterCount += layer.ParameterCount;
            string? spectral = plan.Spectral(layer, taken);
            var occurrences = new Dictionary<string, int>();
            for (int i = 0; i < layer.Steps.Count; i++)
            {
                var step = layer.Steps[i];
                var kind = StepCatalog.Get(step.Kind);
                occurrences[step.Kind] = occurrences.TryGetValue(step.Kind, out int seen) ? seen + 1 : 1;
                string prefix = occurrences[step.Kind] == 1 ? layer.Name : layer.Name + occurrences[step.Kind];
                var site = new StepSite(Literals.Field(layer.Name), prefix, Fresh: true, classNorm && kind.IsBatchNormalization, kind.IsLayer ? spectral : null);
                var fields = new List<EmittedField>(kind.Fields(step, site));
                if (fields.Exists(field => taken.Contains(field.Name)))
                {
                    // A rare clash between generated names (a layer called "Down1Slope" beside "Down1"): index the step instead.
                    site = site with { Prefix = layer.Name + "Step" + i };
                    fields = new List<EmittedField>(kind.Fields(step, site));
                }
                foreach (var field in fields) taken.Add(field.Name);
                plan.Fields.AddRange(fields);
                plan._sites[step] = site;
                if (site.ClassConditional) plan.AddClassNorm(layer, step);
            }
        }
        plan.AddLabelModules();
        return plan;
    }

    /// <summary>The spectral-norm field of a layer that declares [SpectralNorm], registered in <see cref="SpectralLayers"/>; else null.</summary>
    private string? Spectral(LayerSpec layer, HashSet<string> taken)
    {
        StepKind? module = null;
        bool normalised = false;
        foreach (var step in layer.Steps)
        {
            var kind = StepCatalog.Get(step.Kind);
            if (kind.IsLayer) module = kind;
            normalised |= kind is SpectralNormKind;
        }
        if (!normalised || module is null) return null;
        string field = Literals.Field(layer.Name) + "Spectral";
        while (!taken.Add(field)) field += "_";
        SpectralLayers.Add((layer, field, module.OutputsAlongSecondDimension));
        return field;
    }

    /// <summary>The step's site with whether x is an owned intermediate at that point of the forward.</summary>
    public StepSite Site(StepSpec step, bool fresh) => _sites[step] with { Fresh = fresh };

    public string Construct(LayerSpec layer)
    {
        var step = LayerStep(layer);
        return StepCatalog.Get(step.Kind).Construct(step, _sites[step]);
    }

    /// <summary>The static method that constructs the layer's module: <c>NewDown1</c>.</summary>
    public string Factory(LayerSpec layer) => _factories[layer.Name];

    /// <summary>The layer's kernel-check probe: its module's description and one sample's input shape.</summary>
    public (string Description, EquatableArray<long> SampleShape) Probe(LayerSpec layer)
    {
        var step = LayerStep(layer);
        return (StepCatalog.Get(step.Kind).Describe(step), step.InputShape);
    }

    private static StepSpec LayerStep(LayerSpec layer)
    {
        foreach (var step in layer.Steps)
        {
            if (StepCatalog.Get(step.Kind).IsLayer) return step;
        }
        throw new System.InvalidOperationException($"Layer '{layer.Name}' has no layer step; the validator guarantees one.");
    }

    public string Describe(LayerSpec layer)
    {
        var parts = new List<string>();
        foreach (var step in layer.Steps)
        {
            string description = StepCatalog.Get(step.Kind).Describe(step);
            parts.Add(_sites[step].ClassConditional ? description + " (per-class scale and shift)" : description);
        }
        return string.Join(", ", parts);
    }

    private void AddClassNorm(LayerSpec layer, StepSpec step)
    {
        long channels = step.InputShape[0];
        int classes = Network.Condition.Classes;
        string scale = layer.Name + "Scale", shift = layer.Name + "Shift";
        LabelModules.Add(LabelModule.Embedding(scale, classes, channels, $"{layer.Name}'s per-class scale", null));
        LabelModules.Add(LabelModule.Embedding(shift, classes, channels, $"{layer.Name}'s per-class shift",
            $"global::GanGen.Runtime.Networks.Conditions.InitialiseScaleAndShift({Literals.Field(scale)}, {Literals.Field(shift)});"));
        ParameterCount += 2 * classes * channels;
    }

    private void AddLabelModules()
    {
        var condition = Network.Condition;
        LabelModule? module = condition.Mode switch
        {
            Conditioning.Embedding => LabelModule.Embedding("LabelEmbedding", condition.Classes, condition.Width, "label embedding", null),
            // Projection starts small (Xavier-uniform, as the projection discriminator's reference code) so it
            // does not swamp the unconditional score at the first steps.
            Conditioning.Projection => LabelModule.Embedding("LabelProjection", condition.Classes, condition.Width, "label projection on the last layer's input",
                "global::TorchSharp.torch.nn.init.xavier_uniform_(_LabelProjection.weight);"),
            Conditioning.Auxiliary => new LabelModule("global::TorchSharp.Modules.Linear", "ClassHead",
                $"global::TorchSharp.torch.nn.Linear({Literals.Long(Shapes.Product(Declared.ToArray(condition.Features)))}, {Literals.Long(condition.Classes)})",
                $"Dense {Shapes.Product(Declared.ToArray(condition.Features))} → {condition.Classes}: class logits on the last layer's input (AC-GAN)",
                new long[] { condition.Classes }, (Shapes.Product(Declared.ToArray(condition.Features)) + 1) * condition.Classes, null),
            _ => null,
        };
        if (module is null) return;
        LabelModules.Add(module);
        ParameterCount += module.ParameterCount;
    }
}

/// <summary>A module the conditioning adds beside the declared layers (label embeddings, a class head).</summary>
internal sealed record LabelModule(string Type, string Name, string Constructor, string Description, long[] OutputShape, long ParameterCount, string? AfterInitialisation)
{
    public static LabelModule Embedding(string name, int classes, long width, string description, string? afterInitialisation) =>
        new("global::TorchSharp.Modules.Embedding", name, $"global::TorchSharp.torch.nn.Embedding({Literals.Long(classes)}, {Literals.Long(width)})",
            $"Embedding {classes} → {width}: {description}", new[] { width }, classes * width, afterInitialisation);
}

/// <summary>Reference equality for specs, which are records compared by value (two equal steps are two sites).</summary>
internal sealed class ReferenceEqualityComparer : IEqualityComparer<object>
{
    public static ReferenceEqualityComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
