using System.Collections.Generic;
using System.Globalization;
using GanGen.CodeFixes;
using GanGen.Generators.Catalog;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Language;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// Validates the nodes of a network or block as a graph: each node reads the previous node's output, or what its
/// [From] names; merges read a second named node; references must name the input or an earlier node (so there is no
/// cycle); a node nothing reads is reported. Shapes are inferred node by node, blocks recursively with their use's input.
/// </summary>
internal sealed class NodeValidator
{
    private readonly NodeScope _scope;
    private readonly ValidationContext _context;
    private readonly Dictionary<string, long[]?> _outputs = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, int> _positions = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(System.StringComparer.Ordinal);

    private NodeValidator(NodeScope scope, ValidationContext context)
    {
        _scope = scope;
        _context = context;
    }

    /// <summary>The nodes' specs and the scope's output shape (null when a shape is unknown because of an error).</summary>
    public static (List<LayerSpec> Layers, long[]? Output) Validate(NodeScope scope, ValidationContext context) =>
        new NodeValidator(scope, context).Run();

    private (List<LayerSpec>, long[]?) Run()
    {
        var nodes = _scope.Nodes;
        for (int i = 0; i < nodes.Count; i++) _positions[nodes[i].Name] = i;
        var layers = new List<LayerSpec>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        long[]? previous = _scope.Input;
        string previousName = Node.Input;
        bool failed = false;
        for (int i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (!names.Add(node.Name))
                _context.Report(DiagnosticDescriptors.DuplicateLayerName, node.Location, Declared.Capitalize(_scope.Noun), _scope.Name, node.Name);
            if (node.Name == Node.Input)
                _context.Report(DiagnosticDescriptors.LayerNameReserved, node.Location, node.Name);

            long[]? input;
            string? from = null;
            if (node.From is { } reference)
            {
                input = Resolve(reference, "From", node, i, out bool known);
                if (known) from = reference.Name;
                else failed = true;
            }
            else
            {
                input = previous;
                _read.Add(previousName);
            }
            if (failed) input = null;

            var spec = node.Block is not null || node.BlockCycle
                ? BlockNode(node, input, i, from)
                : LayerNode(node, input, i == 0 && from is null ? _scope.Origin : null, i, from);
            if (spec is null)
            {
                _outputs[node.Name] = null;
                previous = null;
                failed = true; // later shapes are unknown; their own usage errors are still reported
            }
            else
            {
                layers.Add(spec);
                previous = Declared.ToArray(spec.OutputShape);
                _outputs[node.Name] = previous;
            }
            previousName = node.Name;
        }
        ReportUnused();
        return (layers, failed ? null : previous);
    }

    /// <summary>The shape a reference reads, reporting a name that is unknown, the node itself or a later one.</summary>
    private long[]? Resolve(NodeReference reference, string attribute, LayerDeclaration node, int position, out bool known)
    {
        known = false;
        if (reference.Name == Node.Input)
        {
            known = true;
            _read.Add(Node.Input);
            return _scope.Input;
        }
        if (!_positions.TryGetValue(reference.Name, out int at))
        {
            var candidates = new List<string>();
            for (int i = 0; i < position; i++) candidates.Add("nameof(" + _scope.Nodes[i].Name + ")");
            _context.Report(DiagnosticDescriptors.UnknownNode, reference.Location, attribute, node.Name, reference.Name, $"{_scope.Noun} '{_scope.Name}'",
                candidates.Count == 0 ? "none comes before it" : string.Join(", ", candidates));
            return null;
        }
        if (at >= position)
        {
            _context.Report(DiagnosticDescriptors.LaterNode, reference.Location, attribute, node.Name, reference.Name,
                at == position ? "itself" : "which is declared after it");
            return null;
        }
        known = true;
        _read.Add(reference.Name);
        return _outputs[reference.Name];
    }

    private void ReportUnused()
    {
        var nodes = _scope.Nodes;
        for (int i = 0; i + 1 < nodes.Count; i++)
        {
            if (_read.Contains(nodes[i].Name)) continue;
            string next = nodes[i + 1].From is { } from ? (from.Name == Node.Input ? "the input" : $"'{from.Name}'") : "its own input";
            _context.Report(DiagnosticDescriptors.UnusedNode, nodes[i].Location, nodes[i].Name, $"{_scope.Noun} '{_scope.Name}'", next);
        }
    }

    private LayerSpec? LayerNode(LayerDeclaration layer, long[]? input, InputOrigin? origin, int position, string? from)
    {
        int errorsBefore = _context.ErrorCount;
        CheckProperty(layer);

        StepDeclaration? module = null;
        int layerCount = 0;
        foreach (var step in layer.Steps)
        {
            if (!step.IsKnown || !StepCatalog.TryGet(step.Attribute.AttributeName, out _))
                _context.Report(DiagnosticDescriptors.UnsupportedAttribute, step.Location, step.Name, layer.Name);
            else if (step.IsLayer && layerCount++ == 0) module = step;
        }
        if (_context.ErrorCount > errorsBefore) return null;
        if (layerCount != 1)
        {
            _context.Report(DiagnosticDescriptors.LayerCount, layer.Location, layer.Name, layerCount.ToString(CultureInfo.InvariantCulture));
            return null;
        }
        var moduleKind = StepCatalog.Get(module!.Attribute.AttributeName);
        if (moduleKind.ModuleType != layer.TypeName && layer.TypeIsKnown)
            _context.Report(DiagnosticDescriptors.LayerTypeMismatch, layer.Location, layer.Name, moduleKind.Name,
                moduleKind.ModuleType!.Replace("global::", string.Empty), layer.TypeName.Replace("global::", string.Empty));
        CheckPlacement(layer, moduleKind);

        var steps = Steps(layer, input, origin, position, out long parameters, out long[]? output);
        if (_scope.Spectral && moduleKind.HasWeightMatrix && steps is not null && !steps.Exists(step => StepCatalog.Get(step.Kind) is SpectralNormKind))
            steps.Add(new StepSpec(typeof(SpectralNormAttribute).FullName!, EquatableArray<SpecArgument>.Empty, EquatableArray<int>.Empty,
                new EquatableArray<long>(output!), new EquatableArray<long>(output!)));
        if (_context.ErrorCount > errorsBefore || input is null || steps is null || output is null) return null;
        return new LayerSpec(layer.Name, layer.TypeName, layer.Accessibility, new EquatableArray<StepSpec>(steps.ToArray()),
            new EquatableArray<long>(input), new EquatableArray<long>(output), parameters, from);
    }

    /// <summary>The node's steps in order from <paramref name="input"/>: arguments resolved, shapes inferred, merges resolved.</summary>
    private List<StepSpec>? Steps(LayerDeclaration layer, long[]? input, InputOrigin? origin, int position, out long parameters, out long[]? output)
    {
        int errorsBefore = _context.ErrorCount;
        var steps = new List<StepSpec>();
        parameters = 0;
        long[]? shape = input;
        foreach (var step in layer.Steps)
        {
            var kind = StepCatalog.Get(step.Attribute.AttributeName);
            int before = _context.ErrorCount;
            var arguments = Arguments.Resolve(kind.Arguments, step.Attribute.Arguments, $"{kind.Name} {{0}} on '{layer.Name}'", _context);
            long[]? other = null;
            string? otherName = null;
            if (kind.IsMerge && step.Reference is { } reference)
            {
                other = Resolve(reference, kind.Name, layer, position, out bool known);
                otherName = reference.Name == Node.Input ? "the input" : $"'{reference.Name}'";
                if (!known || other is null) shape = null;
            }
            if (_context.ErrorCount > before || shape is null)
            {
                shape = null;
                continue;
            }
            var result = kind.Infer(new StepValues(arguments, step.Dimensions, other, otherName), shape);
            if (result.Output is null)
            {
                string problem = steps.Count == 0 && origin is not null ? origin.Explain(result.Problem!) : result.Problem!;
                _context.Report(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeMismatch, step.Location, kind.Name, layer.Name, Shapes.Format(shape), problem)
                    with { FixKey = result.FixPadding is null ? null : DiagnosticProperties.Padding, FixValue = result.FixPadding?.ToString(CultureInfo.InvariantCulture) });
                shape = null;
                continue;
            }
            if (result.Warning is { } unread)
                _context.Report(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadInput, step.Location, kind.Name, layer.Name, Shapes.Format(shape), unread)
                    with { FixKey = result.FixPadding is null ? null : DiagnosticProperties.Padding, FixValue = result.FixPadding?.ToString(CultureInfo.InvariantCulture) });
            steps.Add(new StepSpec(step.Attribute.AttributeName, arguments.ToSpec(kind.Arguments), step.Dimensions,
                new EquatableArray<long>(shape), new EquatableArray<long>(result.Output), step.Reference?.Name,
                other is null ? EquatableArray<long>.Empty : new EquatableArray<long>(other)));
            parameters += result.Parameters;
            shape = result.Output;
        }
        output = shape;
        return _context.ErrorCount > errorsBefore ? null : steps;
    }

    private LayerSpec? BlockNode(LayerDeclaration node, long[]? input, int position, string? from)
    {
        int errorsBefore = _context.ErrorCount;
        CheckProperty(node);
        if (node.BlockCycle || node.Block is null)
        {
            _context.Report(DiagnosticDescriptors.BlockContainsItself, node.Location, node.TypeName.Replace("global::", string.Empty),
                $"node of {_scope.Noun} '{_scope.Name}'");
            return null;
        }
        var block = node.Block;
        if (!block.IsPartial) _context.Report(DiagnosticDescriptors.NotPartial, block.Location, block.Name, "block module");
        if (block.IsGeneric) _context.Report(DiagnosticDescriptors.GenericNotSupported, block.Location, block.Name);
        if (block.BaseType is { } baseType)
            _context.Report(DiagnosticDescriptors.ConflictingBaseType, block.Location, block.Name, baseType, "its TorchSharp Module type");
        if (block.Layers.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.EmptyNetwork, block.Location, "Block", block.Name);
            return null;
        }

        bool spectral = false;
        var operations = new List<StepDeclaration>();
        foreach (var step in node.Steps)
        {
            if (!step.IsKnown || !StepCatalog.TryGet(step.Attribute.AttributeName, out var kind))
                _context.Report(DiagnosticDescriptors.UnsupportedAttribute, step.Location, step.Name, node.Name);
            else if (step.IsLayer)
                _context.Report(DiagnosticDescriptors.BlockNodeTakesOperations, step.Location, node.Name, block.Name, step.Name);
            // [SpectralNorm] on a block normalises every weighted layer in it (SAGAN's attention, SNGAN's residual blocks).
            else if (kind is SpectralNormKind)
            {
                spectral = true;
                if (!SpectralCoverage.HasWeightedLayer(block.Layers))
                    _context.Report(DiagnosticDescriptors.StepNotApplicable, step.Location, kind.Name, node.Name,
                        $"on a block it normalises every weight matrix inside, and block '{block.Name}' has none; put it on a block with a Dense, Conv2d, ConvTranspose2d or SelfAttention layer, or remove it");
            }
            else
            {
                CheckRole(node, step, kind);
                operations.Add(step);
            }
        }
        foreach (var (layer, step) in Declared.Steps(block.Layers))
        {
            if (StepCatalog.TryGet(step.Attribute.AttributeName, out var kind) && kind is FeatureMatchingKind)
                _context.Report(DiagnosticDescriptors.StepNotApplicable, step.Location, kind.Name, layer.Name,
                    "feature matching marks a node of the discriminator itself; put it on one of its nodes, not inside a block");
        }
        if (_context.ErrorCount > errorsBefore) return null;

        var inner = new NodeScope(block.Name, "block", block.Layers, input, null, _scope.Role, _scope.ConditionalClasses, spectral || _scope.Spectral, _scope.Blocks);
        var (layers, blockOutput) = Validate(inner, _context);
        if (_context.ErrorCount > errorsBefore || input is null || blockOutput is null) return null;

        long blockParameters = 0;
        foreach (var layer in layers) blockParameters += layer.ParameterCount;
        var spec = new BlockSpec(block.Name, block.TypeName, block.Namespace, block.Containers, new EquatableArray<LayerSpec>(layers.ToArray()),
            new EquatableArray<long>(input), new EquatableArray<long>(blockOutput), blockParameters,
            BlockSignatures.HasBatchNorm(layers) ? _scope.ConditionalClasses : 0, BlockSignatures.Of(layers, _scope.ConditionalClasses));
        _scope.Blocks.Check(spec, node, _context);

        var after = new LayerDeclaration(node.Name, node.Location, node.TypeName, node.TypeIsKnown, node.Accessibility, node.IsPartialDefinition,
            node.IsImplemented, node.IsStatic, node.HasGetter, node.HasSetter, new EquatableArray<StepDeclaration>(operations.ToArray()));
        var steps = Steps(after, blockOutput, null, position, out long parameters, out long[]? output);
        if (_context.ErrorCount > errorsBefore || steps is null || output is null) return null;
        return new LayerSpec(node.Name, node.TypeName, node.Accessibility, new EquatableArray<StepSpec>(steps.ToArray()),
            new EquatableArray<long>(input), new EquatableArray<long>(output), blockParameters + parameters, from, spec);
    }

    private void CheckProperty(LayerDeclaration layer)
    {
        if (!layer.IsPartialDefinition || layer.IsImplemented || layer.IsStatic || layer.HasSetter)
            _context.Report(DiagnosticDescriptors.LayerNotPartialProperty, layer.Location, layer.Name);
        if (ReservedNames.NetworkMembers.Contains(layer.Name))
            _context.Report(DiagnosticDescriptors.LayerNameReserved, layer.Location, layer.Name);
    }

    /// <summary>A step that applies to discriminators only, on a node of a generator or of a block a generator uses (GAN219).</summary>
    private void CheckRole(LayerDeclaration node, StepDeclaration step, StepKind kind)
    {
        if (_scope.Role == NetworkRole.Generator && kind.DiscriminatorOnlyReason is { } reason)
            _context.Report(DiagnosticDescriptors.StepNotApplicable, step.Location, kind.Name, node.Name,
                _scope.Noun == "block" ? $"block '{_scope.Name}' is used in a generator, and {reason}" : $"'{_scope.Name}' is a generator, and {reason}");
    }

    /// <summary>Steps that apply only to discriminators, or only to layers with a weight matrix (GAN219).</summary>
    private void CheckPlacement(LayerDeclaration layer, StepKind module)
    {
        foreach (var step in layer.Steps)
        {
            var kind = StepCatalog.Get(step.Attribute.AttributeName);
            CheckRole(layer, step, kind);
            if (kind is SpectralNormKind && !module.HasWeightMatrix)
                _context.Report(DiagnosticDescriptors.StepNotApplicable, step.Location, kind.Name, layer.Name,
                    $"spectral normalisation divides a weight matrix by its largest singular value, and {module.Name} has none; put it on a Dense, Conv2d or ConvTranspose2d layer");
        }
    }
}

/// <summary>What a network or block validates its nodes in.</summary>
/// <param name="Noun">"generator", "discriminator" or "block", for messages.</param>
/// <param name="Origin">What sets the first node's input, for its messages (null in a block).</param>
/// <param name="Role">The network the nodes end up in: generator-only rules apply inside its blocks too.</param>
/// <param name="ConditionalClasses">The network's batch norms take the label over this many classes (Conditioning.BatchNorm), inside blocks too; 0 when not.</param>
/// <param name="Spectral">Every weighted layer is spectrally normalised ([SpectralNorm] on the block's node).</param>
/// <param name="Blocks">The blocks this GAN uses so far, to check that each block class builds one set of layers.</param>
internal sealed record NodeScope(
    string Name,
    string Noun,
    EquatableArray<LayerDeclaration> Nodes,
    long[]? Input,
    InputOrigin? Origin,
    NetworkRole Role,
    int ConditionalClasses,
    bool Spectral,
    BlockUses Blocks);
