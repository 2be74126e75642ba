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

    private NetworkPlan(IReadOnlyList<LayerSpec> nodes, ConditionSpec condition, bool inBlock, string input)
    {
        Nodes = nodes;
        Condition = condition;
        InBlock = inBlock;
        InputVariable = input;
    }

    /// <summary>The nodes of the network or block, in order.</summary>
    public IReadOnlyList<LayerSpec> Nodes { get; }

    /// <summary>How the network takes its label (none for a block: a block sees only what its nodes declare).</summary>
    public ConditionSpec Condition { get; }

    /// <summary>A block's plan: its ONNX node names are prefixed with the use's name.</summary>
    public bool InBlock { get; }

    /// <summary>The forward's input parameter: <c>input</c>, or <c>noise</c>/<c>samples</c> beside labels.</summary>
    public string InputVariable { get; }

    /// <summary>The block nodes, in order.</summary>
    public IEnumerable<LayerSpec> BlockNodes
    {
        get
        {
            foreach (var node in Nodes)
            {
                if (node.Block is not null) yield return node;
            }
        }
    }

    /// <summary>Spectral norm in this module or in a block it uses: it has spectral passes.</summary>
    public bool HasSpectralNorm
    {
        get
        {
            if (SpectralLayers.Count > 0 || SelfSpectralLayers.Count > 0) return true;
            foreach (var node in BlockNodes)
            {
                if (HasSpectral(node.Block!)) return true;
            }
            return false;
        }
    }

    /// <summary>Whether a block (or a block inside it) normalises a weight spectrally.</summary>
    public static bool HasSpectral(BlockSpec block)
    {
        foreach (var step in Validation.Declared.Steps(block.Layers))
        {
            if (StepCatalog.Get(step.Kind) is SpectralNormKind) return true;
        }
        return false;
    }

    /// <summary>The local holding a kept value: a node's output (<c>down1Out</c>), the input, or a head's features.</summary>
    /// <param name="input">The printer's name for the input, where it differs from the forward's (ONNX names it <c>noise</c>, <c>samples</c>).</param>
    public string Local(string value, string? input = null)
    {
        if (value == NodeProgram.Features) return "features";
        if (value == Node.Input) return _inputKept ? "networkInput" : input ?? InputVariable;
        return char.ToLowerInvariant(value[0]) + value.Substring(1) + "Out";
    }

    private bool _inputKept;
    private int _classes;

    /// <summary>The network's forward, lowered: a joined label makes x an owned intermediate from the start.</summary>
    public NodeProgram Program(bool head, (int Node, int Step)? stop = null)
    {
        bool joined = Condition.Mode is Conditioning.Concatenate or Conditioning.Embedding;
        var program = NodeProgram.Lower(Nodes, joined, head, stop);
        _inputKept = program.KeptValues.Contains(Node.Input);
        return program;
    }

    public List<EmittedField> Fields { get; } = new();

    public List<LabelModule> LabelModules { get; } = new();

    /// <summary>Layers with [SpectralNorm] whose module normalises its own inner weights and has passes of its own (SelfAttention).</summary>
    public List<LayerSpec> SelfSpectralLayers { get; } = new();

    /// <summary>Layers with [SpectralNorm]: the layer, its spectral-norm field, and whether its weight keeps outputs along dimension 1.</summary>
    public List<(LayerSpec Layer, string Field, bool SecondDimension)> SpectralLayers { get; } = new();

    public long ParameterCount { get; private set; }

    public static NetworkPlan Of(NetworkSpec network)
    {
        var condition = network.Condition;
        string input = !condition.TakesLabels ? "input" : network.Role == NetworkRole.Generator ? "noise" : "samples";
        return Of(network.Layers, condition, condition.Mode == Conditioning.BatchNorm ? condition.Classes : 0, inBlock: false, input);
    }

    public static NetworkPlan Of(BlockSpec block) =>
        Of(block.Layers, ConditionSpec.None, block.Classes, inBlock: true, "input");

    /// <param name="conditionalClasses">Batch norms are class-conditional over this many classes; 0 when not.</param>
    private static NetworkPlan Of(IReadOnlyList<LayerSpec> nodes, ConditionSpec condition, int conditionalClasses, bool inBlock, string input)
    {
        bool classNorm = conditionalClasses > 0;
        var plan = new NetworkPlan(nodes, condition, inBlock, input) { _classes = conditionalClasses };
        var taken = new HashSet<string>();
        foreach (var layer in nodes)
        {
            taken.Add(Literals.Field(layer.Name));
            taken.Add(layer.Name);
        }
        foreach (var layer in nodes)
        {
            // "New" + the layer's name, unless another layer is called that.
            string factory = "New" + layer.Name;
            while (!taken.Add(factory)) factory += "_";
            plan._factories[layer.Name] = factory;
        }
        foreach (var layer in nodes)
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
                var site = new StepSite(Literals.Field(layer.Name), prefix, Fresh: true, classNorm && kind.IsBatchNormalization, kind.IsLayer ? spectral : null,
                    InBlock: inBlock);
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
        if (module.SpectralNormInside)
        {
            SelfSpectralLayers.Add(layer);
            return Literals.Field(layer.Name);
        }
        string field = Literals.Field(layer.Name) + "Spectral";
        while (!taken.Add(field)) field += "_";
        SpectralLayers.Add((layer, field, module.OutputsAlongSecondDimension));
        return field;
    }

    /// <summary>The step's site with whether x is an owned intermediate at that point of the forward, and a merge's other operand.</summary>
    public StepSite Site(StepSpec step, bool fresh, string? input = null) =>
        _sites[step] with { Fresh = fresh, Other = step.Reference is { } reference ? Local(reference, input) : null };

    public string Construct(LayerSpec layer)
    {
        if (layer.Block is { } block) return $"new {block.TypeName}()";
        var step = LayerStep(layer);
        return StepCatalog.Get(step.Kind).Construct(step, _sites[step]);
    }

    /// <summary>The static method that constructs the layer's module: <c>NewDown1</c>.</summary>
    public string Factory(LayerSpec layer) => _factories[layer.Name];

    /// <summary>The layer's kernel-check probe: its module's description and one sample's input shape; null for blocks and layers without a kernel.</summary>
    public (string Description, EquatableArray<long> SampleShape)? Probe(LayerSpec layer)
    {
        if (layer.Block is not null) return null;
        var step = LayerStep(layer);
        var kind = StepCatalog.Get(step.Kind);
        return kind.HasKernel ? (kind.Describe(step), step.InputShape) : null;
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
        if (layer.Block is { } block) parts.Add($"{block.Name} ({Literals.Count(block.Layers.Count)} nodes)");
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
        int classes = _classes;
        string scale = layer.Name + "Scale", shift = layer.Name + "Shift";
        LabelModules.Add(LabelModule.Embedding(scale, classes, channels, $"{layer.Name}'s per-class scale", null));
        LabelModules.Add(LabelModule.Embedding(shift, classes, channels, $"{layer.Name}'s per-class shift",
            $"global::GanGen.Runtime.Networks.Conditions.InitialiseScaleAndShift({Literals.Field(scale)}, {Literals.Field(shift)});"));
        ParameterCount += 2 * classes * channels;
    }

    private void AddLabelModules()
    {
        var condition = Condition;
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
